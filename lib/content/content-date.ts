import { firstDayOf } from './days';
import type { RawContent } from './files';

/**
 * The date of the content, shown in the footer: the newest date on which a
 * source document or a change on /actueel held (their `datering.datum` and
 * `datum`). Derived, so adding a newer fact sheet moves it without an edit.
 * Returns the peildatum as written ("2026-12-02", "2026-03").
 */
export function contentDate(content: Pick<RawContent, 'documenten' | 'actueel'>): string | null {
  const dates = [...content.documenten.map((d) => d.datering.datum), ...content.actueel.map((a) => a.datum)];
  let newest: string | null = null;
  for (const d of dates) if (newest === null || firstDayOf(d) > firstDayOf(newest)) newest = d;
  return newest;
}
