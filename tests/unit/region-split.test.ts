import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder, SplitError, trajectoriesFromPercentage, weightsFor, type Member } from '@/lib/regions/split';

describe('largestRemainder', () => {
  it('splits pro rata in whole euros, the leftover euros to the largest remainders', () => {
    // 100 over 1:1:1 = 33.33 each; one euro left goes to the first (ties: earlier member).
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 1000 over children 0-4 of 300, 200, 100: quotas 500, 333.33, 166.67.
    expect(largestRemainder(1000, [300, 200, 100])).toEqual([500, 333, 167]);
    // 10 over 7 and 3 of weight: exact.
    expect(largestRemainder(10, [7, 3])).toEqual([7, 3]);
    // Members with weight 0 get nothing.
    expect(largestRemainder(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  it('breaks equal remainders by larger weight first', () => {
    // quotas 1.5 and 0.5 (remainders equal): the larger weight gets the euro.
    expect(largestRemainder(2, [3, 1])).toEqual([2, 0]);
  });

  it('refuses what cannot be split', () => {
    expect(() => largestRemainder(100, [0, 0])).toThrow(SplitError);
    expect(() => largestRemainder(-1, [1])).toThrow(SplitError);
    expect(() => largestRemainder(1.5, [1])).toThrow(SplitError);
    expect(() => largestRemainder(1, [])).toThrow(SplitError);
    expect(() => largestRemainder(1, [-2, 3])).toThrow(SplitError);
  });

  it('property: shares always sum to the amount, are never negative, and stay within one euro of the exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 60 }).filter((ws) => ws.some((w) => w > 0)),
        (amount, weights) => {
          const shares = largestRemainder(amount, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          const total = weights.reduce((s, w) => s + w, 0);
          shares.forEach((share, i) => {
            expect(Number.isInteger(share)).toBe(true);
            expect(share).toBeGreaterThanOrEqual(0);
            const quota = (amount * (weights[i] ?? 0)) / total;
            expect(Math.abs(share - quota)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('weightsFor', () => {
  const members: Member[] = [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Rozendaal', children0to4: 50, children0to18: 300 },
  ];
  it('uses the key the coordinator chose', () => {
    expect(weightsFor('kinderen-0-4', members)).toEqual([7000, 50]);
    expect(weightsFor('kinderen-0-18', members)).toEqual([30000, 300]);
    expect(weightsFor('gelijk', members)).toEqual([1, 1]);
    expect(weightsFor('percentages', members, [9000, 1000])).toEqual([9000, 1000]);
  });
  it('requires percentages that add up to 100%', () => {
    expect(() => weightsFor('percentages', members, [9000, 900])).toThrow(/99% in plaats van 100%/);
    expect(() => weightsFor('percentages', members, [10000])).toThrow(SplitError);
  });
});

describe('trajectoriesFromPercentage', () => {
  it('rounds a fraction of a trajectory up', () => {
    expect(trajectoriesFromPercentage(1000, 400)).toBe(40); // 4% of 1000
    expect(trajectoriesFromPercentage(1001, 400)).toBe(41); // 40.04 → 41
    expect(trajectoriesFromPercentage(0, 400)).toBe(0);
  });
});
