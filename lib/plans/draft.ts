import type { LineFormValues, PlanFormValues } from './form';

/**
 * A draft of the edit form kept in the browser (localStorage), so a crash or
 * a closed tab loses nothing. Per plan AND version: a draft of version 3 is
 * never offered on version 4, where it would silently undo someone's save.
 * It holds form values only, never the edit secret (that is a separate
 * hidden field, not part of PlanFormValues). No zod: this runs in the
 * browser bundle; what is read back is checked field by field.
 */

const PREFIX = 'wegwijzer:concept:plan:';

export const draftKey = (planId: string, version: number) => `${PREFIX}${planId}:v${version}`;
export const draftPrefix = (planId: string) => `${PREFIX}${planId}:`;

export type Draft = { savedAt: number; values: PlanFormValues };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function readLine(v: unknown): LineFormValues | null {
  if (!isRecord(v) || !isStringRecord(v.amounts)) return null;
  const [key, id, costCategory, source, customSourceName, looptijd, status, rejectionReason, note] = [
    v.key,
    v.id,
    v.costCategory,
    v.source,
    v.customSourceName,
    v.looptijd,
    v.status,
    v.rejectionReason,
    v.note,
  ].map(str);
  if (key == null || id == null || costCategory == null || source == null || customSourceName == null) return null;
  if (looptijd == null || status == null || rejectionReason == null || note == null) return null;
  return { key, id, costCategory, source, customSourceName, looptijd, status, rejectionReason, note, amounts: { ...v.amounts } };
}

/** The stored draft, or null when there is none or it is not one this version of the app wrote. */
export function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || typeof data.savedAt !== 'number' || !isRecord(data.values)) return null;
  const v = data.values;
  if (!isStringRecord(v.needs) || !Array.isArray(v.lines)) return null;
  const [municipality, title, startYear, endYear, contactNote] = [v.municipality, v.title, v.startYear, v.endYear, v.contactNote].map(str);
  if (municipality == null || title == null || startYear == null || endYear == null || contactNote == null) return null;
  const lines: LineFormValues[] = [];
  for (const raw of v.lines) {
    const line = readLine(raw);
    if (!line) return null;
    lines.push(line);
  }
  return { savedAt: data.savedAt, values: { municipality, title, startYear, endYear, contactNote, needs: { ...v.needs }, lines } };
}

/** Whether two sets of form values say the same (a draft equal to what was loaded is not worth offering). */
export function sameValues(a: PlanFormValues, b: PlanFormValues): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
