import type { Geldigheid } from '@/lib/content/schema';
import { isoToday } from '@/lib/content/days';
import { validityOn } from '@/lib/content/validity';
import { VALIDITY_TONE } from './validity-tone';

/**
 * A funding source's status today: a badge with a word (never colour alone)
 * and the sentence beside it ("Loopt af op 31 december 2026").
 */
export function ValidityBadge({ geldigheid, day = isoToday(), withText = true }: { geldigheid: Geldigheid; day?: string; withText?: boolean }) {
  const v = validityOn(geldigheid, day);
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ring-1 ${VALIDITY_TONE[v.status]}`}>{v.label}</span>
      {withText && <span className="text-sm">{v.text}</span>}
    </span>
  );
}
