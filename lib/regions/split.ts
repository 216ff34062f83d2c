/**
 * Splitting a shared cost over the member municipalities of a region, in whole
 * euros, the way Gelderland-Midden does (wegwijzer-bijlage-voorbeelden.md:
 * training and licences "naar rato (omvang aantal kinderen 0-4 of 0-18)").
 *
 * Rounding never loses or invents a euro: the shares of an amount always add
 * up to exactly that amount (largest-remainder method, also called Hamilton's
 * method). Arithmetic is in BigInt so that amount × weight is exact for any
 * realistic amount and number of children.
 */

export type SplitKey = 'kinderen-0-4' | 'kinderen-0-18' | 'gelijk' | 'percentages';

export const SPLIT_KEY_LABEL: Record<SplitKey, string> = {
  'kinderen-0-4': 'Naar rato van het aantal kinderen van 0 tot 4 jaar',
  'kinderen-0-18': 'Naar rato van het aantal kinderen van 0 tot 18 jaar',
  gelijk: 'In gelijke delen',
  percentages: 'Vaste percentages',
};

export class SplitError extends Error {
  override name = 'SplitError';
}

/**
 * Splits `amount` (whole euros, >= 0) in proportion to `weights` (whole
 * numbers, >= 0, at least one > 0). Each share is the floor of its exact
 * quota; the euros left over go one each to the largest remainders. Ties go
 * to the larger weight, then to the earlier member, so the result is
 * deterministic.
 */
export function largestRemainder(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new SplitError('Het bedrag moet een heel, niet-negatief aantal euro zijn.');
  if (weights.length === 0) throw new SplitError('Er is niemand om het bedrag over te verdelen.');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new SplitError('Verdeelsleutels moeten hele, niet-negatieve getallen zijn.');
  }
  const total = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (total === 0n) throw new SplitError('De verdeelsleutel is voor alle deelnemers nul; het bedrag kan niet naar rato worden verdeeld.');

  const a = BigInt(amount);
  const floors = weights.map((w) => (a * BigInt(w)) / total);
  const remainders = weights.map((w) => (a * BigInt(w)) % total);
  let left = Number(a - floors.reduce((s, f) => s + f, 0n));

  const order = weights
    .map((w, i) => ({ i, w, r: remainders[i] ?? 0n }))
    .sort((x, y) => (x.r === y.r ? (x.w === y.w ? x.i - y.i : y.w - x.w) : y.r > x.r ? 1 : -1));
  const shares = floors.map(Number);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

export type Member = { name: string; children0to4: number; children0to18: number };

/**
 * The weights a split key gives each member. Percentages are in basis points
 * (hundredths of a percent, so 12,5% = 1250) and must add up to 100%.
 */
export function weightsFor(key: SplitKey, members: readonly Member[], percentagesBp?: readonly number[]): number[] {
  switch (key) {
    case 'kinderen-0-4':
      return members.map((m) => m.children0to4);
    case 'kinderen-0-18':
      return members.map((m) => m.children0to18);
    case 'gelijk':
      return members.map(() => 1);
    case 'percentages': {
      if (!percentagesBp || percentagesBp.length !== members.length) {
        throw new SplitError('Geef voor elke deelnemer een percentage op.');
      }
      const sum = percentagesBp.reduce((s, p) => s + p, 0);
      if (sum !== 10_000) throw new SplitError(`De percentages tellen op tot ${(sum / 100).toLocaleString('nl-NL')}% in plaats van 100%.`);
      return [...percentagesBp];
    }
  }
}

/**
 * Expected trajectories when a municipality buys on an advised percentage of
 * its children (Gelderland-Midden: "historisch gebruik en/of geadviseerde
 * percentages"). A trajectory is bought whole, so a fraction rounds up: rounding
 * down would leave a family the percentage counts without a place.
 */
export function trajectoriesFromPercentage(children: number, percentBp: number): number {
  if (!Number.isSafeInteger(children) || children < 0 || !Number.isSafeInteger(percentBp) || percentBp < 0) {
    throw new SplitError('Aantal kinderen en percentage moeten hele, niet-negatieve getallen zijn.');
  }
  return Number((BigInt(children) * BigInt(percentBp) + 9_999n) / 10_000n);
}
