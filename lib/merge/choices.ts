/**
 * A stale save, as the edit forms carry it (funding plans and regional
 * plans). No zod and no server code: the editors import the types.
 *
 * After a stale save the form holds the merge of the user's values with the
 * newer version, is based on that version, and lists what was merged. Where
 * both changed the same field differently, the form keeps the user's value
 * and asks a choice: radio buttons `keuze-<i>` ("mijn" keeps what is in the
 * form, "hun" takes the newer version's value at save time). The notice and
 * its open choices travel with the form as one hidden field (MERGE_FIELD), so
 * they survive a refused save, a row added without JavaScript, and so on,
 * until a save goes through. A save with an open choice is refused.
 */

export type Choice = 'mijn' | 'hun';

export type MergeChoice = {
  /** lib/merge/core.ts keyString(): where the conflict is. */
  key: string;
  /** What the field is, in Dutch ("Titel", "Behoefte interventies 2026"). */
  label: string;
  /** The user's value, as text. */
  mine: string;
  /** The newer version's value, as text. */
  theirs: string;
  chosen: Choice | null;
};

/** A stale save: the version that won and what it changed. */
export type Conflict = {
  version: number;
  /**
   * With `merged`: the newer version's changes that are now in the form
   * ("Automatisch samengevoegd"). Without: what the newer version changed
   * (the form still holds only the user's values, based on the older version).
   */
  changes: string[];
  /** True when the form holds the merge and is based on `version`. */
  merged?: boolean;
  /** Fields both changed differently. */
  choices?: MergeChoice[];
};

export const MERGE_FIELD = 'samenvoegen';
export const choiceName = (index: number) => `keuze-${index}`;

/** The notice as the hidden field's value (choices without what was chosen: the radios say that). */
export function conflictFieldValue(conflict: Conflict): string {
  return JSON.stringify({
    version: conflict.version,
    changes: conflict.changes,
    choices: (conflict.choices ?? []).map(({ key, label, mine, theirs }) => ({ key, label, mine, theirs })),
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The open merge of a posted form, with the choices made; null when there is
 * none, or when it does not belong to the version the form is based on (a
 * stale or tampered field: then nothing is applied).
 */
export function readConflict(form: FormData, formVersion: number): Conflict | null {
  const raw = form.get(MERGE_FIELD);
  if (typeof raw !== 'string' || raw === '' || raw.length > 1_000_000) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.version !== formVersion || !isStringList(data.changes) || !Array.isArray(data.choices)) return null;
  const rawChoices: unknown[] = data.choices;
  const choices: MergeChoice[] = [];
  for (const [i, c] of rawChoices.entries()) {
    if (!isRecord(c)) return null;
    const { key, label, mine, theirs } = c;
    if (typeof key !== 'string' || typeof label !== 'string' || typeof mine !== 'string' || typeof theirs !== 'string') return null;
    const value = form.get(choiceName(i));
    choices.push({ key, label, mine, theirs, chosen: value === 'mijn' || value === 'hun' ? value : null });
  }
  return { version: formVersion, changes: data.changes.slice(0, 100), merged: true, choices };
}

/** A message per open choice, keyed by its fieldset's id (for the error summary). */
export function openChoiceErrors(conflict: Conflict | null): Record<string, string> {
  const errors: Record<string, string> = {};
  (conflict?.choices ?? []).forEach((c, i) => {
    if (c.chosen === null) errors[choiceName(i)] = `Kies bij ‘${c.label}’ welke waarde blijft: die van u of die van versie ${conflict?.version ?? ''}.`;
  });
  return errors;
}

/** The keys where the user chose the newer version's value. */
export function theirChoices(conflict: Conflict | null): string[] {
  return (conflict?.choices ?? []).filter((c) => c.chosen === 'hun').map((c) => c.key);
}
