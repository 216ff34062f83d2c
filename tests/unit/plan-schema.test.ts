import { PARSE_EURO_MESSAGES } from '@/lib/money';
import { INVALID_UTF8_MESSAGE } from '@/lib/text-validation';
import { describe, expect, it } from 'vitest';
import { PLAN_LIMITS, fieldErrors, planSchemas } from '@/lib/plans/schema';
import { testPlanContent as content } from './support/plan-content';

const { createPlanSchema, savePlanSchema } = planSchemas(content);
const range = { startYear: 2025, endYear: 2028 };

function errorsOf(result: { success: true } | { success: false; error: Parameters<typeof fieldErrors>[0] }) {
  return result.success ? {} : fieldErrors(result.error);
}

const goodLine = {
  costCategory: 'interventies',
  sourceSlug: 'spuk',
  year: 2025,
  amount: 1000,
  looptijd: 'tijdelijk',
  status: 'toegezegd',
};

describe('createPlanSchema', () => {
  it('accepts form strings and JSON numbers', () => {
    const parsed = createPlanSchema.parse({ municipality: ' Utrecht ', title: 'Kansrijke Start', startYear: '2025', endYear: 2028 });
    expect(parsed).toEqual({ municipality: 'Utrecht', title: 'Kansrijke Start', startYear: 2025, endYear: 2028, contactNote: null, voorbeeld: null });
  });

  it('gives a Dutch message per field', () => {
    const errors = errorsOf(createPlanSchema.safeParse({ municipality: '', startYear: 'twintig', endYear: 1999 }));
    expect(errors).toEqual({
      municipality: 'Vul de naam van de gemeente of regio in.',
      title: 'Geef het plan een titel.',
      startYear: 'Vul een jaartal in, bijvoorbeeld 2025.',
      endYear: 'Kies een jaar tussen 2000 en 2100.',
    });
  });

  it('refuses an end before the start and more than ten years', () => {
    const base = { municipality: 'U', title: 'T' };
    expect(errorsOf(createPlanSchema.safeParse({ ...base, startYear: 2026, endYear: 2025 }))).toEqual({
      endYear: 'Het eindjaar mag niet vóór het beginjaar liggen.',
    });
    expect(errorsOf(createPlanSchema.safeParse({ ...base, startYear: 2025, endYear: 2035 }))).toEqual({
      endYear: 'Een plan beslaat hoogstens 10 jaar.',
    });
    expect(createPlanSchema.safeParse({ ...base, startYear: 2025, endYear: 2034 }).success).toBe(true);
  });

  it('refuses oversized and control-character text and unknown examples', () => {
    const errors = errorsOf(
      createPlanSchema.safeParse({
        municipality: 'x'.repeat(PLAN_LIMITS.municipality + 1),
        title: 'regel\neen',
        startYear: 2025,
        endYear: 2025,
        voorbeeld: 'bestaat-niet',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['municipality', 'title', 'voorbeeld']);
    expect(errors.municipality).toMatch(/hoogstens 120 tekens/);
  });

  it('refuses something that is not an object', () => {
    expect(errorsOf(createPlanSchema.safeParse([1, 2]))).toEqual({ _form: 'Stuur de gegevens van het plan als object.' });
  });
});

describe('savePlanSchema', () => {
  const schema = savePlanSchema(range);

  it('accepts a valid plan and parses Dutch amounts', () => {
    const parsed = schema.parse({
      needs: [{ costCategory: 'interventies', year: '2025', amount: '€ 12.500' }],
      lines: [
        { ...goodLine, amount: '1.234,-', note: '  toelichting  ' },
        { ...goodLine, sourceSlug: '', customSourceName: 'Lokaal fonds', looptijd: 'structureel', status: 'afgewezen', rejectionReason: 'Budget op' },
      ],
    });
    expect(parsed.needs).toEqual([{ costCategory: 'interventies', year: 2025, amount: 12500 }]);
    // The old one-year shape arrives as amounts per year.
    expect(parsed.lines[0]).toMatchObject({ amounts: [{ year: goodLine.year, amount: 1234 }], note: 'toelichting', sourceSlug: 'spuk', customSourceName: null, id: null });
    expect(parsed.lines[1]).toMatchObject({ sourceSlug: null, customSourceName: 'Lokaal fonds', rejectionReason: 'Budget op' });
  });

  it('reports every problem on its own path', () => {
    const errors = errorsOf(
      schema.safeParse({
        needs: [
          { costCategory: 'onbekend', year: 2025, amount: 1 },
          { costCategory: 'interventies', year: 2030, amount: -5 },
        ],
        lines: [
          { ...goodLine, amount: 1_000_000_001 },
          { ...goodLine, sourceSlug: 'verzonnen' },
          { ...goodLine, sourceSlug: null },
          { ...goodLine, customSourceName: 'Ook eigen' },
          { ...goodLine, status: 'afgewezen' },
          { ...goodLine, looptijd: 'structureel' },
          { ...goodLine, year: 2024, amount: 12.5 },
          { ...goodLine, status: 'misschien', looptijd: 'soms' },
          { ...goodLine, note: 'x'.repeat(PLAN_LIMITS.note + 1) },
          'geen object',
        ],
      }),
    );
    expect(errors).toEqual({
      'needs.0.costCategory': 'Onbekende kostensoort; kies interventies, voorinvesteringen, proceskosten of maatwerkbudget.',
      'needs.1.amount': 'Een bedrag kan niet negatief zijn.',
      'needs.1.year': 'Kies een jaar binnen de looptijd van het plan (2025–2028).',
      'lines.0.amount': 'Dit bedrag is onwaarschijnlijk hoog: hoogstens €\u00A01.000.000.000.',
      'lines.1.sourceSlug': 'Deze financieringsbron staat niet in de catalogus. Kies een financieringsbron uit de lijst of vul een eigen financieringsbron in.',
      'lines.2.sourceSlug': 'Kies een financieringsbron, of vul een eigen financieringsbron in.',
      'lines.3.customSourceName': 'Kies een financieringsbron uit de catalogus óf vul een eigen financieringsbron in, niet allebei.',
      'lines.4.rejectionReason': 'Geef aan waarom de aanvraag is afgewezen.',
      'lines.5.looptijd': 'Deze financieringsbron geeft alleen tijdelijk geld; kies ‘tijdelijk’.',
      'lines.6.amount': PARSE_EURO_MESSAGES.cents,
      'lines.6.year': 'Kies een jaar binnen de looptijd van het plan (2025–2028).',
      'lines.7.status': 'Kies een status: idee, aangevraagd, toegezegd of afgewezen.',
      'lines.7.looptijd': 'Kies tijdelijk of structureel.',
      'lines.8.note': `Gebruik hoogstens ${PLAN_LIMITS.note} tekens (nu ${PLAN_LIMITS.note + 1}).`,
      'lines.9': 'Ongeldige financieringsregel.',
    });
  });

  it('leaves the looptijd to the user when the catalogue says "beide" or "onbekend"', () => {
    const unknown = { slug: 'onbekend-geld', naam: 'Geld met onbekende looptijd', betaler: 'rijk' as const, wetten: ['overig'], looptijd: 'onbekend' as const, kostensoorten: ['interventies'], geldigheid: { vanaf: 'open', tot: 'open', toelichting: 'x', bron: [{ document: 'd.md' }] } };
    const withUnknown = planSchemas({ ...content, bronnen: [...content.bronnen, unknown] }).savePlanSchema(range);
    for (const sourceSlug of ['onbekend-geld', 'gemeentefonds']) {
      for (const looptijd of ['tijdelijk', 'structureel']) {
        expect(withUnknown.safeParse({ needs: [], lines: [{ ...goodLine, sourceSlug, looptijd }] }).success, `${sourceSlug} ${looptijd}`).toBe(true);
      }
    }
  });

  it('refuses duplicate needs and line ids', () => {
    const errors = errorsOf(
      schema.safeParse({
        needs: [
          { costCategory: 'interventies', year: 2025, amount: 1 },
          { costCategory: 'interventies', year: 2025, amount: 2 },
        ],
        lines: [
          { ...goodLine, id: 'abc' },
          { ...goodLine, id: 'abc' },
        ],
      }),
    );
    expect(errors).toEqual({
      'needs.1.year': 'Voor deze kostensoort en dit jaar is de behoefte al ingevuld.',
      'lines.1.id': 'Deze regel komt twee keer voor.',
    });
  });

  it('refuses more than the line limit (150, lib/limits.ts)', () => {
    const lines = Array.from({ length: PLAN_LIMITS.maxLines + 1 }, () => goodLine);
    expect(errorsOf(schema.safeParse({ needs: [], lines }))).toEqual({ lines: 'Een plan kan hoogstens 150 financieringsregels hebben.' });
    expect(schema.safeParse({ needs: [], lines: lines.slice(1) }).success).toBe(true);
  });

  it('checks years against a new range sent in the same body', () => {
    const ok = schema.safeParse({ startYear: 2026, endYear: 2029, needs: [], lines: [{ ...goodLine, year: 2029 }] });
    expect(ok.success).toBe(true);
    const errors = errorsOf(schema.safeParse({ startYear: 2026, needs: [], lines: [{ ...goodLine, year: 2025 }] }));
    expect(errors).toEqual({ 'lines.0.amounts.0.amount': '2025 valt buiten de looptijd van het plan (2026–2028). Maak dit leeg of 0, of pas de looptijd aan.' });
    expect(errorsOf(schema.safeParse({ endYear: 2040, needs: [], lines: [] }))).toEqual({ endYear: 'Een plan beslaat hoogstens 10 jaar.' });
  });

  it('requires needs and lines as lists', () => {
    expect(errorsOf(schema.safeParse({}))).toEqual({
      needs: 'Geef de behoeften mee als lijst (needs).',
      lines: 'Geef de financieringsregels mee als lijst (lines).',
    });
    expect(errorsOf(schema.safeParse('tekst'))).toEqual({ _form: 'Stuur het plan als object met needs en lines.' });
  });

  it('refuses lone surrogates and NUL in text', () => {
    const errors = errorsOf(schema.safeParse({ needs: [], lines: [{ ...goodLine, note: 'a\uD800b' }, { ...goodLine, note: 'a\u0000' }] }));
    // A lone surrogate cannot be UTF-8: the same message as a body that is not UTF-8 (lib/text-validation.ts).
    expect(errors).toEqual({ 'lines.0.note': INVALID_UTF8_MESSAGE, 'lines.1.note': 'Deze tekst bevat ongeldige tekens.' });
  });

  it('carries the form’s version, and refuses unknown fields naming them', () => {
    expect(schema.parse({ version: '3', needs: [], lines: [] })).toMatchObject({ version: 3, needs: [], lines: [] });
    expect(errorsOf(schema.safeParse({ version: 'x', needs: [], lines: [] }))).toEqual({ version: 'Ongeldige versie van het plan; laad de pagina opnieuw.' });
    // Once accepted and emptied the plan: now refused, naming the field.
    expect(errorsOf(schema.safeParse({ plan: 1e308, needs: [], lines: [] }))).toEqual({ _form: expect.stringContaining('Onbekend veld: “plan”') });
    expect(errorsOf(schema.safeParse({ needs: [], lines: [{ ...goodLine, bedrag: 5 }] }))).toEqual({ 'lines.0': expect.stringContaining('“bedrag”') });
  });

  it('takes amounts per year, a year left out is 0, and refuses years outside the plan, doubled years and both shapes at once', () => {
    const { year: _y, amount: _a, ...base } = goodLine;
    const parsed = schema.parse({ needs: [], lines: [{ ...base, amounts: [{ year: 2027, amount: '2.000' }, { year: 2025, amount: 1000 }, { year: 2026, amount: 0 }] }] });
    expect(parsed.lines[0]?.amounts).toEqual([
      { year: 2025, amount: 1000 },
      { year: 2027, amount: 2000 },
    ]);
    expect(schema.parse({ needs: [], lines: [{ ...base, amounts: [{ year: 2031, amount: 0 }] }] }).lines[0]?.amounts).toEqual([]);
    expect(errorsOf(schema.safeParse({ needs: [], lines: [{ ...base, amounts: [{ year: 2031, amount: 5 }] }] }))).toEqual({
      'lines.0.amounts.0.amount': expect.stringContaining('buiten de looptijd'),
    });
    expect(errorsOf(schema.safeParse({ needs: [], lines: [{ ...base, amounts: [{ year: 2025, amount: 5 }, { year: 2025, amount: 6 }] }] }))).toEqual({
      'lines.0.amounts.1.year': 'Dit jaar staat twee keer in deze regel.',
    });
    expect(errorsOf(schema.safeParse({ needs: [], lines: [{ ...goodLine, amounts: [] }] }))).toEqual({ 'lines.0.amounts': expect.stringContaining('niet allebei') });
  });
});
