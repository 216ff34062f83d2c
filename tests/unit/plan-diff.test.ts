import { describe, expect, it } from 'vitest';
import { describeChange, diffStates } from '@/lib/plans/diff';
import type { LineRow, PlanState } from '@/lib/plans/types';
import { testPlanContent } from './support/plan-content';

const line: LineRow = {
  id: 'a',
  costCategory: 'interventies',
  sourceSlug: 'spuk',
  customSourceName: null,
  amounts: [{ year: 2025, amount: 1000 }],
  looptijd: 'tijdelijk',
  status: 'aangevraagd',
  rejectionReason: null,
  note: null,
};
const before: PlanState = {
  municipality: 'Utrecht',
  title: 'Plan',
  startYear: 2025,
  endYear: 2026,
  contactNote: null,
  needs: [
    { costCategory: 'interventies', year: 2025, amount: 5000 },
    { costCategory: 'interventies', year: 2026, amount: 7000 },
  ],
  lines: [line, { ...line, id: 'b', sourceSlug: null, customSourceName: 'Eigen', amounts: [{ year: 2025, amount: 10 }] }],
};

describe('diffStates / describeChange', () => {
  it('finds nothing between equal states', () => {
    expect(diffStates(before, structuredClone(before))).toEqual([]);
  });

  it('lists plan fields, needs (missing = 0), added, removed and changed lines', () => {
    const after: PlanState = {
      ...before,
      title: 'Plan 2025–2026',
      needs: [{ costCategory: 'interventies', year: 2025, amount: 6000 }],
      lines: [
        { ...line, amounts: [{ year: 2025, amount: 1500 }, { year: 2026, amount: 200 }], status: 'toegezegd' },
        { ...line, id: 'c', amounts: [{ year: 2026, amount: 1000 }] },
      ],
    };
    const changes = diffStates(before, after);
    expect(changes.map((c) => describeChange(c, testPlanContent))).toEqual([
      'Titel: ‘Plan’ → ‘Plan 2025–2026’',
      'Behoefte interventies 2025: €\u00A05.000 → €\u00A06.000',
      'Behoefte interventies 2026: €\u00A07.000 → €\u00A00',
      'Regel gewijzigd: Specifieke uitkering (interventies): bedragen 2025: €\u00A01.000 → €\u00A01.500, 2026: €\u00A00 → €\u00A0200; status aangevraagd → toegezegd',
      'Regel toegevoegd: Specifieke uitkering (interventies), €\u00A01.000 (2026), aangevraagd',
      'Regel verwijderd: Eigen (interventies), €\u00A010 (2025)',
    ]);
  });
});
