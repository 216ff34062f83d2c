import { largestRemainder, trajectoriesFromPercentage, weightsFor, SPLIT_KEY_LABEL } from './split';
import type { RegionState } from './schema';

/**
 * The split of a regional plan: per member, per year and per cost category,
 * its share in whole euros. Shared items go through largestRemainder (so the
 * members' shares of an item add up to exactly its amount); trajectory items
 * cost each member its own trajectories × the price, so they need no
 * rounding. Pure: no zod, no server code (the read page, the API, the exports
 * and the hand-off all call this).
 */

export type ItemSplit = {
  kind: 'gedeeld' | 'trajecten';
  /** Position within its own list (sharedItems or trajectoryItems). */
  index: number;
  costCategory: string;
  label: string;
  /** How it is split, in words. */
  keyLabel: string;
  /** The item's amount in one year (equal every year). */
  amountPerYear: number;
  /** Per member (member order): its share in one year. */
  shares: number[];
  /** Trajectory items: trajectories per member per year. */
  trajectories: number[] | null;
};

export type MemberShare = {
  name: string;
  /** costCategory → amount per year (the same every year: items have one amount per year). */
  perYearByCategory: Map<string, number>;
  perYear: number;
  total: number;
};

export type RegionSplit = {
  years: number[];
  items: ItemSplit[];
  members: MemberShare[];
  /** Per cost category: the region's amount per year. */
  perYearByCategory: Map<string, number>;
  perYear: number;
  total: number;
};

export type Names = { category: (slug: string) => string; intervention: (slug: string) => string };

export function computeSplit(state: RegionState, names: Names): RegionSplit {
  const years: number[] = [];
  for (let y = state.startYear; y <= state.endYear; y++) years.push(y);
  const { members } = state;

  const items: ItemSplit[] = [
    ...state.sharedItems.map((item, index): ItemSplit => {
      const bp = item.percentages?.map((p) => Math.round(p * 100));
      return {
        kind: 'gedeeld',
        index,
        costCategory: item.costCategory,
        label: item.description ?? names.category(item.costCategory),
        keyLabel: SPLIT_KEY_LABEL[item.splitKey],
        amountPerYear: item.amountPerYear,
        shares: largestRemainder(item.amountPerYear, weightsFor(item.splitKey, members, bp)),
        trajectories: null,
      };
    }),
    ...state.trajectoryItems.map((item, index): ItemSplit => {
      const counts =
        item.basis === 'historisch'
          ? members.map((_, i) => item.trajectories?.[i] ?? 0)
          : members.map((m) => trajectoriesFromPercentage(m.children0to4, Math.round((item.percentage ?? 0) * 100)));
      const shares = counts.map((n) => n * item.pricePerTrajectory);
      const pct = (item.percentage ?? 0).toLocaleString('nl-NL', { maximumFractionDigits: 2 });
      return {
        kind: 'trajecten',
        index,
        costCategory: item.costCategory,
        label: names.intervention(item.intervention),
        keyLabel:
          item.basis === 'historisch'
            ? 'Eigen trajecten per gemeente (historisch gebruik) × prijs per traject'
            : `Eigen trajecten per gemeente (${pct}% van de kinderen van 0 tot 4 jaar, naar boven afgerond) × prijs per traject`,
        amountPerYear: shares.reduce((a, b) => a + b, 0),
        shares,
        trajectories: counts,
      };
    }),
  ];

  const memberShares: MemberShare[] = members.map((m, i) => {
    const perYearByCategory = new Map<string, number>();
    for (const item of items) perYearByCategory.set(item.costCategory, (perYearByCategory.get(item.costCategory) ?? 0) + (item.shares[i] ?? 0));
    const perYear = [...perYearByCategory.values()].reduce((a, b) => a + b, 0);
    return { name: m.name, perYearByCategory, perYear, total: perYear * years.length };
  });
  const perYearByCategory = new Map<string, number>();
  for (const item of items) perYearByCategory.set(item.costCategory, (perYearByCategory.get(item.costCategory) ?? 0) + item.amountPerYear);
  const perYear = items.reduce((a, item) => a + item.amountPerYear, 0);
  return { years, items, members: memberShares, perYearByCategory, perYear, total: perYear * years.length };
}

/** Cost categories that occur in the split, in content order. */
export function categoriesUsed(split: RegionSplit, order: readonly string[]): string[] {
  return order.filter((slug) => split.perYearByCategory.has(slug));
}
