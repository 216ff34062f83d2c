import { describe, expect, it } from 'vitest';
import { BASIS_STATUSES, DEFAULT_BASIS, computeTotals } from '@/lib/plans/calculations';
import {
  CUSTOM_SOURCE,
  FORM_ERROR,
  FUNDED_STATUSES,
  STATUS_OPTIONS,
  emptyLine,
  formDataToValues,
  formErrors,
  formTotals,
  formYears,
  isBlankLine,
  lineAmountName,
  lineFieldName,
  needFieldName,
  planToFormValues,
  valuesToSaveInput,
  type PlanFormValues,
} from '@/lib/plans/form';
import { fieldErrors, planSchemas } from '@/lib/plans/schema';
import type { PlanState } from '@/lib/plans/types';
import { requestOrigin } from '@/lib/request-origin';
import { testPlanContent as content } from './support/plan-content';

const schemas = planSchemas(content);
const range = { startYear: 2026, endYear: 2027 };

/** A posted edit form, as the browser sends it (field order matters for lines). */
function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

/** A posted row; `amount` goes to the input of `year` (default 2026), as the grid's one input per year. */
function line(key: string, { year = '2026', amount, ...fields }: Partial<Record<string, string>>): [string, string][] {
  const base: Record<string, string> = {
    id: '',
    costCategory: 'interventies',
    source: '',
    customSourceName: '',
    looptijd: 'tijdelijk',
    status: 'idee',
    rejectionReason: '',
    note: '',
    ...fields,
  };
  const amounts: [string, string][] = amount === undefined ? [] : [[lineAmountName(key, year), amount]];
  return [['line', key], ...Object.entries(base).map(([f, v]): [string, string] => [`line-${key}-${f}`, v]), ...amounts];
}

const plan: [string, string][] = [
  ['planId', 'abc'],
  ['sleutel', 'secret'],
  ['version', '3'],
  ['municipality', 'Utrecht'],
  ['title', 'Plan'],
  ['startYear', '2026'],
  ['endYear', '2027'],
  ['contactNote', ''],
  ['intent', 'save'],
];

describe('formDataToValues', () => {
  it('reads plan fields, needs by field name and lines in posted order', () => {
    const values = formDataToValues(
      form([
        ...plan,
        [needFieldName('interventies', 2026), '€ 12.500'],
        [needFieldName('voorinvesteringen', 2027), ''],
        ...line('b', { source: 'spuk', amount: '1.234' }),
        ...line('a', { source: CUSTOM_SOURCE, customSourceName: 'Eigen fonds' }),
        ['need-../../etc-2026', '1'],
      ]),
    );
    expect(values.municipality).toBe('Utrecht');
    expect(values.needs).toEqual({ 'need-interventies-2026': '€ 12.500', 'need-voorinvesteringen-2027': '' });
    expect(values.lines.map((l) => l.key)).toEqual(['b', 'a']);
    expect(values.lines[0]).toMatchObject({ source: 'spuk', amounts: { '2026': '1.234' }, costCategory: 'interventies' });
  });

  it('ignores bad or repeated row keys and files', () => {
    const data = form([...plan, ...line('x', { amount: '1' }), ['line', 'x'], ['line', '<script>']]);
    data.append('line', new Blob(['y']), 'y.txt');
    expect(formDataToValues(data).lines.map((l) => l.key)).toEqual(['x']);
  });
});

describe('valuesToSaveInput with the shared save schema', () => {
  it('maps the source select and Dutch amounts to what the API schema accepts', () => {
    const values = formDataToValues(
      form([
        ...plan,
        [needFieldName('interventies', 2026), '€ 12.500'],
        [needFieldName('interventies', 2027), ' '],
        ...line('n1', { source: 'spuk', amount: '1.234', status: 'toegezegd' }),
        ...line('n2', { source: CUSTOM_SOURCE, customSourceName: 'Eigen fonds', amount: '€ 2.001,-', looptijd: 'structureel', year: '2027' }),
        ...line('n3', {}), // added but left empty: dropped
      ]),
    );
    const { input, needFields, lineKeys } = valuesToSaveInput(values);
    expect(needFields).toEqual(['need-interventies-2026']);
    expect(lineKeys).toEqual(['n1', 'n2']);
    const parsed = schemas.savePlanSchema(range).safeParse({ ...input, version: '3' });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.version).toBe(3);
    expect(parsed.data.needs).toEqual([{ costCategory: 'interventies', year: 2026, amount: 12500 }]);
    expect(parsed.data.lines.map((l) => [l.sourceSlug, l.customSourceName, l.amounts])).toEqual([
      ['spuk', null, [{ year: 2026, amount: 1234 }]],
      [null, 'Eigen fonds', [{ year: 2027, amount: 2001 }]],
    ]);
  });

  it('puts every schema error on the field that caused it', () => {
    const values = formDataToValues(
      form([
        ...plan.map(([k, v]): [string, string] => (k === 'title' ? [k, ''] : [k, v])),
        [needFieldName('interventies', 2026), 'twaalf'],
        ...line('r1', { source: 'spuk', amount: '1,234' }),
        ...line('r2', { source: CUSTOM_SOURCE, amount: '5' }),
        ...line('r3', { source: 'basisverzekering', amount: '10', status: 'afgewezen', looptijd: 'structureel' }),
        ...line('r4', { source: 'spuk', amount: '10', year: '2031' }),
        ...line('r5', { source: 'spuk', amount: '10,50' }),
      ]),
    );
    const mapping = valuesToSaveInput(values);
    const parsed = schemas.savePlanSchema(range).safeParse({ ...mapping.input, version: 'x' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = formErrors(fieldErrors(parsed.error), mapping, values);
    expect(errors).toMatchObject({
      'plan-title': 'Geef het plan een titel.',
      'need-interventies-2026': expect.stringContaining('Vul een bedrag'),
      [lineAmountName('r1', '2026')]: expect.stringContaining('punt voor duizendtallen'),
      [lineFieldName('r2', 'customSourceName')]: 'Vul de naam van de andere financieringsbron in.',
      [lineFieldName('r3', 'rejectionReason')]: 'Geef aan waarom de aanvraag is afgewezen.',
      [lineAmountName('r4', '2031')]: expect.stringContaining('2026–2027'),
      [lineAmountName('r5', '2026')]: expect.stringContaining('zonder centen'),
      [FORM_ERROR]: expect.stringContaining('versie'),
    });
  });
});

describe('planToFormValues', () => {
  it('round-trips a stored plan through the form and the schema', () => {
    const state: PlanState = {
      municipality: 'Utrecht',
      title: 'Plan',
      startYear: 2026,
      endYear: 2027,
      contactNote: null,
      needs: [{ costCategory: 'proceskosten', year: 2027, amount: 1234567 }],
      lines: [
        { id: 'l1', costCategory: 'interventies', sourceSlug: 'spuk', customSourceName: null, amounts: [{ year: 2026, amount: 12500 }, { year: 2027, amount: 3 }], looptijd: 'tijdelijk', status: 'aangevraagd', rejectionReason: null, note: 'n' },
        { id: 'l2', costCategory: 'interventies', sourceSlug: null, customSourceName: 'Eigen', amounts: [], looptijd: 'structureel', status: 'idee', rejectionReason: null, note: null },
      ],
    };
    const values = planToFormValues(state);
    expect(values.needs).toEqual({ 'need-proceskosten-2027': '1.234.567' });
    expect(values.lines[0]).toMatchObject({ amounts: { '2026': '12.500', '2027': '3' } });
    expect(values.lines[1]).toMatchObject({ key: 'l2', id: 'l2', source: CUSTOM_SOURCE, amounts: {} });
    const parsed = schemas.savePlanSchema(range).safeParse(valuesToSaveInput(values).input);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.needs).toEqual(state.needs);
    expect(parsed.data.lines.map((l) => ({ ...l, id: l.id ?? '' }))).toEqual(state.lines);
  });
});

describe('formTotals', () => {
  it('counts the same statuses as the default basis of computeTotals', () => {
    expect([...FUNDED_STATUSES].sort()).toEqual([...BASIS_STATUSES[DEFAULT_BASIS]].sort());
  });

  it('sums what the user typed like computeTotals sums the stored plan', () => {
    const values: PlanFormValues = {
      municipality: 'x',
      title: 'x',
      startYear: '2026',
      endYear: '2027',
      contactNote: '',
      needs: { 'need-interventies-2026': '€ 12.500', 'need-interventies-2027': '3.000', 'need-proceskosten-2026': 'abc' },
      lines: [
        { ...emptyLine('a', 'interventies'), source: 'spuk', amounts: { '2026': '1.234' }, status: 'toegezegd' },
        { ...emptyLine('b', 'interventies'), source: 'spuk', amounts: { '2027': '€ 2.000' }, status: 'aangevraagd' },
        { ...emptyLine('c', 'interventies'), source: 'spuk', amounts: { '2027': '500' }, status: 'idee' },
        { ...emptyLine('d', 'interventies'), source: 'spuk', amounts: { '2026': '900' }, status: 'afgewezen' },
        { ...emptyLine('e', 'interventies'), source: 'spuk', amounts: { '2026': 'veel' }, status: 'toegezegd' },
      ],
    };
    const categories = content.kostensoorten.map((k) => k.slug);
    const totals = formTotals(values, categories, [2026, 2027]);
    expect(totals.categories.interventies).toEqual({ need: [12500, 3000], funded: [1234, 2000], ideas: [0, 500], gap: [11266, 1000] });
    expect(totals.total.gap).toEqual([11266, 1000]);
    expect(totals.unreadable).toBe(2);

    const parsedLines = values.lines.filter((l) => l.amounts['2026'] !== 'veel');
    const reference = computeTotals(
      {
        startYear: 2026,
        endYear: 2027,
        needs: [
          { costCategory: 'interventies', year: 2026, amount: 12500 },
          { costCategory: 'interventies', year: 2027, amount: 3000 },
        ],
        lines: parsedLines.map((l, i) => ({
          costCategory: l.costCategory,
          sourceSlug: l.source,
          amounts: Object.keys(l.amounts).map((year) => ({ year: Number(year), amount: [1234, 2000, 500, 900][i] ?? 0 })),
          looptijd: 'tijdelijk' as const,
          status: STATUS_OPTIONS.find((o) => o.value === l.status)?.value ?? 'idee',
        })),
      },
      content,
    );
    expect(reference.byYear.map((y) => y.gap)).toEqual(totals.total.gap);
  });
});

describe('small helpers', () => {
  it('formYears uses the typed range when sensible, else the stored one', () => {
    expect(formYears({ startYear: '2026', endYear: '2028' }, range)).toEqual([2026, 2027, 2028]);
    expect(formYears({ startYear: '2030', endYear: '2026' }, range)).toEqual([2026, 2027]);
    expect(formYears({ startYear: '2020', endYear: '2040' }, range)).toEqual([2026, 2027]);
    expect(formYears({ startYear: 'abc', endYear: '' }, range)).toEqual([2026, 2027]);
  });

  it('a blank new row is dropped, a stored or touched one is not', () => {
    expect(isBlankLine(emptyLine('n', 'interventies'))).toBe(true);
    expect(isBlankLine({ ...emptyLine('n', 'interventies'), amounts: { '2026': ' ' } })).toBe(true);
    expect(isBlankLine({ ...emptyLine('n', 'interventies'), amounts: { '2026': '0' } })).toBe(false);
    expect(isBlankLine({ ...emptyLine('n', 'interventies'), id: 'stored' })).toBe(false);
  });

  it('requestOrigin prefers APP_URL, then the forwarded or own host, and refuses odd hosts', () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(requestOrigin(h({ host: 'localhost:3000' }), { APP_URL: 'https://wegwijzer.example/pad' })).toBe('https://wegwijzer.example');
    expect(requestOrigin(h({ host: 'localhost:3000' }), {})).toBe('http://localhost:3000');
    expect(requestOrigin(h({ host: 'intern:3000', 'x-forwarded-host': 'wegwijzer.example', 'x-forwarded-proto': 'https' }), {})).toBe('https://wegwijzer.example');
    expect(requestOrigin(h({ host: 'evil.example/"><script>' }), {})).toBe('');
  });
});
