import { largestRemainder, trajectoriesFromPercentage, weightsFor, SPLIT_KEY_LABEL } from './split';
import type { RegionState } from './schema';
import { amountIn, yearsOf } from './years';

/**
 * The split of a regional plan: per member, per year and per cost category,
 * its share in whole euros. Shared items go through largestRemainder once per
 * year (so in every year the members' shares of an item add up to exactly
 * that year's amount); trajectory items cost each member its own
 * trajectories × the price, so they need no rounding. Pure: no zod, no server
 * code (the read page, the API, the exports and the hand-off all call this).
 */

export type ItemYear = {
  year: number;
  /** The item's amount in this year. */
  amount: number;
  /** Per member (member order): its share in this year. Adds up to `amount`. */
  shares: number[];
  /** Trajectory items: trajectories per member in this year; null for shared items. */
  trajectories: number[] | null;
};

export type ItemSplit = {
  kind: 'gedeeld' | 'trajecten';
  /** Position within its own list (sharedItems or trajectoryItems). */
  index: number;
  costCategory: string;
  label: string;
  /** How it is split, in words. */
  keyLabel: string;
  /** One entry per year of the plan, ascending. */
  years: ItemYear[];
  /** The item's amount over the whole plan. */
  total: number;
};

/** What one member (or the whole region) pays in one year, per cost category. */
export type YearShare = { year: number; byCategory: Map<string, number>; total: number };

export type MemberShare = {
  name: string;
  /** One entry per year of the plan, ascending. */
  years: YearShare[];
  /** costCategory → amount over the whole plan. */
  byCategory: Map<string, number>;
  total: number;
};

export type RegionSplit = {
  years: number[];
  items: ItemSplit[];
  members: MemberShare[];
  /** The region's amounts per year (the sum of the members'). */
  byYear: YearShare[];
  /** costCategory → the region's amount over the whole plan. */
  byCategory: Map<string, number>;
  total: number;
};

export type Names = { category: (slug: string) => string; intervention: (slug: string) => string };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function add(map: Map<string, number>, key: string, amount: number) {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Per year, per category: the amounts `pick` takes from each item's year. */
function yearShares(items: readonly ItemSplit[], years: readonly number[], pick: (y: ItemYear) => number): YearShare[] {
  return years.map((year, y) => {
    const byCategory = new Map<string, number>();
    for (const item of items) {
      const itemYear = item.years[y];
      if (itemYear) add(byCategory, item.costCategory, pick(itemYear));
    }
    return { year, byCategory, total: sum([...byCategory.values()]) };
  });
}

function totalsByCategory(years: readonly YearShare[]): Map<string, number> {
  const byCategory = new Map<string, number>();
  for (const y of years) for (const [category, amount] of y.byCategory) add(byCategory, category, amount);
  return byCategory;
}

/**
 * The region's total over the whole plan, exact (BigInt), computed the way
 * computeSplit sums it. Every amount in the split is non-negative, so every
 * member total, item total and cell is at most this; the schema refuses a
 * document whose total exceeds REGION_LIMITS.maxTotal (far below
 * Number.MAX_SAFE_INTEGER), which keeps every sum computeSplit makes in
 * plain numbers exact. (A member total above 2^53 once came out wrong.)
 */
export function exactRegionTotal(state: RegionState): bigint {
  const years = yearsOf(state.startYear, state.endYear);
  let total = 0n;
  for (const item of state.sharedItems) for (const year of years) total += BigInt(amountIn(item.amounts, year));
  for (const item of state.trajectoryItems) {
    const price = BigInt(item.pricePerTrajectory);
    if (item.basis === 'percentage') {
      const bp = Math.round((item.percentage ?? 0) * 100);
      const perYear = state.members.reduce((s, m) => s + BigInt(trajectoriesFromPercentage(m.children0to4, bp)), 0n);
      total += perYear * price * BigInt(years.length);
    } else {
      for (const year of years) {
        const counts = item.trajectories?.find((t) => t.year === year)?.counts ?? [];
        for (const n of counts.slice(0, state.members.length)) total += BigInt(n) * price;
      }
    }
  }
  return total;
}

export function computeSplit(state: RegionState, names: Names): RegionSplit {
  const years = yearsOf(state.startYear, state.endYear);
  const { members } = state;

  const items: ItemSplit[] = [
    ...state.sharedItems.map((item, index): ItemSplit => {
      const bp = item.percentages?.map((p) => Math.round(p * 100));
      const weights = weightsFor(item.splitKey, members, bp);
      const perYear = years.map((year): ItemYear => {
        const amount = amountIn(item.amounts, year);
        return { year, amount, shares: largestRemainder(amount, weights), trajectories: null };
      });
      return {
        kind: 'gedeeld',
        index,
        costCategory: item.costCategory,
        label: item.description ?? names.category(item.costCategory),
        keyLabel: SPLIT_KEY_LABEL[item.splitKey],
        years: perYear,
        total: sum(perYear.map((y) => y.amount)),
      };
    }),
    ...state.trajectoryItems.map((item, index): ItemSplit => {
      // Advised percentage: the same count every year (children are one number per member).
      const advised = item.basis === 'percentage' ? members.map((m) => trajectoriesFromPercentage(m.children0to4, Math.round((item.percentage ?? 0) * 100))) : null;
      const perYear = years.map((year): ItemYear => {
        const counts = advised ?? members.map((_, i) => item.trajectories?.find((t) => t.year === year)?.counts[i] ?? 0);
        const shares = counts.map((n) => n * item.pricePerTrajectory);
        return { year, amount: sum(shares), shares, trajectories: counts };
      });
      const pct = (item.percentage ?? 0).toLocaleString('nl-NL', { maximumFractionDigits: 2 });
      return {
        kind: 'trajecten',
        index,
        costCategory: item.costCategory,
        label: names.intervention(item.intervention),
        keyLabel:
          item.basis === 'historisch'
            ? 'Eigen trajecten per gemeente per jaar (historisch gebruik) × prijs per traject'
            : `Eigen trajecten per gemeente (elk jaar ${pct}% van de kinderen van 0 tot 4 jaar, naar boven afgerond) × prijs per traject`,
        years: perYear,
        total: sum(perYear.map((y) => y.amount)),
      };
    }),
  ];

  const memberShares: MemberShare[] = members.map((m, i) => {
    const perYear = yearShares(items, years, (y) => y.shares[i] ?? 0);
    return { name: m.name, years: perYear, byCategory: totalsByCategory(perYear), total: sum(perYear.map((y) => y.total)) };
  });
  const byYear = yearShares(items, years, (y) => y.amount);
  return { years, items, members: memberShares, byYear, byCategory: totalsByCategory(byYear), total: sum(byYear.map((y) => y.total)) };
}

/** Cost categories that occur in the split, in content order. */
export function categoriesUsed(split: RegionSplit, order: readonly string[]): string[] {
  return order.filter((slug) => split.byCategory.has(slug));
}
