/**
 * The years of a regional plan and the per-year values of its items. Pure, no
 * zod: the schema, the split, the form and the diff all use it.
 *
 * Items hold one entry per year of the plan, in ascending order ({year,
 * amount} for shared items, {year, counts} for historical trajectories). On
 * input a year that is not given is 0; a year outside the plan's range may be
 * given only as 0 (it carries nothing and is dropped), anything else is
 * refused, so changing the plan's years never loses an amount silently.
 */

export type YearAmount = { year: number; amount: number };
/** Trajectories in one year, one count per member (member order). */
export type YearCounts = { year: number; counts: number[] };

/** startYear … endYear, ascending (empty when the range is reversed). */
export function yearsOf(startYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let y = startYear; y <= endYear; y++) years.push(y);
  return years;
}

/** "2026–2028", or "2026" for a plan of one year. */
export function rangeLabel(startYear: number, endYear: number): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`;
}

export function outsideRangeMessage(year: number, startYear: number, endYear: number, fix = 'Maak dit leeg of 0, of pas de looptijd aan.'): string {
  return `${year} valt buiten de looptijd van het plan (${rangeLabel(startYear, endYear)}). ${fix}`;
}

/** One entry per year of `years`: the given amount, or the same amount every year, or 0. */
export function amountsForYears(years: readonly number[], entries: readonly YearAmount[] | null, sameEveryYear: number | null = null): YearAmount[] {
  const given = new Map((entries ?? []).map((e) => [e.year, e.amount]));
  return years.map((year) => ({ year, amount: sameEveryYear ?? given.get(year) ?? 0 }));
}

/** The amount of one year (0 when the item has no entry for it). */
export function amountIn(entries: readonly YearAmount[], year: number): number {
  return entries.find((e) => e.year === year)?.amount ?? 0;
}

/** Every year of `years`: the counts given for it, or zeros (one per member). */
export function countsForYears(years: readonly number[], entries: readonly YearCounts[], memberCount: number): YearCounts[] {
  const given = new Map(entries.map((e) => [e.year, e.counts]));
  return years.map((year) => ({ year, counts: Array.from({ length: memberCount }, (_, m) => given.get(year)?.[m] ?? 0) }));
}
