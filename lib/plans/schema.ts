import { z } from 'zod';
import { MAX_PLAN_LINES } from '@/lib/limits';
import { PARSE_EURO_MESSAGES, formatEuro, parseEuro } from '@/lib/money';
import { textProblem } from '@/lib/text-validation';
import { indexPlanContent, type PlanContent, type PlanContentIndex } from './content';
import { normalizeAmounts } from './lines';

/**
 * The zod schemas for funding plans: one per form / request body, shared by
 * the JSON API (app/api/plannen) and the Server Actions of the plan pages.
 *
 * Every field accepts what a form posts (strings: "2025", "€ 12.500") as well
 * as what JSON clients send (numbers), and every problem gets a Dutch message
 * on the field's own path ("lines.3.amount"), see fieldErrors(). Nothing here
 * touches the database or the file system: the catalogue (PlanContent) and,
 * for saves, the plan's year range are passed in, so client components may use
 * the same schemas.
 *
 * Every object is strict (the forms pass only their own fields, never
 * buttons or Next's action ids): an
 * unknown field is refused with a message naming it, because a misspelt key
 * must not silently empty a plan (`{"plan": 1e308, "needs": [], "lines": []}`
 * used to be accepted). The form's save schema adds `version` (the JSON API
 * sends it in If-Match instead, and `version` in a body is ignored).
 */

/** The Dutch refusal of unknown keys, naming them (plans and regional plans alike). */
export function unknownFieldMessage(keys: readonly string[]): string {
  return `Onbekend veld: ${keys.map((k) => `“${k}”`).join(', ')}. Laat het weg of controleer de spelling.`;
}

/** zod's error for an object: unknown keys named in Dutch, anything else `message`. */
export function objectError(message: string) {
  return (issue: { code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys' && issue.keys ? unknownFieldMessage(issue.keys) : message;
}

export const LINE_STATUSES = ['idee', 'aangevraagd', 'toegezegd', 'afgewezen'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const STATUS_LABEL: Record<LineStatus, string> = {
  idee: 'Idee',
  aangevraagd: 'Aangevraagd',
  toegezegd: 'Toegezegd',
  afgewezen: 'Afgewezen',
};

export const LOOPTIJDEN = ['tijdelijk', 'structureel'] as const;
export type Looptijd = (typeof LOOPTIJDEN)[number];

export const PLAN_LIMITS = {
  minYear: 2000,
  maxYear: 2100,
  /** A plan covers at most this many calendar years (endYear - startYear + 1). */
  maxYears: 10,
  /** One amount (a need or a line), in euros. Anything above is a typo, not a budget. */
  maxAmount: 1_000_000_000,
  /** Bounded so the edit page of a plan at its limits renders in about a second (lib/limits.ts). */
  maxLines: MAX_PLAN_LINES,
  /** Needs are unique per category and year (≤ 4 × 10), so this only stops absurd bodies early. */
  maxNeeds: 200,
  municipality: 120,
  title: 200,
  contactNote: 2000,
  customSourceName: 120,
  note: 1000,
  rejectionReason: 500,
  lineId: 64,
} as const;

/** Key for problems that belong to the whole form rather than one field. */
export const FORM_ERROR_KEY = '_form';

// ---------------------------------------------------------------------------
// Field helpers. Each returns either a value or a Dutch message; `field()`
// turns that into a zod schema whose issue lands on the field's path.
// ---------------------------------------------------------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function field<T>(parse: (value: unknown) => Parsed<T>) {
  // `.optional()` first so a missing key still reaches `parse` (which decides
  // whether missing is allowed); a bare z.unknown().transform() would answer
  // a missing key with zod's English "expected nonoptional".
  return z.unknown().optional().transform((value, ctx): T => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

type TextOptions = { max: number; multiline?: boolean; requiredMessage?: string };

function readText(value: unknown, { max, multiline = false, requiredMessage }: TextOptions): Parsed<string | null> {
  if (value === undefined || value === null) {
    return requiredMessage ? { ok: false, message: requiredMessage } : { ok: true, value: null };
  }
  if (typeof value !== 'string') return { ok: false, message: 'Vul hier tekst in.' };
  // Windows line ends become \n so lengths and diffs do not depend on the browser.
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') return requiredMessage ? { ok: false, message: requiredMessage } : { ok: true, value: null };
  if (text.length > max) return { ok: false, message: `Gebruik hoogstens ${max} tekens (nu ${text.length}).` };
  // Invalid UTF-8, control and bidirectional characters: the shared checks (lib/text-validation.ts).
  const problem = textProblem(text, { multiline });
  return problem ? { ok: false, message: problem } : { ok: true, value: text };
}

/** A required single-line text. */
export function requiredText(max: number, requiredMessage: string) {
  return field((v) => {
    const r = readText(v, { max, requiredMessage });
    return r.ok ? { ok: true, value: r.value ?? '' } : r;
  });
}

/** Optional text: missing, null or blank → null. */
export function optionalText(max: number, multiline = false) {
  return field((v) => readText(v, { max, multiline }));
}

/** Whole number from a number or a digit string ("2025", " 2025 "). */
export function readInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d{1,9}\s*$/.test(value)) return Number(value);
  return undefined;
}

function readYear(value: unknown, missingMessage: string): Parsed<number> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, message: missingMessage };
  }
  const year = readInteger(value);
  if (year === undefined) return { ok: false, message: 'Vul een jaartal in, bijvoorbeeld 2025.' };
  if (year < PLAN_LIMITS.minYear || year > PLAN_LIMITS.maxYear) {
    return { ok: false, message: `Kies een jaar tussen ${PLAN_LIMITS.minYear} en ${PLAN_LIMITS.maxYear}.` };
  }
  return { ok: true, value: year };
}

export const yearField = (missingMessage = 'Vul een jaar in.') => field((v) => readYear(v, missingMessage));

/**
 * An amount in whole euros, 0 … 1,000,000,000. Strings go through parseEuro
 * (Dutch notation; cents are refused, not rounded); JSON numbers must already be whole euros.
 * `emptyIsZero`: an empty need cell in a form means "nothing needed".
 */
export function readAmount(value: unknown, emptyIsZero = false): Parsed<number> {
  let amount: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, message: 'Vul een bedrag in euro’s in.' };
    // The same message as a typed amount with cents (parseEuro), so form and API refuse alike.
    if (!Number.isInteger(value)) return { ok: false, message: PARSE_EURO_MESSAGES.cents };
    amount = value;
  } else if (typeof value === 'string') {
    if (emptyIsZero && value.trim() === '') return { ok: true, value: 0 };
    const parsed = parseEuro(value);
    if (!parsed.ok) return parsed;
    amount = parsed.value;
  } else if (value === undefined || value === null) {
    return { ok: false, message: 'Vul een bedrag in.' };
  } else {
    return { ok: false, message: 'Vul een bedrag in euro’s in.' };
  }
  if (amount < 0) return { ok: false, message: 'Een bedrag kan niet negatief zijn.' };
  if (amount > PLAN_LIMITS.maxAmount) {
    return { ok: false, message: `Dit bedrag is onwaarschijnlijk hoog: hoogstens ${formatEuro(PLAN_LIMITS.maxAmount)}.` };
  }
  return { ok: true, value: amount };
}

export function oneOf<T extends string>(values: readonly T[], message: string) {
  return field((v): Parsed<T> => {
    const found = typeof v === 'string' ? values.find((x) => x === v.trim()) : undefined;
    return found ? { ok: true, value: found } : { ok: false, message };
  });
}

export function categoryField(index: PlanContentIndex) {
  const names = [...index.categories.values()].map((k) => k.naam.toLowerCase());
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} of ${names.at(-1)}` : (names[0] ?? '');
  return field((v): Parsed<string> => {
    if (v === undefined || v === null || v === '') return { ok: false, message: 'Kies een kostensoort.' };
    if (typeof v === 'string' && index.categories.has(v.trim())) return { ok: true, value: v.trim() };
    return { ok: false, message: `Onbekende kostensoort; kies ${list}.` };
  });
}

/** Years are checked against [startYear, endYear] after parsing (see rangeProblems). */
function rangeMessage(startYear: number, endYear: number): string {
  return startYear === endYear
    ? `Kies het jaar van het plan (${startYear}).`
    : `Kies een jaar binnen de looptijd van het plan (${startYear}–${endYear}).`;
}

export function yearRangeProblem(startYear: unknown, endYear: unknown): { path: 'endYear'; message: string } | null {
  if (typeof startYear !== 'number' || typeof endYear !== 'number') return null;
  if (endYear < startYear) return { path: 'endYear', message: 'Het eindjaar mag niet vóór het beginjaar liggen.' };
  if (endYear - startYear + 1 > PLAN_LIMITS.maxYears) {
    return { path: 'endYear', message: `Een plan beslaat hoogstens ${PLAN_LIMITS.maxYears} jaar.` };
  }
  return null;
}

// Cross-field refinements run even when some fields failed, so the user sees
// every problem at once. They then get the partly parsed value, so each
// refinement checks field types itself; `when` only guarantees an object
// (for `null` or a list the object schema has already said what is wrong).
export const always = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

function buildSchemas(content: PlanContent) {
  const index = indexPlanContent(content);
  const costCategory = categoryField(index);

  // Strict like the save body: the create form passes only these fields (app/plannen/nieuw/actions.ts).
  const createPlanSchema = z
    .strictObject(
      {
        municipality: requiredText(PLAN_LIMITS.municipality, 'Vul de naam van de gemeente of regio in.'),
        title: requiredText(PLAN_LIMITS.title, 'Geef het plan een titel.'),
        startYear: yearField('Vul het eerste jaar van het plan in.'),
        endYear: yearField('Vul het laatste jaar van het plan in.'),
        contactNote: optionalText(PLAN_LIMITS.contactNote, true),
        /** Slug of a worked example whose funding mix seeds the plan; empty for an empty plan. */
        voorbeeld: field((v): Parsed<string | null> => {
          if (v === undefined || v === null || v === '') return { ok: true, value: null };
          if (typeof v === 'string' && index.examples.has(v)) return { ok: true, value: v };
          return { ok: false, message: 'Kies een voorbeeld uit de lijst, of begin met een leeg plan.' };
        }),
      },
      { error: objectError('Stuur de gegevens van het plan als object.') },
    )
    .superRefine((data, ctx) => {
      const problem = yearRangeProblem(data.startYear, data.endYear);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    }, always);

  const needSchema = z.strictObject(
    {
      costCategory,
      year: yearField(),
      amount: field((v) => readAmount(v, true)),
    },
    { error: objectError('Ongeldige behoefte.') },
  );

  const yearAmountSchema = z.strictObject(
    {
      year: yearField(),
      amount: field((v) => readAmount(v, true)),
    },
    { error: objectError('Geef een bedrag per jaar als {year, amount}.') },
  );

  const lineSchema = z
    .strictObject(
      {
        /** The id of an existing line of this plan, to keep its identity in revisions; omit for new lines. */
        id: field((v): Parsed<string | null> => {
          if (v === undefined || v === null || v === '') return { ok: true, value: null };
          if (typeof v === 'string' && v.length <= PLAN_LIMITS.lineId && /^[A-Za-z0-9_-]+$/.test(v)) return { ok: true, value: v };
          return { ok: false, message: 'Ongeldige regel-id.' };
        }),
        costCategory,
        sourceSlug: field((v): Parsed<string | null> => {
          if (v === undefined || v === null || v === '') return { ok: true, value: null };
          if (typeof v === 'string' && index.sources.has(v.trim())) return { ok: true, value: v.trim() };
          return {
            ok: false,
            message: 'Deze financieringsbron staat niet in de catalogus. Kies een financieringsbron uit de lijst of vul een eigen financieringsbron in.',
          };
        }),
        customSourceName: optionalText(PLAN_LIMITS.customSourceName),
        /** An amount per year; a year left out is 0. */
        amounts: z
          .array(yearAmountSchema, { error: 'Geef de bedragen mee als lijst per jaar (amounts).' })
          .max(PLAN_LIMITS.maxYears + 1, `Geef hoogstens ${PLAN_LIMITS.maxYears} jaren mee.`)
          .optional(),
        /** The shape before amounts per year (one year, one amount per line), accepted for one release. */
        year: yearField().optional(),
        amount: field((v) => readAmount(v)).optional(),
        looptijd: oneOf(LOOPTIJDEN, 'Kies tijdelijk of structureel.'),
        status: oneOf(LINE_STATUSES, 'Kies een status: idee, aangevraagd, toegezegd of afgewezen.'),
        rejectionReason: optionalText(PLAN_LIMITS.rejectionReason, true),
        note: optionalText(PLAN_LIMITS.note, true),
      },
      { error: objectError('Ongeldige financieringsregel.') },
    )
    .superRefine((line, ctx) => {
      const slug = typeof line.sourceSlug === 'string' ? line.sourceSlug : null;
      const custom = typeof line.customSourceName === 'string' ? line.customSourceName : null;
      if (slug && custom) {
        ctx.addIssue({
          code: 'custom',
          path: ['customSourceName'],
          message: 'Kies een financieringsbron uit de catalogus óf vul een eigen financieringsbron in, niet allebei.',
        });
      } else if (!slug && !custom && line.sourceSlug === null && line.customSourceName === null) {
        ctx.addIssue({ code: 'custom', path: ['sourceSlug'], message: 'Kies een financieringsbron, of vul een eigen financieringsbron in.' });
      }
      // A source the catalogue lists as only temporary (or only structural)
      // cannot be booked as the other kind: the cliff year depends on it.
      // 'beide' and 'onbekend' leave the choice to the user.
      const source = slug ? index.sources.get(slug) : undefined;
      if (source && (source.looptijd === 'tijdelijk' || source.looptijd === 'structureel') && LOOPTIJDEN.includes(line.looptijd) && line.looptijd !== source.looptijd) {
        ctx.addIssue({
          code: 'custom',
          path: ['looptijd'],
          message:
            source.looptijd === 'tijdelijk'
              ? 'Deze financieringsbron geeft alleen tijdelijk geld; kies ‘tijdelijk’.'
              : 'Deze financieringsbron geeft structureel geld; kies ‘structureel’.',
        });
      }
      if (line.status === 'afgewezen' && line.rejectionReason === null) {
        ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: 'Geef aan waarom de aanvraag is afgewezen.' });
      }
      const legacy = line.year !== undefined || line.amount !== undefined;
      if (legacy && line.amounts !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'Geef bedragen per jaar (amounts) óf één jaar met één bedrag (year en amount), niet allebei.' });
      } else if (legacy && (line.year === undefined || line.amount === undefined)) {
        ctx.addIssue({ code: 'custom', path: [line.year === undefined ? 'year' : 'amount'], message: line.year === undefined ? 'Vul een jaar in.' : 'Vul een bedrag in.' });
      }
      const seenYears = new Set<number>();
      (Array.isArray(line.amounts) ? line.amounts : []).forEach((a, j) => {
        if (!a || typeof a.year !== 'number') return;
        if (seenYears.has(a.year)) ctx.addIssue({ code: 'custom', path: ['amounts', j, 'year'], message: 'Dit jaar staat twee keer in deze regel.' });
        seenYears.add(a.year);
      });
    }, always)
    // One shape for the rest of the app: amounts per year, canonical (ascending, no zeros).
    .transform(({ year, amount, amounts, ...line }) => ({
      ...line,
      amounts: normalizeAmounts(amounts ?? (year !== undefined && amount !== undefined ? [{ year, amount }] : [])),
    }));

  /**
   * The body of a save. needs and lines replace the plan's; the plan fields
   * are optional and, when absent, stay as they are. Years of needs and lines
   * must lie in the plan's range: the stored range (passed to the factory), or
   * the new one when the body changes startYear/endYear.
   */
  function buildSaveSchema(plan: { startYear: number; endYear: number }) {
    return z
      .strictObject(
        {
          /** The version the form was loaded at (Server Actions); the JSON API ignores it (If-Match decides). */
          version: versionField.optional(),
          municipality: requiredText(PLAN_LIMITS.municipality, 'Vul de naam van de gemeente of regio in.').optional(),
          title: requiredText(PLAN_LIMITS.title, 'Geef het plan een titel.').optional(),
          startYear: yearField('Vul het eerste jaar van het plan in.').optional(),
          endYear: yearField('Vul het laatste jaar van het plan in.').optional(),
          contactNote: optionalText(PLAN_LIMITS.contactNote, true).optional(),
          needs: z
            .array(needSchema, { error: 'Geef de behoeften mee als lijst (needs).' })
            .max(PLAN_LIMITS.maxNeeds, `Geef hoogstens ${PLAN_LIMITS.maxNeeds} behoeften mee.`),
          lines: z
            .array(lineSchema, { error: 'Geef de financieringsregels mee als lijst (lines).' })
            .max(PLAN_LIMITS.maxLines, `Een plan kan hoogstens ${PLAN_LIMITS.maxLines} financieringsregels hebben.`),
        },
        { error: objectError('Stuur het plan als object met needs en lines.') },
      )
      .superRefine((data, ctx) => {
        const start = data.startYear === undefined ? plan.startYear : data.startYear;
        const end = data.endYear === undefined ? plan.endYear : data.endYear;
        const problem = yearRangeProblem(start, end);
        if (problem) {
          ctx.addIssue({ code: 'custom', path: [data.endYear === undefined ? 'startYear' : 'endYear'], message: problem.message });
          return; // without a valid range, year checks below would only add noise
        }
        if (typeof start !== 'number' || typeof end !== 'number') return;
        const outside = (year: unknown) => typeof year === 'number' && (year < start || year > end);

        const seenNeeds = new Set<string>();
        (Array.isArray(data.needs) ? data.needs : []).forEach((need, i) => {
          if (!need || typeof need !== 'object') return;
          if (outside(need.year)) {
            ctx.addIssue({ code: 'custom', path: ['needs', i, 'year'], message: rangeMessage(start, end) });
          }
          if (typeof need.costCategory === 'string' && typeof need.year === 'number') {
            const key = `${need.costCategory}|${need.year}`;
            if (seenNeeds.has(key)) {
              ctx.addIssue({
                code: 'custom',
                path: ['needs', i, 'year'],
                message: 'Voor deze kostensoort en dit jaar is de behoefte al ingevuld.',
              });
            }
            seenNeeds.add(key);
          }
        });

        const seenIds = new Set<string>();
        (Array.isArray(data.lines) ? data.lines : []).forEach((line, i) => {
          if (!line || typeof line !== 'object') return;
          // A year outside the plan may only carry 0 (then it is dropped), so changing the plan's
          // years never loses money silently: the user empties that year first.
          // A line that failed its own checks is not transformed yet: it may still have the old shape's year.
          if ('year' in line && outside(line.year)) {
            ctx.addIssue({ code: 'custom', path: ['lines', i, 'year'], message: rangeMessage(start, end) });
          }
          (Array.isArray(line.amounts) ? line.amounts : []).forEach((a) => {
            if (a && outside(a.year) && a.amount !== 0) {
              const j = Array.isArray(line.amounts) ? line.amounts.indexOf(a) : 0;
              ctx.addIssue({ code: 'custom', path: ['lines', i, 'amounts', j, 'amount'], message: `${a.year} valt buiten de looptijd van het plan (${start}–${end}). Maak dit leeg of 0, of pas de looptijd aan.` });
            }
          });
          if (typeof line.id === 'string') {
            if (seenIds.has(line.id)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'id'], message: 'Deze regel komt twee keer voor.' });
            seenIds.add(line.id);
          }
        });
      }, always);
  }

  const versionField = field((v): Parsed<number> => {
    const n = readInteger(v);
    return n !== undefined && n >= 1 ? { ok: true, value: n } : { ok: false, message: 'Ongeldige versie van het plan; laad de pagina opnieuw.' };
  });

  const saveSchemas = new Map<string, ReturnType<typeof buildSaveSchema>>();
  /** The body of a save, from the JSON API or the edit form (which also sends `version`). */
  function savePlanSchema(plan: { startYear: number; endYear: number }) {
    const key = `${plan.startYear}-${plan.endYear}`;
    let schema = saveSchemas.get(key);
    if (!schema) {
      schema = buildSaveSchema(plan);
      saveSchemas.set(key, schema);
    }
    return schema;
  }

  return { createPlanSchema, savePlanSchema, needSchema, lineSchema };
}

export type PlanSchemas = ReturnType<typeof buildSchemas>;

const schemaCache = new WeakMap<PlanContent, PlanSchemas>();

/**
 * The schemas for a catalogue. Cached per PlanContent object, so calling this
 * on every request costs a WeakMap lookup.
 */
export function planSchemas(content: PlanContent): PlanSchemas {
  let schemas = schemaCache.get(content);
  if (!schemas) {
    schemas = buildSchemas(content);
    schemaCache.set(content, schemas);
  }
  return schemas;
}

export type CreatePlanData = z.output<PlanSchemas['createPlanSchema']>;
export type SavePlanData = z.output<ReturnType<PlanSchemas['savePlanSchema']>>;
export type NeedInput = z.output<PlanSchemas['needSchema']>;
export type LineInput = z.output<PlanSchemas['lineSchema']>;

/**
 * Flattens a ZodError into `{ "lines.3.amount": "Dutch message" }`, the first
 * message per path (the most basic problem comes first). Problems with the
 * whole body use the key FORM_ERROR_KEY ("_form").
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? FORM_ERROR_KEY : issue.path.map((p) => String(p)).join('.');
    out[key] ??= issue.message;
  }
  return out;
}
