import { formatEuro } from '@/lib/money';

/**
 * Regional shares pulled into a municipal plan (issue 9 §3). A municipality
 * links its plan to a regional plan (by the region's READ link) and picks its
 * member name; the member's share of the regional split, per cost category
 * and year, is copied into the plan as NEED, marked "aandeel regio <naam>,
 * versie N". The copy belongs to the plan (a row per link in PlanRegionLink,
 * and in every revision's snapshot), so history, diff and restore show it, and
 * it changes only through the plan's versioned save ("bijwerken").
 *
 * The copy keeps every year of the regional plan with a share; only the years
 * of the municipal plan count (countedNeeds). Years outside it are ignored
 * and said (ignoredNeeds), and count again as soon as the plan's years cover
 * them. Pure and without zod: the read page, the totals, the exports, the API
 * and the client editor use it.
 */

export type RegionShareNeed = { costCategory: string; year: number; amount: number };

export type RegionShare = {
  regionId: string;
  /** The regional plan's name when the share was pulled. */
  regionName: string;
  /** The member of the regional plan this municipality is (its name there). */
  memberName: string;
  /** The regional plan's version the amounts come from. */
  regionVersion: number;
  /** When the share was pulled (ISO 8601). */
  pulledAt: string;
  /** Per cost category and year with a share above 0; ascending by category (as pulled) and year. */
  needs: RegionShareNeed[];
};

/** At most this many regional plans per municipal plan (a municipality takes part in a few regions). */
export const MAX_REGION_LINKS = 20;

/** Anything with a share's needs (a stored share, or a plain object in the totals). */
export type ShareNeeds = { readonly needs: readonly RegionShareNeed[] };

const inYears = (year: number, startYear: number, endYear: number) => year >= startYear && year <= endYear;

/** The share's needs that count: the years of the municipal plan. */
export function countedNeeds(share: ShareNeeds, startYear: number, endYear: number): RegionShareNeed[] {
  return share.needs.filter((n) => inYears(n.year, startYear, endYear));
}

/** The share's needs in years outside the municipal plan: ignored (and said). */
export function ignoredNeeds(share: ShareNeeds, startYear: number, endYear: number): RegionShareNeed[] {
  return share.needs.filter((n) => !inYears(n.year, startYear, endYear));
}

/** The counted needs of all shares, summed per category and year. */
export function regionNeeds(shares: readonly ShareNeeds[] | undefined, startYear: number, endYear: number): RegionShareNeed[] {
  const sums = new Map<string, RegionShareNeed>();
  for (const share of shares ?? []) {
    for (const n of countedNeeds(share, startYear, endYear)) {
      const key = `${n.costCategory}\u0000${n.year}`;
      const found = sums.get(key);
      if (found) found.amount += n.amount;
      else sums.set(key, { ...n });
    }
  }
  return [...sums.values()];
}

/** The amount of one category and year in a share (0 when it has none). */
export function shareAmount(share: ShareNeeds, costCategory: string, year: number): number {
  return share.needs.find((n) => n.costCategory === costCategory && n.year === year)?.amount ?? 0;
}

export const shareTotal = (needs: readonly RegionShareNeed[]) => needs.reduce((sum, n) => sum + n.amount, 0);

/** "aandeel regio Gelderland-Midden, versie 3": the mark beside the amounts everywhere. */
export function shareLabel(share: Pick<RegionShare, 'regionName' | 'regionVersion'>): string {
  return `aandeel regio ${share.regionName}, versie ${share.regionVersion}`;
}

/** One changed amount between two pulls of a share (before or after may be 0). */
export type ShareAmountChange = { costCategory: string; year: number; before: number; after: number };

/** The amounts that differ between two versions of a share, by category order of `order` then year. */
export function shareChanges(before: ShareNeeds, after: ShareNeeds, order: readonly string[] = []): ShareAmountChange[] {
  const keys = new Map<string, { costCategory: string; year: number }>();
  for (const n of [...before.needs, ...after.needs]) keys.set(`${n.costCategory}\u0000${n.year}`, { costCategory: n.costCategory, year: n.year });
  const rank = (c: string) => {
    const i = order.indexOf(c);
    return i === -1 ? order.length : i;
  };
  return [...keys.values()]
    .map(({ costCategory, year }) => ({ costCategory, year, before: shareAmount(before, costCategory, year), after: shareAmount(after, costCategory, year) }))
    .filter((c) => c.before !== c.after)
    .sort((a, b) => rank(a.costCategory) - rank(b.costCategory) || a.costCategory.localeCompare(b.costCategory) || a.year - b.year);
}

/** "Interventies 2026: € 5.000 → € 6.000" per change, category names from `name`. */
export function describeShareChanges(changes: readonly ShareAmountChange[], name: (slug: string) => string): string[] {
  return changes.map((c) => `${name(c.costCategory)} ${c.year}: ${formatEuro(c.before)} → ${formatEuro(c.after)}`);
}

/** "2028 (€ 1.200), 2029 (€ 1.200)": ignored years with their amount, summed over categories. */
export function describeIgnored(needs: readonly RegionShareNeed[]): string {
  const byYear = new Map<number, number>();
  for (const n of needs) byYear.set(n.year, (byYear.get(n.year) ?? 0) + n.amount);
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, amount]) => `${year} (${formatEuro(amount)})`)
    .join(', ');
}

/** What the link form says about a pasted link (server and browser alike). */
export const REGION_LINK_MESSAGES = {
  notALink: 'Dit is geen link naar een regionaal plan. Plak de leeslink (…/regio/…); de bewerkingslink van de regio is niet nodig.',
  notFound: 'Bij deze link hoort geen regionaal plan. Controleer de link.',
  failed: 'Het regionale plan kon niet worden opgehaald. Probeer het opnieuw.',
} as const;
