import type { SharedItem, TrajectoryItem } from '@/lib/regions/schema';
import type { SplitKey } from '@/lib/regions/split';
import type { YearAmount, YearCounts } from '@/lib/regions/years';

/** Builders for the items of a RegionState in tests: the values that matter, in one line. */

/** Amounts of consecutive years from `start`: perYear(2026, [40_000, 0]). */
export const perYear = (start: number, amounts: readonly number[]): YearAmount[] => amounts.map((amount, i) => ({ year: start + i, amount }));

/** Trajectory counts (one list per year, one count per member) of consecutive years from `start`. */
export const countsPerYear = (start: number, counts: readonly number[][]): YearCounts[] => counts.map((c, i) => ({ year: start + i, counts: [...c] }));

export function sharedItem(description: string | null, costCategory: string, amounts: YearAmount[], splitKey: SplitKey = 'gelijk', percentages: number[] | null = null): SharedItem {
  return { costCategory, description, amounts, splitKey, percentages };
}

export function historicalItem(intervention: string, costCategory: string, pricePerTrajectory: number, trajectories: YearCounts[]): TrajectoryItem {
  return { intervention, costCategory, pricePerTrajectory, basis: 'historisch', trajectories, percentage: null };
}

export function advisedItem(intervention: string, costCategory: string, pricePerTrajectory: number, percentage: number): TrajectoryItem {
  return { intervention, costCategory, pricePerTrajectory, basis: 'percentage', trajectories: null, percentage };
}
