import { describe, expect, it } from 'vitest';
import { computeTotals } from '@/lib/plans/calculations';
import { formTotals, needFieldName, type PlanFormValues } from '@/lib/plans/form';
import { countedNeeds, ignoredNeeds, regionNeeds, shareChanges, type RegionShare } from '@/lib/plans/region-shares';
import { testPlanContent as content } from './support/plan-content';

/*
 * Regional shares as need (lib/plans/region-shares.ts), in the totals every
 * page, export and the API use, and in the editor's live totals.
 */

const share = (needs: RegionShare['needs'], regionId = 'r1'): RegionShare => ({
  regionId,
  regionName: 'Regio',
  memberName: 'Ede',
  regionVersion: 2,
  pulledAt: '2026-12-01T10:00:00.000Z',
  needs,
});

const a = share([
  { costCategory: 'interventies', year: 2025, amount: 500 },
  { costCategory: 'interventies', year: 2026, amount: 1000 },
  { costCategory: 'proceskosten', year: 2027, amount: 300 },
  { costCategory: 'proceskosten', year: 2028, amount: 300 },
]);
const b = share([{ costCategory: 'interventies', year: 2026, amount: 50 }], 'r2');

describe('regional shares', () => {
  it('count only in the plan’s years; the rest is ignored', () => {
    expect(countedNeeds(a, 2026, 2027).map((n) => n.year)).toEqual([2026, 2027]);
    expect(ignoredNeeds(a, 2026, 2027).map((n) => n.year)).toEqual([2025, 2028]);
    expect(regionNeeds([a, b], 2026, 2027)).toEqual([
      { costCategory: 'interventies', year: 2026, amount: 1050 },
      { costCategory: 'proceskosten', year: 2027, amount: 300 },
    ]);
  });

  it('add to the plan’s own need in the totals: per cell, gap and the years shown (no extra year columns)', () => {
    const plan = {
      startYear: 2026,
      endYear: 2027,
      needs: [{ costCategory: 'interventies', year: 2026, amount: 2000 }],
      lines: [{ costCategory: 'interventies', sourceSlug: 'spuk', amounts: [{ year: 2026, amount: 1500 }], looptijd: 'tijdelijk' as const, status: 'toegezegd' as const }],
      regionShares: [a, b],
    };
    const totals = computeTotals(plan, content);
    expect(totals.years).toEqual([2026, 2027]);
    const cell = (category: string, year: number) => totals.categories.find((c) => c.costCategory === category)?.years.find((y) => y.year === year);
    expect(cell('interventies', 2026)).toMatchObject({ need: 3050, funded: 1500, gap: 1550 });
    expect(cell('proceskosten', 2027)).toMatchObject({ need: 300, gap: 300 });
    expect(totals.total.need).toBe(3350);
    // Without the shares: the plan's own need only.
    expect(computeTotals({ ...plan, regionShares: [] }, content).total.need).toBe(2000);
  });

  it('count in the editor’s live totals, beside the typed need', () => {
    const values: PlanFormValues = {
      municipality: 'Ede',
      title: 'T',
      startYear: '2026',
      endYear: '2027',
      contactNote: '',
      needs: { [needFieldName('interventies', 2026)]: '2.000' },
      lines: [],
    };
    const totals = formTotals(values, ['interventies', 'proceskosten'], [2026, 2027], regionNeeds([a], 2026, 2027));
    expect(totals.categories.interventies?.need).toEqual([3000, 0]);
    expect(totals.categories.proceskosten?.gap).toEqual([0, 300]);
    expect(totals.total.need).toEqual([3000, 300]);
  });

  it('list the amounts an update changes, in category order', () => {
    const after = share([
      { costCategory: 'interventies', year: 2026, amount: 1200 },
      { costCategory: 'proceskosten', year: 2027, amount: 300 },
      { costCategory: 'voorinvesteringen', year: 2026, amount: 10 },
    ]);
    expect(shareChanges(a, after, ['voorinvesteringen', 'interventies', 'proceskosten'])).toEqual([
      { costCategory: 'voorinvesteringen', year: 2026, before: 0, after: 10 },
      { costCategory: 'interventies', year: 2025, before: 500, after: 0 },
      { costCategory: 'interventies', year: 2026, before: 1000, after: 1200 },
      { costCategory: 'proceskosten', year: 2028, before: 300, after: 0 },
    ]);
  });
});
