import { isoToday } from '@/lib/content/days';
import { validityInYear, yearWarning, type ValidityDates } from '@/lib/content/validity';
import type { YearAmount } from './types';

/**
 * Funding plan lines that count on a source in a year when, by the content's
 * `geldigheid`, the source has ended, has not started, or is not known to run
 * (lib/content/validity.ts). Such money is warned about on the edit and read
 * pages, in the exports and in the API, and the totals count it apart as
 * "onzeker na afloop van de bron" instead of as funding.
 *
 * Custom sources and slugs that left the catalogue carry no validity: the
 * app knows nothing about them, so it does not warn (the read page already
 * marks them as an own source).
 */

type WarnLine = { id?: string; sourceSlug: string | null; amounts: readonly YearAmount[] };

export type PlanWarning = {
  /** The line's id where it has one (stored lines), else its position in the list. */
  lineId: string | null;
  lineIndex: number;
  year: number;
  sourceSlug: string;
  message: string;
};

/** What these functions need of a source; PlanContent's sources have it, and so does the editor's trimmed list. */
export type ValiditySource = { slug: string; naam: string; geldigheid: ValidityDates };
type SourcesContent = { bronnen: readonly ValiditySource[] };
const sourceMaps = new WeakMap<readonly ValiditySource[], ReadonlyMap<string, ValiditySource>>();

function sourcesOf(content: SourcesContent): ReadonlyMap<string, ValiditySource> {
  let map = sourceMaps.get(content.bronnen);
  if (!map) {
    map = new Map(content.bronnen.map((b) => [b.slug, b]));
    sourceMaps.set(content.bronnen, map);
  }
  return map;
}

/** Whether money from the source cannot be counted on for the whole year. */
export function isUncertain(content: SourcesContent, sourceSlug: string | null, year: number): boolean {
  if (!sourceSlug) return false;
  const source = sourcesOf(content).get(sourceSlug);
  return source ? validityInYear(source.geldigheid, year).kind !== 'ok' : false;
}

/** The warning for money from `sourceSlug` in `year`, or null. */
export function sourceYearWarning(content: SourcesContent, sourceSlug: string | null, year: number, today: string = isoToday()): string | null {
  if (!sourceSlug) return null;
  const sources = sourcesOf(content);
  const source = sources.get(sourceSlug);
  if (!source) return null;
  const successor = source.geldigheid.opvolger ? sources.get(source.geldigheid.opvolger)?.naam : undefined;
  return yearWarning(source.naam, source.geldigheid, year, successor, today);
}

/** One warning per line and year with money in which its source has ended or is uncertain, in line and year order. */
export function planWarnings(lines: readonly WarnLine[], content: SourcesContent, today: string = isoToday()): PlanWarning[] {
  return lines.flatMap((line, lineIndex) =>
    line.amounts.flatMap(({ year, amount }) => {
      const message = amount > 0 ? sourceYearWarning(content, line.sourceSlug, year, today) : null;
      return message && line.sourceSlug ? [{ lineId: line.id ?? null, lineIndex, year, sourceSlug: line.sourceSlug, message }] : [];
    }),
  );
}
