import { describe, expect, it } from 'vitest';
import { computeTotals, type CalcLine, type CalcPlan } from '@/lib/plans/calculations';
import { isUncertain, planWarnings, sourceYearWarning } from '@/lib/plans/validity';
import { testPlanContent as content } from './support/plan-content';

const line = ({ year, amount, ...l }: Partial<CalcLine> & { year: number; amount: number }): CalcLine => ({
  costCategory: 'interventies',
  sourceSlug: null,
  customSourceName: null,
  looptijd: 'tijdelijk',
  status: 'toegezegd',
  ...l,
  amounts: [{ year, amount }],
});

describe('warnings on plan lines (source validity per year)', () => {
  it('a line on a source that ends on 31-12-2026 warns in 2027, not in 2026', () => {
    expect(sourceYearWarning(content, 'aflopend', 2026, '2026-12-02')).toBeNull();
    expect(sourceYearWarning(content, 'aflopend', 2027, '2026-12-02')).toBe(
      'Aflopende uitkering loopt af op 31 december 2026; voor 2027 is geen opvolger bekend.',
    );
  });

  it('a source of unknown validity warns after its last known date', () => {
    expect(isUncertain(content, 'onzeker', 2025)).toBe(false);
    expect(isUncertain(content, 'onzeker', 2026)).toBe(true);
    expect(sourceYearWarning(content, 'onzeker', 2026)).toMatch(/na 31 december 2025 is niet bekend/);
  });

  it('standing budgets, own sources and slugs that left the catalogue never warn', () => {
    expect(sourceYearWarning(content, 'wmo-budget', 2040)).toBeNull();
    expect(sourceYearWarning(content, null, 2040)).toBeNull();
    expect(sourceYearWarning(content, 'verdwenen', 2040)).toBeNull();
  });

  it('lists one warning per line and year, with the line id or position', () => {
    const warnings = planWarnings(
      [
        { id: 'a', sourceSlug: 'aflopend', amounts: [{ year: 2026, amount: 1 }] },
        { id: 'b', sourceSlug: 'aflopend', amounts: [{ year: 2026, amount: 1 }, { year: 2027, amount: 1 }] },
        { sourceSlug: 'onzeker', amounts: [{ year: 2028, amount: 1 }] },
      ],
      content,
      '2026-12-02',
    );
    expect(warnings.map((w) => [w.lineId, w.lineIndex, w.year, w.sourceSlug])).toEqual([
      ['b', 1, 2027, 'aflopend'],
      [null, 2, 2028, 'onzeker'],
    ]);
  });
});

describe('totals: money on an ended or uncertain source is not counted as funding', () => {
  const plan: CalcPlan = {
    startYear: 2026,
    endYear: 2028,
    needs: [2026, 2027, 2028].map((year) => ({ costCategory: 'interventies', year, amount: 100_000 })),
    lines: [
      // The same source every year, entered as temporary money: in 2027 and 2028 it has ended.
      line({ year: 2026, sourceSlug: 'aflopend', amount: 60_000 }),
      line({ year: 2027, sourceSlug: 'aflopend', amount: 60_000 }),
      line({ year: 2028, sourceSlug: 'aflopend', amount: 60_000 }),
      // Entered as structural, but the source has ended: still uncertain.
      line({ year: 2027, sourceSlug: 'aflopend', amount: 10_000, looptijd: 'structureel' }),
      line({ year: 2027, sourceSlug: 'wmo-budget', amount: 30_000, looptijd: 'structureel' }),
      // Rejected money is never funding, and not uncertain either.
      line({ year: 2028, sourceSlug: 'aflopend', amount: 5_000, status: 'afgewezen' }),
    ],
  };
  const totals = computeTotals(plan, content);
  const year = (y: number) => totals.byYear.find((t) => t.year === y)!;

  it('counts it apart per year, and the gap shows the realistic floor', () => {
    expect([year(2026).funded, year(2026).uncertain, year(2026).gap]).toEqual([60_000, 0, 40_000]);
    expect([year(2027).funded, year(2027).uncertain, year(2027).asEntered, year(2027).gap, year(2027).gapAsEntered]).toEqual([
      30_000, 70_000, 100_000, 70_000, 0,
    ]);
    expect([year(2028).funded, year(2028).uncertain, year(2028).gap]).toEqual([0, 60_000, 100_000]);
    expect(year(2028).byStatus.afgewezen).toBe(5_000);
    expect(totals.total.uncertain).toBe(130_000);
    expect(totals.total.asEntered).toBe(totals.total.funded + 130_000);
  });

  it('puts the cliff where the source ends, not where the user stopped typing', () => {
    // As entered, temporary money runs to 2028 (cliff 2029, after the plan); the source ends in 2026.
    expect(totals.cliff.year).toBe(2027);
    expect(totals.cliff.withinPlan).toBe(true);
    expect(totals.cliff.temporaryBefore).toBe(60_000);
  });

  it('leaves uncertain money out of payer and law totals, which add up to what is funded', () => {
    const rijk = totals.byPayer.find((p) => p.payer === 'rijk')!;
    expect(rijk.amount).toBe(60_000);
    expect(totals.byPayer.reduce((a, p) => a + p.amount, 0)).toBe(totals.total.funded);
  });
});
