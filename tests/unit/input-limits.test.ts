import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { BODY_TOO_LARGE_MESSAGE, MAX_BODY_BYTES, estimateFormBytes } from '@/lib/limits';
import { PARSE_EURO_MESSAGES } from '@/lib/money';
import { csvRow } from '@/lib/plans/export';
import { CUSTOM_SOURCE, formDataToValues, lineAmountName, lineFieldName, needFieldName, valuesToSaveInput } from '@/lib/plans/form';
import { readJsonBody } from '@/lib/http/api';
import { PLAN_LIMITS, fieldErrors, planSchemas } from '@/lib/plans/schema';
import { exactRegionTotal } from '@/lib/regions/calculate';
import { formToInput } from '@/lib/regions/form';
import { REGION_LIMITS, regionSchemas, type RegionContent, type RegionState } from '@/lib/regions/schema';
import { BIDI_MESSAGE, INVALID_UTF8_MESSAGE, textProblem } from '@/lib/text-validation';
import { testPlanContent } from './support/plan-content';

/*
 * Issue 11, points 4 and 7: one body limit for the API and the forms, a
 * largest plan that fits both, region size and total limits, and the same
 * refusals with the same messages through the form and the API.
 */

const planSchema = planSchemas(testPlanContent).savePlanSchema({ startYear: 2026, endYear: 2035 });
const YEARS = Array.from({ length: PLAN_LIMITS.maxYears }, (_, i) => 2026 + i);

const regionContent: RegionContent = {
  kostensoorten: [
    { slug: 'interventies', naam: 'Interventies' },
    { slug: 'proceskosten', naam: 'Proceskosten' },
  ],
  interventies: [{ slug: 'voorzorg', naam: 'VoorZorg' }],
};
const { regionSchema } = regionSchemas(regionContent);

function errorsOf(result: { success: true } | { success: false; error: Parameters<typeof fieldErrors>[0] }): Record<string, string> {
  return result.success ? {} : fieldErrors(result.error);
}

/** `n` characters that take three bytes each in UTF-8 (the worst case for a form body). */
const wide = (n: number) => '€'.repeat(n);

/** A form as the plan editor posts it, with the same field names. */
function planForm(fields: { title?: string; municipality?: string; lines: { customSourceName?: string; note?: string; rejectionReason?: string; amount?: string }[] }): FormData {
  const form = new FormData();
  form.append('planId', 'abcdefghijklmnopqrstuv');
  form.append('sleutel', 'x'.repeat(43));
  form.append('version', '1');
  form.append('municipality', fields.municipality ?? 'Arnhem');
  form.append('title', fields.title ?? 'Kansrijke Start');
  form.append('startYear', '2026');
  form.append('endYear', String(YEARS.at(-1)));
  form.append('contactNote', '');
  fields.lines.forEach((line, i) => {
    const key = `r${i}`;
    form.append('line', key);
    form.append(lineFieldName(key, 'id'), '');
    form.append(lineFieldName(key, 'costCategory'), 'interventies');
    form.append(lineFieldName(key, 'source'), CUSTOM_SOURCE);
    form.append(lineFieldName(key, 'customSourceName'), line.customSourceName ?? 'Eigen fonds');
    form.append(lineFieldName(key, 'looptijd'), 'tijdelijk');
    form.append(lineFieldName(key, 'status'), 'idee');
    form.append(lineFieldName(key, 'rejectionReason'), line.rejectionReason ?? '');
    form.append(lineFieldName(key, 'note'), line.note ?? '');
    for (const year of YEARS) form.append(lineAmountName(key, year), line.amount ?? '1.000');
  });
  form.append('intent', 'save');
  return form;
}

function parseForm(form: FormData) {
  return planSchema.safeParse({ ...valuesToSaveInput(formDataToValues(form)).input, version: '1' });
}

describe('one body limit for the API and the forms', () => {
  it('is the Server Actions’ limit in next.config.ts and the API’s, with one Dutch message', async () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(MAX_BODY_BYTES);
    const over = await readJsonBody(new Request('http://localhost/', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(MAX_BODY_BYTES - 1)}"` }));
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.response.status).toBe(413);
      expect(await over.response.json()).toMatchObject({ error: BODY_TOO_LARGE_MESSAGE, maxBytes: MAX_BODY_BYTES });
    }
  });

  it('holds the largest plan the schema accepts, as JSON and as the edit form posts it', async () => {
    // Every line at every text limit, in three-byte characters, with an amount in every year.
    const big = {
      customSourceName: wide(PLAN_LIMITS.customSourceName),
      note: wide(PLAN_LIMITS.note),
      rejectionReason: wide(PLAN_LIMITS.rejectionReason),
      amount: '1.000.000.000',
    };
    const form = planForm({ title: wide(PLAN_LIMITS.title), municipality: wide(PLAN_LIMITS.municipality), lines: Array.from({ length: PLAN_LIMITS.maxLines }, () => big) });
    for (const category of ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget']) {
      for (const year of YEARS) form.append(needFieldName(category, year), '1.000.000.000');
    }
    const parsed = parseForm(form);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;

    // The API body: the same plan as JSON (as JSON.stringify writes it).
    const json = JSON.stringify({ ...parsed.data, version: undefined });
    const jsonBytes = new TextEncoder().encode(json).byteLength;
    // The form body: multipart/form-data as the runtime encodes it.
    const multipartBytes = (await new Response(form).arrayBuffer()).byteLength;
    // useActionState posts the previous state with the form, and it holds the form's values again.
    const state = { status: 'saved', values: formDataToValues(form), errors: {}, message: 'Opgeslagen als versie 2.' };
    const stateBytes = new TextEncoder().encode(JSON.stringify(state)).byteLength;
    expect(jsonBytes).toBeLessThan(MAX_BODY_BYTES);
    expect(multipartBytes + stateBytes).toBeLessThan(MAX_BODY_BYTES);
    // The browser-side estimate is never below what is sent (it refuses early, never late)…
    expect(estimateFormBytes(form.entries(), state)).toBeGreaterThanOrEqual(multipartBytes + stateBytes);
    // …and still lets the largest plan through.
    expect(estimateFormBytes(form.entries(), state)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it('estimates a form over the limit as over it', () => {
    const form = planForm({ lines: [{ note: 'x'.repeat(MAX_BODY_BYTES) }] });
    expect(estimateFormBytes(form.entries())).toBeGreaterThan(MAX_BODY_BYTES);
  });
});

describe('shared text checks (lib/text-validation.ts)', () => {
  it('refuses U+FFFD and lone surrogates as invalid UTF-8, everywhere', () => {
    expect(textProblem('Arn\uFFFDhem')).toBe(INVALID_UTF8_MESSAGE);
    expect(textProblem('a\uD800b', { multiline: true })).toBe(INVALID_UTF8_MESSAGE);
    expect(textProblem('😀 emoji', { multiline: true })).toBeNull();
  });

  it('refuses bidirectional controls in single-line text only', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F']) {
      expect(textProblem(`Arn${c}hem`)).toBe(BIDI_MESSAGE);
      expect(textProblem(`notitie ${c}`, { multiline: true })).toBeNull();
    }
    expect(textProblem('Súdwest-Fryslân')).toBeNull();
  });
});

describe('funding plans: the form and the API refuse alike', () => {
  const apiLine = { costCategory: 'interventies', customSourceName: 'Eigen fonds', looptijd: 'tijdelijk', status: 'idee', amounts: [{ year: 2026, amount: 1000 }] };
  const api = (body: Record<string, unknown>) => errorsOf(planSchema.safeParse({ needs: [], lines: [apiLine], ...body }));

  it('U+FFFD (how a browser posts invalid UTF-8) gets the API’s invalid-UTF-8 message', () => {
    expect(errorsOf(parseForm(planForm({ lines: [{ note: 'kapot \uFFFD' }] })))).toEqual({ 'lines.0.note': INVALID_UTF8_MESSAGE });
    expect(api({ lines: [{ ...apiLine, note: 'kapot \uFFFD' }] })).toEqual({ 'lines.0.note': INVALID_UTF8_MESSAGE });
    expect(api({ lines: [{ ...apiLine, note: 'kapot \uDC00' }] })).toEqual({ 'lines.0.note': INVALID_UTF8_MESSAGE });
  });

  it('bidirectional controls in the title and source name', () => {
    expect(errorsOf(parseForm(planForm({ title: 'Plan \u202Eeon', lines: [{ customSourceName: 'Fonds\u2066' }] })))).toEqual({
      title: BIDI_MESSAGE,
      'lines.0.customSourceName': BIDI_MESSAGE,
    });
    expect(api({ title: 'Plan \u202Eeon', lines: [{ ...apiLine, customSourceName: 'Fonds\u2066' }] })).toEqual({ title: BIDI_MESSAGE, 'lines.0.customSourceName': BIDI_MESSAGE });
  });

  it('amounts with cents, typed or as a JSON number, with parseEuro’s message', () => {
    expect(errorsOf(parseForm(planForm({ lines: [{ amount: '1.234,50' }] })))).toMatchObject({ 'lines.0.amounts.0.amount': PARSE_EURO_MESSAGES.cents });
    expect(api({ lines: [{ ...apiLine, amounts: [{ year: 2026, amount: 1234.5 }] }] })).toEqual({ 'lines.0.amounts.0.amount': PARSE_EURO_MESSAGES.cents });
    expect(api({ needs: [{ costCategory: 'interventies', year: 2026, amount: 0.5 }] })).toEqual({ 'needs.0.amount': PARSE_EURO_MESSAGES.cents });
  });

  it('unknown fields are named', () => {
    expect(api({ titel: 'x' })._form).toContain('“titel”');
    expect(api({ lines: [{ ...apiLine, notitie: 'x' }] })['lines.0']).toContain('“notitie”');
  });
});

describe('regional plans: the form and the API refuse alike', () => {
  const members = [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Ede', children0to4: 5000, children0to18: 25000 },
  ];
  const base = { name: 'Gelderland-Midden', startYear: 2026, endYear: 2027, members, sharedItems: [], trajectoryItems: [] };
  const api = (body: Record<string, unknown>) => errorsOf(regionSchema.safeParse({ ...base, ...body }));
  /** The edit form's fields (also the hidden ones the schema must not see). */
  const form = (fields: Record<string, string>) =>
    errorsOf(
      regionSchema.safeParse(
        formToInput(
          Object.entries({
            regionId: 'abc',
            sleutel: 'geheim',
            version: '3',
            intent: 'save',
            name: 'Gelderland-Midden',
            startYear: '2026',
            endYear: '2027',
            members: 'Arnhem\t7000\t30000\nEde\t5000\t25000',
            ...fields,
          }),
        ).input,
      ),
    );

  it('accepts the form with its hidden fields, and the API body', () => {
    expect(form({})).toEqual({});
    expect(api({})).toEqual({});
  });

  it('U+FFFD in names and descriptions', () => {
    expect(form({ name: 'Regio \uFFFD' })).toEqual({ name: INVALID_UTF8_MESSAGE });
    expect(api({ name: 'Regio \uFFFD' })).toEqual({ name: INVALID_UTF8_MESSAGE });
    expect(form({ members: 'Arn\uFFFDhem\t7000\t30000' }).members).toBe(`Regel 1: ${INVALID_UTF8_MESSAGE}`);
    expect(api({ members: [{ name: 'Arn\uFFFDhem', children0to4: 1, children0to18: 2 }] }).members).toBe(`Gemeente 1: ${INVALID_UTF8_MESSAGE}`);
  });

  it('bidirectional controls in the name, a member name and an item description', () => {
    expect(form({ name: 'Regio\u202E' })).toEqual({ name: BIDI_MESSAGE });
    expect(api({ name: 'Regio\u202E' })).toEqual({ name: BIDI_MESSAGE });
    expect(form({ members: 'Arn\u200Fhem\t7000\t30000' }).members).toBe(`Regel 1: ${BIDI_MESSAGE}`);
    expect(api({ members: [{ name: 'Arn\u200Fhem', children0to4: 1, children0to18: 2 }] }).members).toBe(`Gemeente 1: ${BIDI_MESSAGE}`);
    const item = { costCategory: 'proceskosten', amountPerYear: 1000, splitKey: 'gelijk' };
    expect(form({ 'sharedItems.0.description': 'Training\u2067', 'sharedItems.0.costCategory': 'proceskosten', 'sharedItems.0.splitKey': 'gelijk', 'sharedItems.0.amountPerYear': '1000' })).toEqual({
      'sharedItems.0.description': BIDI_MESSAGE,
    });
    expect(api({ sharedItems: [{ ...item, description: 'Training\u2067' }] })).toEqual({ 'sharedItems.0.description': BIDI_MESSAGE });
  });

  it('amounts with cents', () => {
    expect(form({ 'sharedItems.0.costCategory': 'proceskosten', 'sharedItems.0.splitKey': 'gelijk', 'sharedItems.0.amounts.0.year': '2026', 'sharedItems.0.amounts.0.amount': '100,50' })).toEqual({
      'sharedItems.0.amounts.0.amount': PARSE_EURO_MESSAGES.cents,
    });
    expect(api({ sharedItems: [{ costCategory: 'proceskosten', splitKey: 'gelijk', amounts: [{ year: 2026, amount: 100.5 }] }] })).toEqual({
      'sharedItems.0.amounts.0.amount': PARSE_EURO_MESSAGES.cents,
    });
    expect(api({ trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4500.25, basis: 'percentage', percentage: 1 }] })).toEqual({
      'trajectoryItems.0.pricePerTrajectory': PARSE_EURO_MESSAGES.cents,
    });
  });

  it('unknown fields are refused with 422-style errors naming them, at every level', () => {
    expect(api({ naam: 'x' })._form).toContain('“naam”');
    expect(api({ sharedItems: [{ costCategory: 'proceskosten', amountPerYear: 1, splitKey: 'gelijk', bedrag: 1 }] })['sharedItems.0']).toContain('“bedrag”');
    expect(api({ sharedItems: [{ costCategory: 'proceskosten', splitKey: 'gelijk', amounts: [{ year: 2026, amount: 1, jaar: 1 }] }] })['sharedItems.0.amounts.0']).toContain('“jaar”');
    expect(api({ trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 1, basis: 'percentage', percentage: 1, prijs: 2 }] })['trajectoryItems.0']).toContain('“prijs”');
    expect(api({ members: [{ name: 'Arnhem', children0to4: 1, children0to18: 2, inwoners: 3 }] }).members).toContain('“inwoners”');
    expect(
      api({ trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 1, basis: 'historisch', trajectories: [{ year: 2026, counts: [1, 2], aantal: 3 }] }] })['trajectoryItems.0.trajectories'],
    ).toContain('“aantal”');
  });
});

describe('regional plans: size and exact totals', () => {
  const manyMembers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Gemeente ${i + 1}`, children0to4: 100, children0to18: 400 }));
  const shared = (n: number) => Array.from({ length: n }, (_, i) => ({ costCategory: 'proceskosten', description: `Post ${i + 1}`, amountPerYear: 1000, splitKey: 'gelijk' }));

  it('refuses members × items × years over the limit, naming the fields', () => {
    // 50 × 10 × 10 = 5,000: at the limit.
    const atLimit = { name: 'Regio', startYear: 2026, endYear: 2035, members: manyMembers(50), sharedItems: shared(10), trajectoryItems: [] };
    expect(errorsOf(regionSchema.safeParse(atLimit))).toEqual({});
    const errors = errorsOf(regionSchema.safeParse({ ...atLimit, sharedItems: shared(11) }));
    expect(Object.keys(errors)).toEqual(['sharedItems']);
    expect(errors.sharedItems).toContain('50 gemeenten (members) × 11 kostenposten (sharedItems en trajectoryItems) × 10 jaar = 5.500 bedragen');
    expect(50 * 10 * 10).toBe(REGION_LIMITS.maxCells);
  });

  it('refuses a total above the cap, computed exactly (a member total above 2^53 once came out wrong)', () => {
    // 60 members × 100,000 trajectories × € 1 bln × 2 years: each member € 2e14, far above the cap; the region 1.2e16 > 2^53.
    const members = manyMembers(60);
    const huge = {
      name: 'Regio',
      startYear: 2026,
      endYear: 2027,
      members,
      trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 1_000_000_000, basis: 'historisch', trajectories: members.map(() => 100_000) }],
    };
    const errors = errorsOf(regionSchema.safeParse(huge));
    expect(errors.trajectoryItems).toContain('boven');
  });

  it('accepts a total at the cap, and sums it exactly', () => {
    const state: RegionState = {
      name: 'Regio',
      startYear: 2026,
      endYear: 2027,
      members: manyMembers(2),
      sharedItems: [],
      trajectoryItems: [
        {
          intervention: 'voorzorg',
          costCategory: 'interventies',
          pricePerTrajectory: 1_000_000_000,
          basis: 'historisch',
          trajectories: [
            { year: 2026, counts: [100_000, 100_000] },
            { year: 2027, counts: [100_000, 100_000] },
          ],
          percentage: null,
        },
      ],
    };
    expect(exactRegionTotal(state)).toBe(400_000_000_000_000n);
    const atCap = { ...state, trajectoryItems: [{ ...state.trajectoryItems[0], trajectories: [{ year: 2026, counts: [500, 500] }] }] };
    expect(exactRegionTotal(atCap as RegionState)).toBe(BigInt(REGION_LIMITS.maxTotal));
    expect(errorsOf(regionSchema.safeParse(atCap))).toEqual({});
    expect(Number.isSafeInteger(REGION_LIMITS.maxTotal * 1000)).toBe(true);
  });
});

describe('CSV quoting', () => {
  it('quotes fields with a comma, quote, semicolon or line break', () => {
    expect(csvRow(['a,b', 'c"d', 'e;f', 'g\nh', 'plain', 12])).toBe('"a,b";"c""d";"e;f";"g\nh";plain;12\r\n');
  });
});
