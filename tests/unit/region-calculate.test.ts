import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSplit, type Names } from '@/lib/regions/calculate';
import type { RegionState } from '@/lib/regions/schema';
import type { SplitKey } from '@/lib/regions/split';
import { yearsOf } from '@/lib/regions/years';
import { advisedItem, countsPerYear, historicalItem, perYear, sharedItem } from './support/region-items';

const names: Names = { category: (s) => s, intervention: (s) => s };
/** The same amount in 2026 and 2027 (the years of `base`). */
const both = (amount: number) => perYear(2026, [amount, amount]);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const base: RegionState = {
  name: 'Testregio',
  startYear: 2026,
  endYear: 2027,
  members: [
    { name: 'A', children0to4: 300, children0to18: 1000 },
    { name: 'B', children0to4: 200, children0to18: 1500 },
    { name: 'C', children0to4: 100, children0to18: 500 },
  ],
  sharedItems: [],
  trajectoryItems: [],
};

describe('computeSplit', () => {
  it('splits shared items by their key and adds each member’s own trajectories', () => {
    const split = computeSplit(
      {
        ...base,
        sharedItems: [
          sharedItem('Training', 'voorinvesteringen', both(1000), 'kinderen-0-4'),
          sharedItem('Licenties', 'voorinvesteringen', both(100), 'gelijk'),
          sharedItem('Coördinatie', 'proceskosten', both(999), 'percentages', [50, 25.5, 24.5]),
        ],
        trajectoryItems: [
          historicalItem('voorzorg', 'interventies', 5000, countsPerYear(2026, [[3, 0, 1], [3, 0, 1]])),
          // 1,5% of 300 = 4,5 → 5; of 200 = 3; of 100 = 1,5 → 2 (a trajectory is bought whole).
          advisedItem('stevig-ouderschap', 'interventies', 1000, 1.5),
        ],
      },
      names,
    );
    expect(split.years).toEqual([2026, 2027]);
    // Every year the same here: each item's shares in 2026 and 2027.
    expect(split.items.map((i) => i.years[1]?.shares)).toEqual(split.items.map((i) => i.years[0]?.shares));
    expect(split.items.map((i) => i.years[0]?.shares)).toEqual([
      [500, 333, 167],
      [34, 33, 33],
      // 999 × 50% = 499,5 · × 25,5% = 254,745 · × 24,5% = 244,755: the two left-over euros go to the largest remainders.
      [499, 255, 245],
      [15000, 0, 5000],
      [5000, 3000, 2000],
    ]);
    expect(split.items[4]?.years[0]?.trajectories).toEqual([5, 3, 2]);
    const a = split.members[0];
    expect(a?.years[0]?.byCategory.get('voorinvesteringen')).toBe(534);
    expect(a?.years[0]?.byCategory.get('interventies')).toBe(20000);
    expect(a?.years[0]?.total).toBe(534 + 499 + 20000);
    expect(a?.byCategory.get('voorinvesteringen')).toBe(2 * 534);
    expect(a?.total).toBe(2 * (534 + 499 + 20000));
    expect(split.byYear.map((y) => y.total)).toEqual([1000 + 100 + 999 + 20000 + 10000, 1000 + 100 + 999 + 20000 + 10000]);
    expect(sum(split.members.map((m) => m.total))).toBe(split.total);
  });

  it('uses each year’s own historical trajectories; an advised percentage gives the same count every year', () => {
    const split = computeSplit(
      {
        ...base,
        trajectoryItems: [
          historicalItem('voorzorg', 'interventies', 5000, countsPerYear(2026, [[3, 0, 1], [4, 2, 0]])),
          // 1% of 300 = 3, of 200 = 2, of 100 = 1, in both years.
          advisedItem('stevig-ouderschap', 'interventies', 1000, 1),
        ],
      },
      names,
    );
    const [historical, advised] = split.items;
    expect(historical?.years.map((y) => [y.year, y.trajectories, y.shares, y.amount])).toEqual([
      [2026, [3, 0, 1], [15_000, 0, 5_000], 20_000],
      [2027, [4, 2, 0], [20_000, 10_000, 0], 30_000],
    ]);
    expect(historical?.total).toBe(50_000);
    expect(advised?.years.map((y) => y.trajectories)).toEqual([
      [3, 2, 1],
      [3, 2, 1],
    ]);
    expect(split.members.map((m) => m.years.map((y) => y.total))).toEqual([
      [18_000, 23_000],
      [2_000, 12_000],
      [6_000, 1_000],
    ]);
  });

  it('splits each year’s own amount: a one-off training in the first year only', () => {
    const split = computeSplit(
      {
        ...base,
        endYear: 2028,
        sharedItems: [sharedItem('Training', 'voorinvesteringen', perYear(2026, [40_000, 0, 0]), 'kinderen-0-4'), sharedItem('Coördinatie', 'proceskosten', perYear(2026, [100, 101, 102]))],
      },
      names,
    );
    const [training, coordination] = split.items;
    // 40.000 over 300 : 200 : 100 children 0–4, only in 2026.
    expect(training?.years.map((y) => [y.year, y.amount, y.shares])).toEqual([
      [2026, 40_000, [20_000, 13_333, 6_667]],
      [2027, 0, [0, 0, 0]],
      [2028, 0, [0, 0, 0]],
    ]);
    expect(training?.total).toBe(40_000);
    // Each year is rounded on its own: 100 → 34/33/33, 101 → 34/34/33, 102 → 34/34/34.
    expect(coordination?.years.map((y) => y.shares)).toEqual([
      [34, 33, 33],
      [34, 34, 33],
      [34, 34, 34],
    ]);
    expect(split.members[0]?.years.map((y) => y.total)).toEqual([20_034, 34, 34]);
    expect(split.members[0]?.years[0]?.byCategory).toEqual(
      new Map([
        ['voorinvesteringen', 20_000],
        ['proceskosten', 34],
      ]),
    );
    expect(split.byYear.map((y) => y.total)).toEqual([40_100, 101, 102]);
    expect(split.total).toBe(40_303);
  });

  it('property: in every year the shares of every shared item sum to exactly that year’s amount and are never negative', () => {
    const member = fc.record({ name: fc.string(), children0to4: fc.nat(100_000), children0to18: fc.nat(400_000) });
    const key = fc.constantFrom<SplitKey>('kinderen-0-4', 'kinderen-0-18', 'gelijk');
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }).chain((length) =>
          fc.tuple(fc.constant(length), fc.array(fc.record({ amounts: fc.array(fc.nat(1_000_000_000), { minLength: length, maxLength: length }), key }), { minLength: 1, maxLength: 10 })),
        ),
        (members, [length, items]) => {
          // Keys by children need at least one child in the region (the schema refuses all-zero keys).
          const usable = members.map((m, i) => (i === 0 ? { ...m, children0to4: m.children0to4 + 1, children0to18: m.children0to18 + 1 } : m));
          const years = yearsOf(2026, 2026 + length - 1);
          const split = computeSplit(
            {
              ...base,
              endYear: 2026 + length - 1,
              members: usable.map((m, i) => ({ ...m, name: `${m.name}-${i}` })),
              sharedItems: items.map((it) => sharedItem(null, 'proceskosten', perYear(2026, it.amounts), it.key)),
            },
            names,
          );
          split.items.forEach((item, i) => {
            expect(item.years.map((y) => y.year)).toEqual(years);
            item.years.forEach((y, j) => {
              expect(y.amount).toBe(items[i]?.amounts[j]);
              expect(y.shares).toHaveLength(usable.length);
              expect(y.shares.every((s) => Number.isSafeInteger(s) && s >= 0)).toBe(true);
              expect(sum(y.shares)).toBe(y.amount);
            });
          });
          expect(sum(split.members.map((m) => m.total))).toBe(split.total);
          split.byYear.forEach((y, j) => expect(sum(split.members.map((m) => m.years[j]?.total ?? 0))).toBe(y.total));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: percentages that add up to 100% also split every euro exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 60 }), fc.nat(10_000_000), (raw, amount) => {
        // Scale arbitrary weights to basis points summing to exactly 10,000.
        const total = raw.reduce((a, b) => a + b, 0) || 1;
        const bp = raw.map((r) => Math.floor((r * 10_000) / total));
        bp[0] = (bp[0] ?? 0) + 10_000 - bp.reduce((a, b) => a + b, 0);
        const members = bp.map((_, i) => ({ name: `G${i}`, children0to4: 0, children0to18: 0 }));
        const split = computeSplit(
          { ...base, members, sharedItems: [sharedItem(null, 'proceskosten', both(amount), 'percentages', bp.map((b) => b / 100))] },
          names,
        );
        for (const y of split.items[0]?.years ?? []) {
          expect(y.shares.every((s) => s >= 0)).toBe(true);
          expect(sum(y.shares)).toBe(amount);
        }
      }),
      { numRuns: 300 },
    );
  });
});
