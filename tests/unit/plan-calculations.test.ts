import { describe, expect, it } from 'vitest';
import { computeTotals, type CalcLine, type CalcPlan } from '@/lib/plans/calculations';
import { testPlanContent as content } from './support/plan-content';

/*
 * A hand-checked plan, 2025–2027 (all numbers below worked out on paper):
 *
 * needs         2025     2026     2027
 * interventies  100.000  100.000  100.000
 * proceskosten   20.000   10.000        –
 *
 * lines
 * 1 interventies 2025 spuk (rijk, overig)               tijdelijk   toegezegd   40.000
 * 2 interventies 2025 basisverzekering (zvw)            structureel aangevraagd 30.000
 * 3 interventies 2026 spuk                              tijdelijk   toegezegd   20.000
 * 4 interventies 2026 gemeentefonds (wpg,wmo,jeugdwet)  structureel idee        50.000
 * 5 interventies 2027 wmo-budget (gemeente, wmo)        structureel toegezegd   60.000
 * 6 proceskosten 2025 provincie-subsidie                tijdelijk   afgewezen   20.000
 * 7 proceskosten 2025 eigen bron "Lokaal fonds"         tijdelijk   toegezegd    5.000
 * 8 interventies 2027 gezamenlijk (zorgverz., zvw+wmo)  structureel aangevraagd 10.000
 */
/** A line with money in one year (the hand-checked tables below are per year). */
const line = ({ year, amount, ...l }: Partial<CalcLine> & Pick<CalcLine, 'costCategory' | 'looptijd' | 'status'> & { year: number; amount: number }): CalcLine => ({
  sourceSlug: null,
  customSourceName: null,
  ...l,
  amounts: [{ year, amount }],
});

const plan: CalcPlan = {
  startYear: 2025,
  endYear: 2027,
  needs: [
    { costCategory: 'interventies', year: 2025, amount: 100_000 },
    { costCategory: 'interventies', year: 2026, amount: 100_000 },
    { costCategory: 'interventies', year: 2027, amount: 100_000 },
    { costCategory: 'proceskosten', year: 2025, amount: 20_000 },
    { costCategory: 'proceskosten', year: 2026, amount: 10_000 },
  ],
  lines: [
    line({ costCategory: 'interventies', year: 2025, sourceSlug: 'spuk', looptijd: 'tijdelijk', status: 'toegezegd', amount: 40_000 }),
    line({ costCategory: 'interventies', year: 2025, sourceSlug: 'basisverzekering', looptijd: 'structureel', status: 'aangevraagd', amount: 30_000 }),
    line({ costCategory: 'interventies', year: 2026, sourceSlug: 'spuk', looptijd: 'tijdelijk', status: 'toegezegd', amount: 20_000 }),
    line({ costCategory: 'interventies', year: 2026, sourceSlug: 'gemeentefonds', looptijd: 'structureel', status: 'idee', amount: 50_000 }),
    line({ costCategory: 'interventies', year: 2027, sourceSlug: 'wmo-budget', looptijd: 'structureel', status: 'toegezegd', amount: 60_000 }),
    line({ costCategory: 'proceskosten', year: 2025, sourceSlug: 'provincie-subsidie', looptijd: 'tijdelijk', status: 'afgewezen', amount: 20_000 }),
    line({ costCategory: 'proceskosten', year: 2025, customSourceName: 'Lokaal fonds', looptijd: 'tijdelijk', status: 'toegezegd', amount: 5_000 }),
    line({ costCategory: 'interventies', year: 2027, sourceSlug: 'gezamenlijk', looptijd: 'structureel', status: 'aangevraagd', amount: 10_000 }),
  ],
};

function cellOf(totals: ReturnType<typeof computeTotals>, category: string, year: number) {
  const cell = totals.categories.find((c) => c.costCategory === category)?.years.find((y) => y.year === year);
  if (!cell) throw new Error(`no cell ${category} ${year}`);
  return cell;
}

describe('computeTotals (basis verwacht: toegezegd + aangevraagd)', () => {
  const totals = computeTotals(plan, content);

  it('lists the plan years and the categories in catalogue order', () => {
    expect(totals.basis).toBe('verwacht');
    expect(totals.years).toEqual([2025, 2026, 2027]);
    expect(totals.categories.map((c) => c.costCategory)).toEqual(['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget']);
  });

  it('totals need and funding per category and year, with gap and percentages', () => {
    expect(cellOf(totals, 'interventies', 2025)).toMatchObject({
      need: 100_000,
      funded: 70_000,
      tijdelijk: 40_000,
      structureel: 30_000,
      gap: 30_000,
      shortfall: 30_000,
      gapPercent: 30,
      coveragePercent: 70,
    });
    // The idee line (50.000) does not count as expected funding, but is in byStatus.
    expect(cellOf(totals, 'interventies', 2026)).toMatchObject({ need: 100_000, funded: 20_000, gap: 80_000, gapPercent: 80 });
    expect(cellOf(totals, 'interventies', 2026).byStatus).toEqual({ idee: 50_000, aangevraagd: 0, toegezegd: 20_000, afgewezen: 0 });
    expect(cellOf(totals, 'interventies', 2027)).toMatchObject({ funded: 70_000, structureel: 70_000, gap: 30_000 });
    // The rejected application never counts.
    expect(cellOf(totals, 'proceskosten', 2025)).toMatchObject({ need: 20_000, funded: 5_000, gap: 15_000, gapPercent: 75 });
    expect(cellOf(totals, 'proceskosten', 2025).byStatus.afgewezen).toBe(20_000);
    expect(cellOf(totals, 'proceskosten', 2026)).toMatchObject({ need: 10_000, funded: 0, gapPercent: 100, coveragePercent: 0 });
    // No need: percentages are undefined (null), not 0.
    expect(cellOf(totals, 'proceskosten', 2027)).toMatchObject({ need: 0, funded: 0, gap: 0, gapPercent: null, coveragePercent: null });
  });

  it('totals per category over all years', () => {
    const interventies = totals.categories.find((c) => c.costCategory === 'interventies');
    expect(interventies?.total).toMatchObject({ need: 300_000, funded: 160_000, tijdelijk: 60_000, structureel: 100_000, gap: 140_000 });
  });

  it('totals per year with the temporary/structural shares', () => {
    expect(totals.byYear).toEqual([
      expect.objectContaining({ year: 2025, need: 120_000, funded: 75_000, tijdelijk: 45_000, structureel: 30_000, gap: 45_000, gapPercent: 37.5, tijdelijkShare: 60, structureelShare: 40 }),
      expect.objectContaining({ year: 2026, need: 110_000, funded: 20_000, tijdelijk: 20_000, structureel: 0, gap: 90_000, tijdelijkShare: 100, structureelShare: 0 }),
      expect.objectContaining({ year: 2027, need: 100_000, funded: 70_000, tijdelijk: 0, structureel: 70_000, gap: 30_000, tijdelijkShare: 0, structureelShare: 100 }),
    ]);
  });

  it('totals overall', () => {
    expect(totals.total).toMatchObject({
      need: 330_000,
      funded: 165_000,
      tijdelijk: 65_000,
      structureel: 100_000,
      gap: 165_000,
      gapPercent: 50,
      coveragePercent: 50,
    });
    expect(totals.total.byStatus).toEqual({ idee: 50_000, aangevraagd: 40_000, toegezegd: 125_000, afgewezen: 20_000 });
    expect(totals.total.tijdelijkShare).toBeCloseTo((65 / 165) * 100, 10);
  });

  it('finds the cliff year: the year after the last year with temporary money', () => {
    expect(totals.cliff).toEqual({
      year: 2027,
      withinPlan: true,
      temporaryBefore: 20_000,
      structuralInCliffYear: 70_000,
      drops: [
        { year: 2026, from: 45_000, to: 20_000 },
        { year: 2027, from: 20_000, to: 0 },
      ],
    });
  });

  it('groups money by payer, custom sources as onbekend', () => {
    const byPayer = Object.fromEntries(totals.byPayer.map((p) => [p.payer, p.amount]));
    expect(byPayer).toEqual({ gemeente: 60_000, zorgverzekeraar: 40_000, provincie: 0, rijk: 60_000, fonds: 0, onbekend: 5_000 });
    const rijk = totals.byPayer.find((p) => p.payer === 'rijk');
    expect(rijk?.years).toEqual([
      { year: 2025, amount: 40_000 },
      { year: 2026, amount: 20_000 },
      { year: 2027, amount: 0 },
    ]);
    expect(rijk?.sharePercent).toBeCloseTo((60 / 165) * 100, 10);
    expect(totals.byPayer.reduce((a, p) => a + p.amount, 0)).toBe(totals.total.funded);
  });

  it('groups money by law without counting a euro twice', () => {
    expect(totals.byLaw.groups.map((g) => [g.laws, g.amount])).toEqual([
      [['wmo'], 60_000],
      [['overig'], 60_000],
      [['zvw'], 30_000],
      [['wmo', 'zvw'], 10_000],
      [[], 5_000],
    ]);
    expect(totals.byLaw.groups.reduce((a, g) => a + g.amount, 0)).toBe(totals.total.funded);
    expect(totals.byLaw.perLaw).toEqual([
      { law: 'wmo', naam: 'Wmo', exclusive: 60_000, shared: 10_000 },
      { law: 'zvw', naam: 'Zvw', exclusive: 30_000, shared: 10_000 },
      { law: 'overig', naam: 'Overig', exclusive: 60_000, shared: 0 },
    ]);
    expect(totals.byLaw.unknown).toBe(5_000);
    // Exclusive amounts add up; together with groups of several laws and unknown they make the total.
    const exclusive = totals.byLaw.perLaw.reduce((a, l) => a + l.exclusive, 0);
    expect(exclusive + 10_000 + totals.byLaw.unknown).toBe(totals.total.funded);
  });
});

describe('computeTotals on other bases', () => {
  it('zeker counts only toegezegd', () => {
    const totals = computeTotals(plan, content, 'zeker');
    expect(totals.total.funded).toBe(125_000);
    expect(cellOf(totals, 'interventies', 2025).funded).toBe(40_000);
    expect(totals.byPayer.find((p) => p.payer === 'zorgverzekeraar')?.amount).toBe(0);
  });

  it('gepland adds ideas but never afgewezen', () => {
    const totals = computeTotals(plan, content, 'gepland');
    expect(totals.total.funded).toBe(215_000);
    expect(cellOf(totals, 'interventies', 2026)).toMatchObject({ funded: 70_000, structureel: 50_000 });
    expect(cellOf(totals, 'proceskosten', 2025).funded).toBe(5_000);
    // gemeentefonds belongs to three laws: shared for each, exclusive for none.
    const wpg = totals.byLaw.perLaw.find((l) => l.law === 'wpg');
    expect(wpg).toEqual({ law: 'wpg', naam: 'Wpg', exclusive: 0, shared: 50_000 });
    expect(totals.byLaw.groups.find((g) => g.laws.length === 3)).toMatchObject({ laws: ['wpg', 'wmo', 'jeugdwet'], amount: 50_000 });
  });
});

describe('cliff year edge cases', () => {
  const base = { startYear: 2025, endYear: 2027, needs: [] };
  const temp = (year: number, amount: number) =>
    line({ costCategory: 'interventies', year, sourceSlug: 'spuk', looptijd: 'tijdelijk', status: 'toegezegd', amount });

  it('is null without temporary money', () => {
    const totals = computeTotals({ ...base, lines: [] }, content);
    expect(totals.cliff).toEqual({ year: null, withinPlan: false, temporaryBefore: 0, structuralInCliffYear: null, drops: [] });
  });

  it('lies after the plan when temporary money runs to the last year', () => {
    const totals = computeTotals({ ...base, lines: [temp(2025, 10), temp(2027, 30)] }, content);
    expect(totals.cliff).toEqual({
      year: 2028,
      withinPlan: false,
      temporaryBefore: 30,
      structuralInCliffYear: null,
      drops: [
        { year: 2026, from: 10, to: 0 },
        { year: 2028, from: 30, to: 0 },
      ],
    });
  });

  it('ignores a rejected temporary line', () => {
    const rejected = { ...temp(2027, 99), status: 'afgewezen' as const };
    expect(computeTotals({ ...base, lines: [temp(2025, 10), rejected] }, content).cliff.year).toBe(2026);
  });
});

describe('rows the catalogue or the plan years do not know', () => {
  it('are still counted, so totals equal the sum of the rows', () => {
    const totals = computeTotals(
      {
        startYear: 2025,
        endYear: 2025,
        needs: [{ costCategory: 'verdwenen', year: 2025, amount: 7 }],
        lines: [
          line({ costCategory: 'interventies', year: 2026, sourceSlug: 'niet-meer-in-catalogus', looptijd: 'structureel', status: 'toegezegd', amount: 11 }),
        ],
      },
      content,
    );
    expect(totals.years).toEqual([2025, 2026]);
    expect(totals.categories.at(-1)).toMatchObject({ costCategory: 'verdwenen', naam: 'verdwenen' });
    expect(totals.total).toMatchObject({ need: 7, funded: 11 });
    expect(totals.byPayer.find((p) => p.payer === 'onbekend')?.amount).toBe(11);
    expect(totals.byLaw.unknown).toBe(11);
  });
});
