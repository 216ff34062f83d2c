import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSplit, type Names } from '@/lib/regions/calculate';
import type { RegionState } from '@/lib/regions/schema';
import type { SplitKey } from '@/lib/regions/split';

const names: Names = { category: (s) => s, intervention: (s) => s };

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
          { costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 1000, splitKey: 'kinderen-0-4', percentages: null },
          { costCategory: 'voorinvesteringen', description: 'Licenties', amountPerYear: 100, splitKey: 'gelijk', percentages: null },
          { costCategory: 'proceskosten', description: 'Coördinatie', amountPerYear: 999, splitKey: 'percentages', percentages: [50, 25.5, 24.5] },
        ],
        trajectoryItems: [
          { intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 5000, basis: 'historisch', trajectories: [3, 0, 1], percentage: null },
          // 1,5% of 300 = 4,5 → 5; of 200 = 3; of 100 = 1,5 → 2 (a trajectory is bought whole).
          { intervention: 'stevig-ouderschap', costCategory: 'interventies', pricePerTrajectory: 1000, basis: 'percentage', trajectories: null, percentage: 1.5 },
        ],
      },
      names,
    );
    expect(split.years).toEqual([2026, 2027]);
    expect(split.items.map((i) => i.shares)).toEqual([
      [500, 333, 167],
      [34, 33, 33],
      // 999 × 50% = 499,5 · × 25,5% = 254,745 · × 24,5% = 244,755: the two left-over euros go to the largest remainders.
      [499, 255, 245],
      [15000, 0, 5000],
      [5000, 3000, 2000],
    ]);
    expect(split.items[4]?.trajectories).toEqual([5, 3, 2]);
    const a = split.members[0];
    expect(a?.perYearByCategory.get('voorinvesteringen')).toBe(534);
    expect(a?.perYearByCategory.get('interventies')).toBe(20000);
    expect(a?.perYear).toBe(534 + 499 + 20000);
    expect(a?.total).toBe(2 * (a?.perYear ?? 0));
    expect(split.perYear).toBe(1000 + 100 + 999 + 20000 + 10000);
    expect(split.members.reduce((s, m) => s + m.perYear, 0)).toBe(split.perYear);
  });

  it('property: the shares of every shared item sum to exactly its amount and are never negative', () => {
    const member = fc.record({ name: fc.string(), children0to4: fc.nat(100_000), children0to18: fc.nat(400_000) });
    const key = fc.constantFrom<SplitKey>('kinderen-0-4', 'kinderen-0-18', 'gelijk');
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 60 }),
        fc.array(fc.record({ amount: fc.nat(1_000_000_000), key }), { minLength: 1, maxLength: 10 }),
        (members, items) => {
          // Keys by children need at least one child in the region (the schema refuses all-zero keys).
          const usable = members.map((m, i) => (i === 0 ? { ...m, children0to4: m.children0to4 + 1, children0to18: m.children0to18 + 1 } : m));
          const split = computeSplit(
            {
              ...base,
              members: usable.map((m, i) => ({ ...m, name: `${m.name}-${i}` })),
              sharedItems: items.map((it) => ({ costCategory: 'proceskosten', description: null, amountPerYear: it.amount, splitKey: it.key, percentages: null })),
            },
            names,
          );
          for (const item of split.items) {
            expect(item.shares).toHaveLength(usable.length);
            expect(item.shares.every((s) => Number.isSafeInteger(s) && s >= 0)).toBe(true);
            expect(item.shares.reduce((a, b) => a + b, 0)).toBe(item.amountPerYear);
          }
          expect(split.members.reduce((s, m) => s + m.perYear, 0)).toBe(split.perYear);
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
          { ...base, members, sharedItems: [{ costCategory: 'proceskosten', description: null, amountPerYear: amount, splitKey: 'percentages', percentages: bp.map((b) => b / 100) }] },
          names,
        );
        const shares = split.items[0]?.shares ?? [];
        expect(shares.every((s) => s >= 0)).toBe(true);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });
});
