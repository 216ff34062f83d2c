import { formatPeildatum } from './labels';
import type { Datering, Geldigheid } from './schema';
import { firstDayOf, isoToday, lastDayOf } from './days';

/**
 * Whether a funding source can pay, on a day (for pages) or in a plan year
 * (for funding plans). Pure functions of the content's `geldigheid` and a
 * date, so pages, plans, exports and tests agree.
 *
 * STATUS ON A DAY (what a user reads next to a source):
 * - `start`:      vanaf is a date after the day ("start op 1 januari 2027");
 * - `beeindigd`:  tot is a date before the day;
 * - `loopt-af`:   tot is a date on or after the day ("loopt af op 31 december 2026");
 * - `onbekend-na`: tot is onbekend and bekendTot has passed ("onbekend na 2025");
 * - `onbekend`:   tot is onbekend and nothing says until when it ran;
 * - `loopt`:      tot is open (a standing task or budget), or onbekend with a
 *                 bekendTot still ahead.
 *
 * IN A PLAN YEAR (the warning on a funding line): a source is `ended` in year
 * Y when its tot is a date before the last day of Y (a source that stops
 * halfway through Y cannot pay all of Y), `unknown` when tot is onbekend and
 * Y runs past bekendTot (or there is no bekendTot), `notStarted` when vanaf
 * lies after the first day of Y. Otherwise it is `ok`.
 */

/** The part of a geldigheid the calculations need (no texts), small enough to send to the browser. */
export type ValidityDates = Pick<Geldigheid, 'vanaf' | 'tot' | 'bekendTot' | 'opvolger'>;

export type ValidityStatus = 'start' | 'beeindigd' | 'loopt-af' | 'onbekend-na' | 'onbekend' | 'loopt';

export type ValidityState = {
  status: ValidityStatus;
  /** Short badge text, e.g. "Loopt af", "Beëindigd". */
  label: string;
  /** The sentence a user reads, e.g. "Loopt af op 31 december 2026". */
  text: string;
  /** Sort key: running sources first, then unknown, then ended. */
  rank: number;
};

const isDate = (v: string): boolean => v !== 'open' && v !== 'onbekend';

/** "2026-12-31" → "31 december 2026"; "2022" → "2022". */
export function formatDateNl(value: string): string {
  return formatPeildatum(value);
}

export function validityOn(g: ValidityDates, day: string): ValidityState {
  if (isDate(g.vanaf) && firstDayOf(g.vanaf) > day) {
    return { status: 'start', label: 'Start later', text: `Start op ${formatDateNl(firstDayOf(g.vanaf))}`, rank: 1 };
  }
  if (isDate(g.tot)) {
    const end = lastDayOf(g.tot);
    if (end < day) return { status: 'beeindigd', label: 'Beëindigd', text: `Beëindigd: liep tot en met ${formatDateNl(end)}`, rank: 3 };
    return { status: 'loopt-af', label: 'Loopt af', text: `Loopt af op ${formatDateNl(end)}`, rank: 0 };
  }
  if (g.tot === 'onbekend') {
    if (g.bekendTot && lastDayOf(g.bekendTot) >= day) {
      return { status: 'loopt', label: 'Loopt', text: `Loopt in elk geval tot en met ${formatDateNl(g.bekendTot)}; daarna onbekend`, rank: 0 };
    }
    if (g.bekendTot) return { status: 'onbekend-na', label: 'Onbekend', text: `Onbekend na ${formatDateNl(g.bekendTot)}`, rank: 2 };
    return { status: 'onbekend', label: 'Onbekend', text: 'Looptijd onbekend', rank: 2 };
  }
  return { status: 'loopt', label: 'Loopt', text: 'Loopt; geen einddatum bekend', rank: 0 };
}

/** Sources sorted with current ones first and ended ones last; stable within a rank. */
export function sortByValidity<T extends { geldigheid: ValidityDates }>(items: readonly T[], day: string): T[] {
  return items
    .map((item, i) => ({ item, i, rank: validityOn(item.geldigheid, day).rank }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

export type YearValidity =
  | { kind: 'ok' }
  | { kind: 'ended'; end: string }
  | { kind: 'unknown'; knownUntil: string | null }
  | { kind: 'notStarted'; start: string };

/** Whether a source can pay for the whole of `year` (see the module comment). */
export function validityInYear(g: ValidityDates, year: number): YearValidity {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (isDate(g.vanaf) && firstDayOf(g.vanaf) > first) return { kind: 'notStarted', start: firstDayOf(g.vanaf) };
  if (isDate(g.tot)) {
    const end = lastDayOf(g.tot);
    return end < last ? { kind: 'ended', end } : { kind: 'ok' };
  }
  if (g.tot === 'onbekend') {
    if (g.bekendTot && lastDayOf(g.bekendTot) >= last) return { kind: 'ok' };
    return { kind: 'unknown', knownUntil: g.bekendTot ? lastDayOf(g.bekendTot) : null };
  }
  return { kind: 'ok' };
}

/**
 * The warning a plan line gets in `year`, or null. `successor` is the name of
 * the source's opvolger when the content names one.
 */
export function yearWarning(sourceName: string, g: ValidityDates, year: number, successor?: string, today: string = isoToday()): string | null {
  const v = validityInYear(g, year);
  switch (v.kind) {
    case 'ok':
      return null;
    case 'ended': {
      const verb = v.end < today ? 'liep af op' : 'loopt af op';
      const next = successor ? `opvolger: ${successor}` : `voor ${year} is geen opvolger bekend`;
      return `${sourceName} ${verb} ${formatDateNl(v.end)}; ${next}.`;
    }
    case 'unknown':
      return v.knownUntil
        ? `${sourceName}: na ${formatDateNl(v.knownUntil)} is niet bekend of deze geldbron nog bestaat; voor ${year} is dit geld onzeker.`
        : `${sourceName}: de looptijd is onbekend; ga na of deze geldbron in ${year} nog bestaat.`;
    case 'notStarted':
      return `${sourceName} begint pas op ${formatDateNl(v.start)}; in ${year} kan deze geldbron nog niet (het hele jaar) betalen.`;
  }
}

/** "vóór juni 2022", "circa 2020", "december 2020", "2018–2022": how old a document is. */
export function formatDatering(d: Datering): string {
  switch (d.soort) {
    case 'exact':
      return formatPeildatum(d.datum);
    case 'circa':
      return `circa ${formatPeildatum(d.datum)}`;
    case 'uiterlijk':
      return `ongedateerd, van vóór ${formatPeildatum(d.datum)}`;
    case 'periode':
      return `${formatPeildatum(d.datum)} tot en met ${formatPeildatum(d.tot ?? d.datum)}`;
  }
}
