import { MAX_PLAN_LINES } from '@/lib/limits';
import { formatNumber, parseEuro } from '@/lib/money';
import type { LineStatus, Looptijd } from './schema';
import type { PlanState } from './types';
import type { Conflict } from '@/lib/revision-history';

/**
 * The plan edit form as plain strings, and the bridge between that form and
 * the shared zod save schema (lib/plans/schema.ts).
 *
 * This module must stay free of zod and server code: the client editor uses
 * formDataToValues() and formTotals() to update totals while the user types,
 * and the Server Action uses the same functions to read the posted form. So
 * what the user sees summed is what the server parses.
 *
 * Field names are also the fields' DOM ids, so an error keyed by field name
 * is also the target of its link in the error summary:
 *   plan fields   municipality, title, startYear, endYear, contactNote (ids prefixed "plan-")
 *   needs         need-<category>-<year>
 *   lines         one hidden "line" per row, holding the row's key, in display
 *                 order; the row's fields are line-<key>-<field>, its amount in
 *                 a year line-<key>-amount-<year>
 * A row key is the line id for stored lines and a random "n…" for new ones;
 * it only ties a row's inputs together, the line id travels in line-<key>-id.
 */

/** Value of the source select for "andere bron (vrije tekst)". */
export const CUSTOM_SOURCE = '__eigen';

export const STATUS_OPTIONS: readonly { value: LineStatus; label: string }[] = [
  { value: 'idee', label: 'Idee' },
  { value: 'aangevraagd', label: 'Aangevraagd' },
  { value: 'toegezegd', label: 'Toegezegd' },
  { value: 'afgewezen', label: 'Afgewezen' },
];

export const LOOPTIJD_OPTIONS: readonly { value: Looptijd; label: string }[] = [
  { value: 'tijdelijk', label: 'Tijdelijk' },
  { value: 'structureel', label: 'Structureel' },
];

/**
 * Statuses that count as funding in the editor's live totals. Must equal
 * BASIS_STATUSES[DEFAULT_BASIS] in calculations.ts (a unit test checks it);
 * duplicated because calculations.ts imports the zod schema module, which the
 * client bundle should not carry.
 */
export const FUNDED_STATUSES: readonly LineStatus[] = ['toegezegd', 'aangevraagd'];

/** The form never accepts more rows than the schema allows (plus one, so the schema can say so). */
export const MAX_FORM_LINES = MAX_PLAN_LINES + 1;

export const PLAN_FIELDS = ['municipality', 'title', 'startYear', 'endYear', 'contactNote'] as const;
export type PlanFieldName = (typeof PLAN_FIELDS)[number];

export const LINE_FIELDS = [
  'id',
  'costCategory',
  'source',
  'customSourceName',
  'looptijd',
  'status',
  'rejectionReason',
  'note',
] as const;
export type LineFieldName = (typeof LINE_FIELDS)[number];

export type LineFormValues = { key: string } & Record<LineFieldName, string> & {
  /** Amounts as typed, keyed by year ("2027"). Blank or missing means 0. */
  amounts: Record<string, string>;
};

export type PlanFormValues = Record<PlanFieldName, string> & {
  /** Need amounts as typed, keyed by field name (needFieldName). Blank means "nothing needed". */
  needs: Record<string, string>;
  lines: LineFormValues[];
};

/** Key for messages about the whole form (same value as FORM_ERROR_KEY in schema.ts). */
export const FORM_ERROR = '_form';

export const planFieldId = (field: PlanFieldName) => `plan-${field}`;
export const needFieldName = (category: string, year: number | string) => `need-${category}-${year}`;
export const lineFieldName = (key: string, field: LineFieldName) => `line-${key}-${field}`;
export const lineAmountName = (key: string, year: number | string) => `line-${key}-amount-${year}`;
/** The id of the element that holds a field's error message (for aria-describedby). */
export const errorId = (fieldId: string) => `${fieldId}-fout`;

const NEED_NAME = /^need-([a-z0-9]+(?:-[a-z0-9]+)*)-(\d{4})$/;
const LINE_AMOUNT_NAME = /^line-([A-Za-z0-9_-]{1,64})-amount-(\d{4})$/;
const ROW_KEY = /^[A-Za-z0-9_-]{1,64}$/;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Reads the posted (or live) edit form. Unknown names are ignored; nothing here validates values. */
export function formDataToValues(form: FormData): PlanFormValues {
  const needs: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && NEED_NAME.test(name)) needs[name] = value;
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const key of form.getAll('line')) {
    if (typeof key !== 'string' || !ROW_KEY.test(key) || seen.has(key)) continue;
    seen.add(key);
    keys.push(key);
    if (keys.length >= MAX_FORM_LINES) break;
  }
  const amountsByKey = new Map<string, Record<string, string>>();
  for (const [name, value] of form.entries()) {
    const match = typeof value === 'string' ? LINE_AMOUNT_NAME.exec(name) : null;
    if (!match || typeof value !== 'string') continue;
    const [, key = '', year = ''] = match;
    amountsByKey.set(key, { ...amountsByKey.get(key), [year]: value });
  }
  const lines = keys.map((key): LineFormValues => {
    const field = (name: LineFieldName) => text(form, lineFieldName(key, name));
    return {
      key,
      id: field('id'),
      costCategory: field('costCategory'),
      source: field('source'),
      customSourceName: field('customSourceName'),
      amounts: amountsByKey.get(key) ?? {},
      looptijd: field('looptijd'),
      status: field('status'),
      rejectionReason: field('rejectionReason'),
      note: field('note'),
    };
  });
  return {
    municipality: text(form, 'municipality'),
    title: text(form, 'title'),
    startYear: text(form, 'startYear'),
    endYear: text(form, 'endYear'),
    contactNote: text(form, 'contactNote'),
    needs,
    lines,
  };
}

/** A stored plan as form values: amounts in Dutch notation ("12.500"), years as text. */
export function planToFormValues(plan: PlanState): PlanFormValues {
  const needs: Record<string, string> = {};
  for (const need of plan.needs) needs[needFieldName(need.costCategory, need.year)] = formatNumber(need.amount);
  return {
    municipality: plan.municipality,
    title: plan.title,
    startYear: String(plan.startYear),
    endYear: String(plan.endYear),
    contactNote: plan.contactNote ?? '',
    needs,
    lines: plan.lines.map((line) => ({
      key: line.id,
      id: line.id,
      costCategory: line.costCategory,
      source: line.sourceSlug ?? (line.customSourceName ? CUSTOM_SOURCE : ''),
      customSourceName: line.customSourceName ?? '',
      amounts: Object.fromEntries(line.amounts.map((a) => [String(a.year), formatNumber(a.amount)])),
      looptijd: line.looptijd,
      status: line.status,
      rejectionReason: line.rejectionReason ?? '',
      note: line.note ?? '',
    })),
  };
}

/** A new, empty row (status idee, as the seeded example lines). */
export function emptyLine(key: string, costCategory: string): LineFormValues {
  return {
    key,
    id: '',
    costCategory,
    source: '',
    customSourceName: '',
    amounts: {},
    looptijd: 'tijdelijk',
    status: 'idee',
    rejectionReason: '',
    note: '',
  };
}

/** A row the user added but left untouched: dropped on save instead of refused. */
export function isBlankLine(line: LineFormValues): boolean {
  return (
    !line.id &&
    !line.source &&
    !line.customSourceName.trim() &&
    Object.values(line.amounts).every((a) => !a.trim()) &&
    !line.note.trim() &&
    !line.rejectionReason.trim()
  );
}

/** One line of the save input: text fields as typed, amounts per year. */
export type LineInputFields = {
  id: string;
  costCategory: string;
  sourceSlug: string;
  customSourceName: string;
  amounts: { year: string; amount: string }[];
  looptijd: string;
  status: string;
  rejectionReason: string;
  note: string;
};

export type SaveInput = {
  /** The body for savePlanSchema (plus `version`, added by the caller). */
  input: {
    municipality: string;
    title: string;
    startYear: string;
    endYear: string;
    contactNote: string;
    needs: { costCategory: string; year: string; amount: string }[];
    lines: LineInputFields[];
  };
  /** needs[i] came from this field. */
  needFields: string[];
  /** lines[i] came from the row with this key. */
  lineKeys: string[];
};

/**
 * Form values → the object the shared save schema parses. Only mapping, no
 * checks: blank need cells and untouched new rows are left out, the source
 * select becomes sourceSlug / customSourceName.
 */
export function valuesToSaveInput(values: PlanFormValues): SaveInput {
  const needFields: string[] = [];
  const needs: SaveInput['input']['needs'] = [];
  for (const [name, amount] of Object.entries(values.needs)) {
    const match = NEED_NAME.exec(name);
    if (!match || amount.trim() === '') continue;
    needs.push({ costCategory: match[1] ?? '', year: match[2] ?? '', amount });
    needFields.push(name);
  }
  const lineKeys: string[] = [];
  const lines: SaveInput['input']['lines'] = [];
  for (const line of values.lines) {
    if (isBlankLine(line)) continue;
    lineKeys.push(line.key);
    lines.push({
      id: line.id,
      costCategory: line.costCategory,
      sourceSlug: line.source === CUSTOM_SOURCE ? '' : line.source,
      customSourceName: line.customSourceName,
      // Blank cells are 0: left out, as the API allows.
      amounts: Object.entries(line.amounts)
        .filter(([, amount]) => amount.trim() !== '')
        .map(([year, amount]) => ({ year, amount })),
      looptijd: line.looptijd,
      status: line.status,
      rejectionReason: line.rejectionReason,
      note: line.note,
    });
  }
  const { municipality, title, startYear, endYear, contactNote } = values;
  return { input: { municipality, title, startYear, endYear, contactNote, needs, lines }, needFields, lineKeys };
}

const SCHEMA_LINE_FIELD: Record<string, LineFieldName> = {
  id: 'source',
  costCategory: 'source',
  sourceSlug: 'source',
  customSourceName: 'customSourceName',
  looptijd: 'looptijd',
  status: 'status',
  rejectionReason: 'rejectionReason',
  note: 'note',
};

/**
 * Schema errors ({"lines.3.amount": "…"}, see fieldErrors in schema.ts) →
 * errors keyed by the form field that caused them. Anything that belongs to
 * no field lands on FORM_ERROR.
 */
export function formErrors(errors: Record<string, string>, mapping: Pick<SaveInput, 'needFields' | 'lineKeys' | 'input'>, values: PlanFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  const rows = new Map(values.lines.map((l) => [l.key, l]));
  const put = (field: string, message: string) => {
    out[field] ??= message;
  };
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    const [head, index, field] = parts;
    const planField = parts.length === 1 ? PLAN_FIELDS.find((f) => f === head) : undefined;
    if (planField) {
      put(planFieldId(planField), message);
      continue;
    }
    const i = Number(index);
    if (head === 'needs' && Number.isInteger(i) && mapping.needFields[i]) {
      put(mapping.needFields[i], message);
      continue;
    }
    const key = head === 'lines' && Number.isInteger(i) ? mapping.lineKeys[i] : undefined;
    if (key && field === 'amounts') {
      // "lines.3.amounts.1.amount": the input of that year in that row.
      const year = mapping.input.lines[i]?.amounts[Number(parts[3])]?.year;
      put(year ? lineAmountName(key, year) : lineAmountName(key, Object.keys(rows.get(key)?.amounts ?? {})[0] ?? ''), message);
      continue;
    }
    if (key) {
      const row = rows.get(key);
      const target = SCHEMA_LINE_FIELD[field ?? ''] ?? 'source';
      // "Andere bron" chosen but no name typed: say so at the name field.
      if (target === 'source' && field === 'sourceSlug' && row?.source === CUSTOM_SOURCE) {
        put(lineFieldName(key, 'customSourceName'), 'Vul de naam van de andere financieringsbron in.');
      } else {
        put(lineFieldName(key, target), message);
      }
      continue;
    }
    put(FORM_ERROR, message);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Live totals (client) from the same form values.
// ---------------------------------------------------------------------------

export type FormRowTotals = { need: number[]; funded: number[]; ideas: number[]; gap: number[] };
export type FormTotals = {
  years: number[];
  categories: Record<string, FormRowTotals>;
  total: FormRowTotals;
  /** Amounts that could not be read (not counted). */
  unreadable: number;
};

/** Sum of a row of totals (the "Totaal" column). */
export const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Plain sums per category and year: need, funding (FUNDED_STATUSES), ideas and gap = need − funding.
 * `extraNeeds` is need that is not typed in the form (regional shares, lib/plans/region-shares.ts):
 * added to the need of its category and year.
 */
export function formTotals(
  values: PlanFormValues,
  categories: readonly string[],
  years: readonly number[],
  extraNeeds: readonly { costCategory: string; year: number; amount: number }[] = [],
): FormTotals {
  let unreadable = 0;
  const amount = (value: string): number => {
    if (value.trim() === '') return 0;
    const parsed = parseEuro(value);
    if (!parsed.ok || parsed.value < 0) {
      unreadable += 1;
      return 0;
    }
    return parsed.value;
  };
  const empty = (): FormRowTotals => ({ need: years.map(() => 0), funded: years.map(() => 0), ideas: years.map(() => 0), gap: [] });
  const byCategory: Record<string, FormRowTotals> = Object.fromEntries(categories.map((c) => [c, empty()]));
  for (const category of categories) {
    years.forEach((year, i) => {
      const row = byCategory[category];
      if (row) row.need[i] = amount(values.needs[needFieldName(category, year)] ?? '');
    });
  }
  for (const extra of extraNeeds) {
    const row = byCategory[extra.costCategory];
    const i = years.indexOf(extra.year);
    if (row && i !== -1) row.need[i] = (row.need[i] ?? 0) + extra.amount;
  }
  for (const line of values.lines) {
    const row = byCategory[line.costCategory];
    if (!row) continue;
    years.forEach((year, i) => {
      const value = amount(line.amounts[String(year)] ?? '');
      if ((FUNDED_STATUSES as readonly string[]).includes(line.status)) row.funded[i] = (row.funded[i] ?? 0) + value;
      else if (line.status === 'idee') row.ideas[i] = (row.ideas[i] ?? 0) + value;
    });
  }
  const total = empty();
  for (const row of Object.values(byCategory)) {
    row.gap = row.need.map((n, i) => n - (row.funded[i] ?? 0));
    years.forEach((_, i) => {
      total.need[i] = (total.need[i] ?? 0) + (row.need[i] ?? 0);
      total.funded[i] = (total.funded[i] ?? 0) + (row.funded[i] ?? 0);
      total.ideas[i] = (total.ideas[i] ?? 0) + (row.ideas[i] ?? 0);
    });
  }
  total.gap = total.need.map((n, i) => n - (total.funded[i] ?? 0));
  return { years: [...years], categories: byCategory, total, unreadable };
}

/** The years the form shows: the typed range when it is a sensible one, else the stored plan's. */
export function formYears(values: Pick<PlanFormValues, 'startYear' | 'endYear'>, fallback: { startYear: number; endYear: number }, maxYears = 10): number[] {
  const start = Number(values.startYear.trim());
  const end = Number(values.endYear.trim());
  const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 2000 && end <= 2100 && end >= start && end - start < maxYears;
  const [from, to] = ok ? [start, end] : [fallback.startYear, fallback.endYear];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// ---------------------------------------------------------------------------
// State of the edit form's Server Action (shared by the action and the client editor).
// ---------------------------------------------------------------------------

export type EditorStatus =
  | 'idle'
  | 'saved'
  | 'restored'
  | 'edited'
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'error';

export type EditorState = {
  status: EditorStatus;
  /** New for every action result: the editor re-mounts its fields with these values. */
  nonce: string;
  /** The version the form is based on (the hidden version field). */
  version: number;
  values: PlanFormValues;
  errors: Record<string, string>;
  /** A sentence for the status line (saved, restored, refusals). */
  message: string | null;
  /** Set when the save was refused because someone else saved first. */
  conflict: Conflict | null;
  /** A field to move the focus to (e.g. the first input of a row just added without JavaScript). */
  focus: string | null;
};
