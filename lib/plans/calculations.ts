import type { Betaler } from '@/lib/content/schema';
import type { PlanContent } from './content';
import { LINE_STATUSES, type LineStatus, type Looptijd } from './schema';
import { perYear } from './lines';
import { regionNeeds } from './region-shares';
import type { YearAmount } from './types';
import { isUncertain } from './validity';

/**
 * Totals of a funding plan. Pure functions over plain data: the read page,
 * the API, the exports and a client component that updates totals while the
 * user types all compute the same numbers from the same code.
 *
 * WHICH LINES COUNT AS FUNDING ("basis")
 * - afgewezen (rejected) never counts as funding. It is still summed in
 *   `byStatus.afgewezen`, so the page can show what was asked in vain.
 * - zeker (certain):    toegezegd only.
 * - verwacht (expected): toegezegd + aangevraagd. THE DEFAULT: an application
 *   that has been filed is how coordinators plan, and "zeker" is always shown
 *   next to it through byStatus.
 * - gepland (planned):  toegezegd + aangevraagd + idee: everything in the plan
 *   that has not been refused.
 * `funded`, tijdelijk/structureel, gaps, the cliff year, by payer and by law
 * all use the chosen basis; `byStatus` always has all four statuses.
 *
 * MONEY ON A SOURCE THAT HAS ENDED OR IS UNCERTAIN: a counted line whose
 * source, by the content's `geldigheid`, cannot be counted on in the line's
 * year (lib/plans/validity.ts: ended, not started, or not known to run) is
 * not funding. It is summed in `uncertain` ("onzeker na afloop van de
 * bron") instead of tijdelijk/structureel/funded, so the gap, the cliff year,
 * by payer and by law all show the realistic floor. `asEntered` = funded +
 * uncertain and `gapAsEntered` show the plan as the user typed it; the read
 * page shows both scenarios side by side.
 *
 * GAP: gap = need − funded, in euros; negative means more money than need.
 * gapPercent = gap / need × 100 and coveragePercent = funded / need × 100, both
 * null when the need is 0 (a percentage of nothing is undefined, not 0 or ∞).
 * `shortfall` = max(0, gap) for displays that only show what is missing.
 *
 * CLIFF YEAR: let T(y) be the temporary (tijdelijk) funding in year y. The
 * cliff year is the year after the LAST plan year with T(y) > 0: from the
 * cliff year on, no temporary money is planned any more, so whatever it paid
 * for must by then be carried by structural money. It can be endYear + 1 (the
 * temporary money runs until the plan ends; the cliff lies just after it),
 * and it is null when the plan has no temporary money at all. Temporary money
 * that drops without vanishing (or vanishes and returns) is listed in
 * `cliff.drops`: every year where T(y) < T(y − 1), including endYear + 1.
 *
 * MONEY BY LAW: a source can belong to several laws (its `wetten` in the
 * catalogue). We do not invent a split between them. `byLaw.groups` counts
 * every euro exactly once, under the combination of laws of its source (e.g.
 * ["wmo", "zvw"]); groups add up to the total. `byLaw.perLaw` shows per law
 * `exclusive` (sources with only that law; these add up across laws) and
 * `shared` (sources this law shares with others; the same euro appears under
 * each of its laws, so shared amounts must NOT be added up). Custom sources
 * and sources that left the catalogue have no known law: group [] and
 * `byLaw.unknown`.
 *
 * MONEY BY PAYER: by the source's `betaler`. Custom sources (and sources that
 * left the catalogue) go to the separate bucket 'onbekend'.
 *
 * REGIONAL SHARES (plan.regionShares) count as need in the plan's years,
 * added to the plan's own need per category and year; a share's years outside
 * the plan are not counted (lib/plans/region-shares.ts ignoredNeeds).
 *
 * Lines and needs outside the plan's years or in categories the catalogue no
 * longer has are still counted (extra years/categories are appended), so the
 * totals always equal the sum of the rows.
 */

export type FundingBasis = 'zeker' | 'verwacht' | 'gepland';
export const DEFAULT_BASIS: FundingBasis = 'verwacht';
export const BASIS_STATUSES: Record<FundingBasis, readonly LineStatus[]> = {
  zeker: ['toegezegd'],
  verwacht: ['toegezegd', 'aangevraagd'],
  gepland: ['toegezegd', 'aangevraagd', 'idee'],
};
export const BASIS_LABEL: Record<FundingBasis, string> = {
  zeker: 'Zeker (toegezegd)',
  verwacht: 'Verwacht (toegezegd en aangevraagd)',
  gepland: 'Gepland (alles behalve afgewezen)',
};

export type Payer = Betaler | 'onbekend';
export const PAYERS: readonly Payer[] = ['gemeente', 'zorgverzekeraar', 'provincie', 'rijk', 'fonds', 'onbekend'];
export const PAYER_LABEL: Record<Payer, string> = {
  gemeente: 'Gemeente',
  zorgverzekeraar: 'Zorgverzekeraar',
  provincie: 'Provincie',
  rijk: 'Rijk',
  fonds: 'Fonds',
  onbekend: 'Onbekend (eigen financieringsbron)',
};

export type CalcNeed = { costCategory: string; year: number; amount: number };
export type CalcLine = {
  costCategory: string;
  sourceSlug: string | null;
  customSourceName?: string | null;
  /** Money per year (lib/plans/lines.ts). */
  amounts: readonly YearAmount[];
  looptijd: Looptijd;
  status: LineStatus;
};
export type CalcPlan = {
  startYear: number;
  endYear: number;
  needs: readonly CalcNeed[];
  lines: readonly CalcLine[];
  /** Regional shares pulled into the plan: need in the plan's years, ignored outside them (lib/plans/region-shares.ts). */
  regionShares?: readonly { needs: readonly CalcNeed[] }[];
};
export type CalcContent = Pick<PlanContent, 'kostensoorten' | 'bronnen' | 'wetten'>;

export type Cell = {
  need: number;
  /** Funding counted on the basis. */
  funded: number;
  /** The part of `funded` that is temporary / structural. */
  tijdelijk: number;
  structureel: number;
  /** Counted on the basis, but on a source that has ended or is uncertain in that year: not in `funded`. */
  uncertain: number;
  /** funded + uncertain: the plan as entered. */
  asEntered: number;
  /** need − asEntered. */
  gapAsEntered: number;
  /** All lines by status, whatever the basis. */
  byStatus: Record<LineStatus, number>;
  gap: number;
  gapPercent: number | null;
  shortfall: number;
  coveragePercent: number | null;
};
export type YearCell = Cell & { year: number };
export type YearTotals = YearCell & {
  /** Shares of `funded`, in percent; null when nothing is funded that year. */
  tijdelijkShare: number | null;
  structureelShare: number | null;
};
export type CategoryTotals = { costCategory: string; naam: string; years: YearCell[]; total: Cell };

export type Cliff = {
  /** See the module comment. null: no temporary money in the plan. */
  year: number | null;
  /** Whether the cliff year is one of the plan's years (false: it is endYear + 1, or there is none). */
  withinPlan: boolean;
  /** Temporary money in the year before the cliff: what structural money must take over. */
  temporaryBefore: number;
  /** Structural money in the cliff year; null when the cliff lies after the plan. */
  structuralInCliffYear: number | null;
  /** Every year where temporary money is lower than the year before. */
  drops: { year: number; from: number; to: number }[];
};

export type PayerTotals = { payer: Payer; label: string; amount: number; sharePercent: number | null; years: { year: number; amount: number }[] };
export type LawGroup = { laws: string[]; amount: number; sharePercent: number | null };
export type LawTotals = { law: string; naam: string; exclusive: number; shared: number };

export type PlanTotals = {
  basis: FundingBasis;
  years: number[];
  categories: CategoryTotals[];
  byYear: YearTotals[];
  total: Cell & { tijdelijkShare: number | null; structureelShare: number | null };
  cliff: Cliff;
  byPayer: PayerTotals[];
  byLaw: { groups: LawGroup[]; perLaw: LawTotals[]; unknown: number };
};

type Acc = { need: number; tijdelijk: number; structureel: number; uncertain: number; byStatus: Record<LineStatus, number> };

function emptyAcc(): Acc {
  return { need: 0, tijdelijk: 0, structureel: 0, uncertain: 0, byStatus: { idee: 0, aangevraagd: 0, toegezegd: 0, afgewezen: 0 } };
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

function toCell(acc: Acc): Cell {
  const funded = acc.tijdelijk + acc.structureel;
  const gap = acc.need - funded;
  return {
    need: acc.need,
    funded,
    tijdelijk: acc.tijdelijk,
    structureel: acc.structureel,
    uncertain: acc.uncertain,
    asEntered: funded + acc.uncertain,
    gapAsEntered: acc.need - funded - acc.uncertain,
    byStatus: { ...acc.byStatus },
    gap,
    gapPercent: percent(gap, acc.need),
    shortfall: Math.max(0, gap),
    coveragePercent: percent(funded, acc.need),
  };
}

function withShares<T extends Cell>(cell: T): T & { tijdelijkShare: number | null; structureelShare: number | null } {
  return { ...cell, tijdelijkShare: percent(cell.tijdelijk, cell.funded), structureelShare: percent(cell.structureel, cell.funded) };
}

function sumAcc(target: Acc, add: Acc): void {
  target.need += add.need;
  target.tijdelijk += add.tijdelijk;
  target.structureel += add.structureel;
  target.uncertain += add.uncertain;
  for (const s of LINE_STATUSES) target.byStatus[s] += add.byStatus[s];
}

/** The plan's years, plus any year a row uses outside them, ascending. */
function planYears(plan: CalcPlan): number[] {
  const years = new Set<number>();
  for (let y = plan.startYear; y <= plan.endYear; y++) years.add(y);
  for (const row of plan.needs) years.add(row.year);
  for (const row of plan.lines) for (const a of row.amounts) years.add(a.year);
  return [...years].sort((a, b) => a - b);
}

export function computeCliff(years: readonly number[], temporary: (year: number) => number, endYear: number, structural: (year: number) => number): Cliff {
  let last: number | null = null;
  const drops: Cliff['drops'] = [];
  let previous: { year: number; amount: number } | null = null;
  for (const year of years) {
    const t = temporary(year);
    if (t > 0) last = year;
    // Years are consecutive inside the plan; a gap in `years` (rows outside
    // the plan) counts as comparing with the previous listed year.
    if (previous && t < previous.amount) drops.push({ year, from: previous.amount, to: t });
    previous = { year, amount: t };
  }
  const lastYear = years.at(-1);
  if (previous && previous.amount > 0 && lastYear !== undefined) {
    drops.push({ year: lastYear + 1, from: previous.amount, to: 0 });
  }
  if (last === null) return { year: null, withinPlan: false, temporaryBefore: 0, structuralInCliffYear: null, drops };
  const year = last + 1;
  const withinPlan = year <= endYear && years.includes(year);
  return {
    year,
    withinPlan,
    temporaryBefore: temporary(last),
    structuralInCliffYear: withinPlan ? structural(year) : null,
    drops,
  };
}

/** All totals of a plan on one basis (default: verwacht = toegezegd + aangevraagd). */
export function computeTotals(plan: CalcPlan, content: CalcContent, basis: FundingBasis = DEFAULT_BASIS): PlanTotals {
  const counted = new Set<LineStatus>(BASIS_STATUSES[basis]);
  const years = planYears(plan);
  const sources = new Map(content.bronnen.map((b) => [b.slug, b]));

  // Categories in catalogue order, then any unknown ones in order of appearance.
  const categoryNames = new Map(content.kostensoorten.map((k) => [k.slug, k.naam]));
  const categoryOrder = content.kostensoorten.map((k) => k.slug);
  for (const row of [...plan.needs, ...regionNeeds(plan.regionShares, plan.startYear, plan.endYear), ...plan.lines.flatMap(perYear)]) {
    if (!categoryNames.has(row.costCategory)) {
      categoryNames.set(row.costCategory, row.costCategory);
      categoryOrder.push(row.costCategory);
    }
  }

  const cells = new Map<string, Acc>();
  const cellAcc = (category: string, year: number): Acc => {
    const key = `${category}\u0000${year}`;
    let acc = cells.get(key);
    if (!acc) {
      acc = emptyAcc();
      cells.set(key, acc);
    }
    return acc;
  };

  const payerYear = new Map<Payer, Map<number, number>>(PAYERS.map((p) => [p, new Map()]));
  const lawGroups = new Map<string, LawGroup>();
  const lawExclusive = new Map<string, number>();
  const lawShared = new Map<string, number>();
  let unknownLaw = 0;

  for (const need of plan.needs) cellAcc(need.costCategory, need.year).need += need.amount;
  // A regional share is need like the plan's own; years outside the plan are ignored (the pages say so).
  for (const need of regionNeeds(plan.regionShares, plan.startYear, plan.endYear)) cellAcc(need.costCategory, need.year).need += need.amount;

  for (const line of plan.lines.flatMap(perYear)) {
    const acc = cellAcc(line.costCategory, line.year);
    acc.byStatus[line.status] += line.amount;
    if (!counted.has(line.status)) continue;
    if (isUncertain(content, line.sourceSlug, line.year)) {
      acc.uncertain += line.amount;
      continue;
    }
    acc[line.looptijd] += line.amount;

    const source = line.sourceSlug ? sources.get(line.sourceSlug) : undefined;
    const payer: Payer = source ? source.betaler : 'onbekend';
    const perYear = payerYear.get(payer);
    perYear?.set(line.year, (perYear.get(line.year) ?? 0) + line.amount);

    const laws = source ? [...new Set(source.wetten)] : [];
    const key = laws.join('+');
    const group = lawGroups.get(key) ?? { laws, amount: 0, sharePercent: null };
    group.amount += line.amount;
    lawGroups.set(key, group);
    if (laws.length === 0) unknownLaw += line.amount;
    const target = laws.length === 1 ? lawExclusive : lawShared;
    for (const law of laws) target.set(law, (target.get(law) ?? 0) + line.amount);
  }

  const totalAcc = emptyAcc();
  const yearAccs = new Map<number, Acc>(years.map((y) => [y, emptyAcc()]));
  const categories: CategoryTotals[] = categoryOrder.map((costCategory) => {
    const catAcc = emptyAcc();
    const yearCells = years.map((year) => {
      const acc = cells.get(`${costCategory}\u0000${year}`) ?? emptyAcc();
      sumAcc(catAcc, acc);
      const yearAcc = yearAccs.get(year);
      if (yearAcc) sumAcc(yearAcc, acc);
      return { year, ...toCell(acc) };
    });
    sumAcc(totalAcc, catAcc);
    return { costCategory, naam: categoryNames.get(costCategory) ?? costCategory, years: yearCells, total: toCell(catAcc) };
  });

  const byYear = years.map((year) => withShares({ year, ...toCell(yearAccs.get(year) ?? emptyAcc()) }));
  const total = withShares(toCell(totalAcc));
  const yearCell = new Map(byYear.map((y) => [y.year, y]));

  const cliff = computeCliff(
    years,
    (y) => yearCell.get(y)?.tijdelijk ?? 0,
    plan.endYear,
    (y) => yearCell.get(y)?.structureel ?? 0,
  );

  const byPayer: PayerTotals[] = PAYERS.map((payer) => {
    const perYear = payerYear.get(payer) ?? new Map<number, number>();
    const amount = [...perYear.values()].reduce((a, b) => a + b, 0);
    return {
      payer,
      label: PAYER_LABEL[payer],
      amount,
      sharePercent: percent(amount, total.funded),
      years: years.map((year) => ({ year, amount: perYear.get(year) ?? 0 })),
    };
  });

  const lawOrder = new Map(content.wetten.map((w, i) => [w.slug, i]));
  const lawName = new Map(content.wetten.map((w) => [w.slug, w.korteNaam]));
  const byLawOrder = (a: string, b: string) => (lawOrder.get(a) ?? Infinity) - (lawOrder.get(b) ?? Infinity) || a.localeCompare(b);
  const groups = [...lawGroups.values()]
    .map((g) => ({ ...g, laws: [...g.laws].sort(byLawOrder), sharePercent: percent(g.amount, total.funded) }))
    // Largest first; ties in catalogue order of the laws; the unknown group last.
    .sort(
      (a, b) =>
        Number(a.laws.length === 0) - Number(b.laws.length === 0) ||
        b.amount - a.amount ||
        a.laws.length - b.laws.length ||
        byLawOrder(a.laws[0] ?? '', b.laws[0] ?? ''),
    );
  const perLaw = [...new Set([...lawExclusive.keys(), ...lawShared.keys()])].sort(byLawOrder).map((law) => ({
    law,
    naam: lawName.get(law) ?? law,
    exclusive: lawExclusive.get(law) ?? 0,
    shared: lawShared.get(law) ?? 0,
  }));

  return { basis, years, categories, byYear, total, cliff, byPayer, byLaw: { groups, perLaw, unknown: unknownLaw } };
}
