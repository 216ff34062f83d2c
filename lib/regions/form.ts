import { formDataToObject, type FormFields } from '@/lib/plans/form-data';
import type { Conflict } from '@/lib/revision-history';
import { formatBp, membersToText, trajectoriesToText } from './paste';
import type { RegionState } from './schema';

/**
 * The edit form of a regional plan ↔ the region schema's input. No zod, so
 * the client editor may import it. Field names are the schema's paths
 * ("sharedItems.2.amounts.1.amount", with a hidden "….amounts.1.year" beside
 * it), element ids the same with dashes; members are one textarea in the
 * spreadsheet format (lib/regions/paste.ts).
 *
 * Blank item rows (the empty rows the form always offers, so items can be
 * added without JavaScript) are dropped before parsing; the schema's error
 * paths then refer to the compacted list, so they are mapped back to the row
 * the user sees.
 */

export type FormValues = Record<string, string>;
/** The edit form's id: the restore buttons of the history (outside the form) belong to it. */
export const REGION_FORM_ID = 'regio-formulier';
export const EXTRA_ROWS = 2;

/** Fields whose value alone does not make a row "filled" (selects and hidden years always post a value). */
const DEFAULTED = new Set(['costCategory', 'splitKey', 'basis', 'intervention', 'year']);

export const fieldId = (name: string) => `regio-${name.replace(/\./g, '-')}`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a row (or a part of it, such as its amounts per year) holds anything the user typed. */
function hasInput(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasInput);
  return isRecord(value) && Object.entries(value).some(([k, v]) => !DEFAULTED.has(k) && hasInput(v));
}

function compact(list: unknown): { rows: unknown[]; original: number[] } {
  const rows: unknown[] = [];
  const original: number[] = [];
  (Array.isArray(list) ? list : []).forEach((row, i) => {
    if (!isRecord(row) || !hasInput(row)) return;
    rows.push(row);
    original.push(i);
  });
  return { rows, original };
}

export type FormInput = { input: Record<string, unknown>; sharedRows: number[]; trajectoryRows: number[] };

/**
 * The document's own fields: the form also posts regionId, sleutel, version,
 * intent and the merge notice, which the (strict) schema would refuse as
 * unknown fields.
 */
const DOCUMENT_FIELDS = ['name', 'startYear', 'endYear', 'members'] as const;

export function formToInput(fields: FormFields): FormInput {
  const raw = formDataToObject(fields);
  const shared = compact(raw.sharedItems);
  const trajectories = compact(raw.trajectoryItems);
  const own = Object.fromEntries(DOCUMENT_FIELDS.filter((k) => k in raw).map((k) => [k, raw[k]]));
  return {
    input: { ...own, sharedItems: shared.rows, trajectoryItems: trajectories.rows },
    sharedRows: shared.original,
    trajectoryRows: trajectories.original,
  };
}

/** Posted fields as the form's values (to show them again after a refusal). */
export function formValues(fields: FormFields): FormValues {
  const out: FormValues = {};
  for (const [k, v] of fields) if (typeof v === 'string' && !k.startsWith('$')) out[k] = v;
  return out;
}

/** Schema error paths → element ids of the rows the user sees. */
export function errorsToFieldIds(errors: Record<string, string>, mapping: Pick<FormInput, 'sharedRows' | 'trajectoryRows'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    const list = parts[0] === 'sharedItems' ? mapping.sharedRows : parts[0] === 'trajectoryItems' ? mapping.trajectoryRows : null;
    if (list && parts[1] !== undefined && /^\d+$/.test(parts[1])) parts[1] = String(list[Number(parts[1])] ?? parts[1]);
    // A year is a hidden field: its problem is shown at the amount beside it.
    if (parts[2] === 'amounts' && parts[4] === 'year') parts[4] = 'amount';
    const key = path === '_form' ? '_form' : fieldId(parts.join('.'));
    out[key] ??= message;
  }
  return out;
}

const nl = (n: number) => String(n);

/** Field name of the amount of year number `j` (of the form's years) of shared item `i`; the year itself is "….year". */
export const amountField = (i: number, j: number) => `sharedItems.${i}.amounts.${j}`;

export function stateToFormValues(state: RegionState): FormValues {
  const v: FormValues = {
    name: state.name,
    startYear: nl(state.startYear),
    endYear: nl(state.endYear),
    members: membersToText(state.members),
  };
  state.sharedItems.forEach((s, i) => {
    v[`sharedItems.${i}.costCategory`] = s.costCategory;
    v[`sharedItems.${i}.description`] = s.description ?? '';
    s.amounts.forEach((a, j) => {
      v[`${amountField(i, j)}.year`] = nl(a.year);
      v[`${amountField(i, j)}.amount`] = nl(a.amount);
    });
    v[`sharedItems.${i}.splitKey`] = s.splitKey;
    v[`sharedItems.${i}.percentages`] = s.percentages ? s.percentages.map((p) => formatBp(Math.round(p * 100))).join('; ') : '';
  });
  state.trajectoryItems.forEach((t, i) => {
    v[`trajectoryItems.${i}.intervention`] = t.intervention;
    v[`trajectoryItems.${i}.costCategory`] = t.costCategory;
    v[`trajectoryItems.${i}.pricePerTrajectory`] = nl(t.pricePerTrajectory);
    v[`trajectoryItems.${i}.basis`] = t.basis;
    v[`trajectoryItems.${i}.trajectories`] = t.trajectories ? trajectoriesToText(state.members.map((m) => m.name), t.trajectories) : '';
    v[`trajectoryItems.${i}.percentage`] = t.percentage === null ? '' : formatBp(Math.round(t.percentage * 100));
  });
  return v;
}

/** How many rows of a list the form shows: every row with a value, plus EXTRA_ROWS empty ones. */
export function rowCount(values: FormValues, list: 'sharedItems' | 'trajectoryItems', max = 100): number {
  let highest = -1;
  const re = new RegExp(`^${list}\\.(\\d+)\\.(?:[\\w.]+\\.)?(\\w+)$`);
  for (const [key, value] of Object.entries(values)) {
    const m = re.exec(key);
    if (m?.[1] && m[2] && !DEFAULTED.has(m[2]) && value.trim() !== '') highest = Math.max(highest, Number(m[1]));
  }
  return Math.min(highest + 1 + EXTRA_ROWS, max);
}

export type EditorState = {
  status: 'editing' | 'saved' | 'invalid' | 'conflict' | 'error';
  values: FormValues;
  errors: Record<string, string>;
  message: string | null;
  version: number;
  /**
   * The years the form has an amount input for: the stored plan's. After a
   * refusal they stay those the user typed in (also when the refused save
   * changed the plan's years), so nothing typed disappears.
   */
  years: number[];
  /** Set when the save or restore was refused because someone else saved first. */
  conflict: Conflict | null;
};

export type HandoffState = {
  status: 'idle' | 'done' | 'refused';
  values: FormValues;
  errors: Record<string, string>;
  message: string | null;
};
