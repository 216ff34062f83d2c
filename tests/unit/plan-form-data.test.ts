import { describe, expect, it } from 'vitest';
import { formDataToObject } from '@/lib/plans/form-data';
import { fieldErrors, planSchemas } from '@/lib/plans/schema';
import { testPlanContent } from './support/plan-content';

describe('formDataToObject', () => {
  it('nests dotted names into objects and lists', () => {
    const form = new FormData();
    form.append('version', '3');
    form.append('needs.0.costCategory', 'interventies');
    form.append('needs.0.year', '2025');
    form.append('needs.0.amount', '€ 12.500');
    form.append('lines.1.amount', '1.234');
    form.append('lines.0.amount', '5');
    form.append('lines.0.sourceSlug', 'spuk');
    form.append('$ACTION_ID_abc', '');
    form.append('__proto__.polluted', 'x');
    form.append('lines.99999999.amount', '1');
    expect(formDataToObject(form)).toEqual({
      version: '3',
      needs: [{ costCategory: 'interventies', year: '2025', amount: '€ 12.500' }],
      lines: [{ amount: '5', sourceSlug: 'spuk' }, { amount: '1.234' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('feeds the save form schema, Dutch amounts included', () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      version: '1',
      'needs.0.costCategory': 'interventies',
      'needs.0.year': '2025',
      'needs.0.amount': '',
      'lines.0.costCategory': 'interventies',
      'lines.0.sourceSlug': 'spuk',
      'lines.0.customSourceName': '',
      'lines.0.year': '2026',
      'lines.0.amount': '€ 12.500,-',
      'lines.0.looptijd': 'tijdelijk',
      'lines.0.status': 'aangevraagd',
      'lines.0.note': '',
      'lines.1.costCategory': 'interventies',
      'lines.1.customSourceName': 'Eigen fonds',
      'lines.1.year': '2031',
      'lines.1.amount': '1,234',
      'lines.1.looptijd': 'tijdelijk',
      'lines.1.status': 'idee',
    })) {
      form.append(k, v);
    }
    const schema = planSchemas(testPlanContent).savePlanSchema({ startYear: 2025, endYear: 2028 });
    const result = schema.safeParse(formDataToObject(form));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      'lines.1.amount': 'Gebruik een punt voor duizendtallen (1.234) en een komma voor centen (1.234,50).',
      'lines.1.year': 'Kies een jaar binnen de looptijd van het plan (2025–2028).',
    });
    form.set('lines.1.amount', '1.234');
    form.set('lines.1.year', '2027');
    const ok = schema.parse(formDataToObject(form));
    expect(ok.version).toBe(1);
    expect(ok.needs).toEqual([{ costCategory: 'interventies', year: 2025, amount: 0 }]);
    // The one-year shape of a form (or an old client) arrives as amounts per year.
    expect(ok.lines.map((l) => l.amounts.map((a) => a.amount))).toEqual([[12500], [1234]]);
    expect(ok.lines[1]?.amounts).toEqual([{ year: 2027, amount: 1234 }]);
  });
});
