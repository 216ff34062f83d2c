import type { LineRow, YearAmount } from './types';

/**
 * Funding lines hold an amount per year (issue 9: a plan is budgeted as a
 * grid of lines × years, like a meerjarenbegroting). These helpers keep the
 * amounts in one canonical form, so storage, diffs, merges and exports agree:
 * ascending by year, one entry per year, zeros left out ("a year left out is 0").
 */

/** Canonical amounts: zeros dropped, ascending by year. Duplicate years are summed (callers refuse them first). */
export function normalizeAmounts(amounts: readonly YearAmount[]): YearAmount[] {
  const byYear = new Map<number, number>();
  for (const { year, amount } of amounts) byYear.set(year, (byYear.get(year) ?? 0) + amount);
  return [...byYear]
    .filter(([, amount]) => amount !== 0)
    .sort(([a], [b]) => a - b)
    .map(([year, amount]) => ({ year, amount }));
}

/** The amount of a line in a year (0 when it has none). */
export function amountIn(line: { amounts: readonly YearAmount[] }, year: number): number {
  return line.amounts.find((a) => a.year === year)?.amount ?? 0;
}

/** The sum of a line over all its years. */
export function lineTotal(line: { amounts: readonly YearAmount[] }): number {
  return line.amounts.reduce((sum, a) => sum + a.amount, 0);
}

/** A line as one entry per year with money: what sums per year are made of. */
export function perYear<T extends { amounts: readonly YearAmount[] }>(line: T): (Omit<T, 'amounts'> & YearAmount)[] {
  const { amounts, ...rest } = line;
  return amounts.map(({ year, amount }) => ({ ...rest, year, amount }));
}

/** A line in the shape before amounts per year: one year, one amount. */
export type OneYearLine = Omit<LineRow, 'amounts'> & YearAmount;

/**
 * Lines of one year each (stored before issue 9, in old revisions and in the
 * old API shape) → lines with amounts per year. Lines that differ only in
 * year (and id) become one line, keeping the first line's id and position;
 * a second line for the same year with the same fields stays a line of its
 * own, so no amount is ever summed into another and every euro arrives.
 * The database migration (prisma/migrations/…_amounts_per_year) does the same.
 */
export function mergeYearLines(lines: readonly OneYearLine[]): LineRow[] {
  const groups: { key: string; line: LineRow; years: Set<number> }[] = [];
  for (const { year, amount, ...line } of lines) {
    const key = JSON.stringify([line.costCategory, line.sourceSlug, line.customSourceName, line.looptijd, line.status, line.rejectionReason, line.note]);
    const group = groups.find((g) => g.key === key && !g.years.has(year));
    if (group) {
      group.years.add(year);
      group.line.amounts.push({ year, amount });
    } else {
      groups.push({ key, line: { ...line, amounts: [{ year, amount }] }, years: new Set([year]) });
    }
  }
  return groups.map(({ line }) => ({ ...line, amounts: normalizeAmounts(line.amounts) }));
}
