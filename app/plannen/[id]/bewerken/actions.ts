'use server';

import { logFailure } from '@/lib/http/api';
import { failureMessage, KEPT } from '@/lib/storage-errors';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getPlanContent } from '@/lib/plans/content-server';
import {
  FORM_ERROR,
  emptyLine,
  formYears,
  formDataToValues,
  formErrors,
  lineFieldName,
  planToFormValues,
  valuesToSaveInput,
  type EditorState,
  type EditorStatus,
} from '@/lib/plans/form';
import { authorizePlan, getPlan, getRevision, restoreRevision, rotateSecret, saveAuthorizedPlan, type PlanAuthorization } from '@/lib/plans/repository';
import { fieldErrors, planSchemas } from '@/lib/plans/schema';
import { diffStates } from '@/lib/plans/diff';
import { duplicateLine, fillRight } from '@/lib/plans/grid';
import { regionIntent } from '@/lib/plans/region-link';
import { keyString } from '@/lib/merge/core';
import { openChoiceErrors, readConflict, theirChoices, type Conflict } from '@/lib/merge/choices';
import { describePlanConflict, describePlanMerge, mergePlans, mergedFormValues, resolvePlanChoices, stateFromSave } from '@/lib/plans/merge';
import type { PlanState } from '@/lib/plans/types';
import { planEditPath, planReadPath } from '@/lib/plans/urls';
import { clientKey } from '@/lib/client-address';
import { countWrongSecret, tooManyWrongSecretsMessage } from '@/lib/secret-attempts';
import { UNKNOWN_VERSION, conflictLines, restoreIntentVersion } from '@/lib/revision-history';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const nonce = () => crypto.randomUUID();

/**
 * The one action behind the edit form. The pressed button's `intent` says what
 * to do: "save", "add:<category>", "remove:<row key>", "fill:<row key>" and "dup:<row key>" (the no-JavaScript
 * way to change the rows; with JavaScript the editor does that itself) and
 * "restore:<version>" (buttons in the history, which belong to this form),
 * and "regio-koppelen" / "regio-bijwerken:<id>" / "regio-ontkoppelen:<id>"
 * (the region links section, whose fields and buttons also belong to it).
 *
 * Fixed order for every intent: rate limit and secret (authorise), then
 * safeParse with the shared save schema, then write, then revalidate. A
 * refusal returns the posted values unchanged, so nothing typed is lost.
 *
 * A stale save (someone saved since the form's version) is merged, not
 * refused bare: see mergeWithNewer. An open merge (lib/merge/choices.ts)
 * travels with every result until a save goes through; a save is refused
 * while one of its choices is open.
 */
export async function editPlanAction(previous: EditorState, form: FormData): Promise<EditorState> {
  const id = text(form, 'planId');
  const secret = text(form, 'sleutel');
  const intent = text(form, 'intent') || 'save';
  const values = formDataToValues(form);
  const formVersion = Number(text(form, 'version'));
  // An earlier stale save's merge, still open in the form (with the choices made).
  const pending = Number.isSafeInteger(formVersion) ? readConflict(form, formVersion) : null;
  const state = (status: EditorStatus, patch: Partial<EditorState> = {}): EditorState => ({
    status,
    nonce: nonce(),
    version: Number.isSafeInteger(formVersion) && formVersion > 0 ? formVersion : previous.version,
    values,
    errors: {},
    message: null,
    conflict: pending,
    focus: null,
    ...patch,
  });

  try {
    // 1. Authorise: the secret first (constant time); a correct one is never
    // refused by a limit. A wrong one counts per client and per plan
    // (lib/secret-attempts.ts), and past the limit the answer says so.
    const auth = await authorizePlan(id, secret);
    if (!auth.ok) {
      if (auth.reason === 'not-found') return state('not-found');
      const limit = await countWrongSecret(clientKey(await headers()), { kind: 'plan', id });
      return limit.ok ? state('forbidden') : state('rate-limited', { message: tooManyWrongSecretsMessage(limit.retryAfterSeconds) });
    }
    const plan = auth.plan;
    const content = getPlanContent();

    // Rows added or removed without JavaScript: nothing is stored yet.
    if (intent.startsWith('add:')) {
      const category = intent.slice(4);
      if (!content.kostensoorten.some((k) => k.slug === category)) return state('edited');
      const row = emptyLine(`n${nonce().slice(0, 8)}`, category);
      return state('edited', {
        values: { ...values, lines: [...values.lines, row] },
        focus: lineFieldName(row.key, 'source'),
        message: 'Er is een lege regel toegevoegd. Vergeet niet op te slaan.',
      });
    }
    if (intent.startsWith('remove:')) {
      const rowKey = intent.slice(7);
      const removed = values.lines.find((l) => l.key === rowKey);
      return state('edited', {
        values: { ...values, lines: values.lines.filter((l) => l.key !== rowKey) },
        focus: removed ? `toevoegen-${removed.costCategory}` : null,
        message: removed ? 'De regel is uit het formulier gehaald. Sla op om dat te bewaren.' : null,
      });
    }

    // Fill right and duplicate without JavaScript (with it, the editor does the same in the browser).
    if (intent.startsWith('fill:') || intent.startsWith('dup:')) {
      const rowKey = intent.slice(intent.indexOf(':') + 1);
      const index = values.lines.findIndex((l) => l.key === rowKey);
      const row = values.lines[index];
      if (!row) return state('edited');
      if (intent.startsWith('fill:')) {
        const filled = fillRight(row, formYears(values, plan));
        return state('edited', {
          values: { ...values, lines: values.lines.map((l) => (l.key === rowKey ? filled : l)) },
          focus: lineFieldName(rowKey, 'source'),
          message: 'Het eerste bedrag van de regel staat nu in elk jaar. Vergeet niet op te slaan.',
        });
      }
      const copy = duplicateLine(row, `n${nonce().slice(0, 8)}`);
      return state('edited', {
        values: { ...values, lines: [...values.lines.slice(0, index + 1), copy, ...values.lines.slice(index + 1)] },
        focus: lineFieldName(copy.key, 'source'),
        message: 'De regel is gedupliceerd. Vergeet niet op te slaan.',
      });
    }

    // Region links (buttons and fields of the "Regionale plannen" section, form={FORM_ID}): lib/plans/region-link.ts.
    // What is typed in the form is saved first (a region button belongs to the same form, and reloading
    // the stored plan after the link would otherwise drop it); a stale form is merged as a stale save is.
    if (intent.startsWith('regio-')) {
      const mine = parseMine(plan, values, formVersion);
      if (!mine.ok) {
        return state('invalid', { errors: { [FORM_ERROR]: 'De regionale koppeling is niet gewijzigd: verbeter eerst het formulier.', ...mine.errors } });
      }
      if (plan.version !== mine.version) {
        return await mergeWithNewer(id, mine.version, await applyChoices(id, mine.version, mine.state, pending), state);
      }
      // An open merge from an earlier stale save: its choices first, as for a save.
      const open = openChoiceErrors(pending);
      if (Object.keys(open).length > 0) return state('invalid', { errors: open });
      const resolved = await applyChoices(id, mine.version, mine.state, pending);
      let auth = plan;
      const stored = await getPlan(id);
      if (stored && diffStates(stored, { ...resolved, regionShares: stored.regionShares ?? [] }).length > 0) {
        const mapping = resolved === mine.state ? mine.mapping : valuesToSaveInput(mergedFormValues(resolved));
        const saved = await saveAuthorizedPlan(plan, mine.version, mapping.input);
        if (!saved.ok) {
          if (saved.reason === 'conflict') return await mergeWithNewer(id, mine.version, resolved, state);
          if (saved.reason === 'invalid') return state('invalid', { errors: formErrors(saved.errors, mapping, values) });
          return state(saved.reason);
        }
        const again = await authorizePlan(id, secret);
        if (!again.ok) return state(again.reason === 'forbidden' ? 'forbidden' : 'not-found');
        auth = again.plan;
      }
      const result = await regionIntent(auth, auth.version, intent, { link: text(form, 'regioLink'), member: text(form, 'regioLid') });
      if (result.ok) return await afterWrite(id, result.message, 'saved');
      if (result.reason === 'conflict') return await mergeWithNewer(id, auth.version, resolved, state);
      if (result.reason === 'refused') {
        if (auth === plan) return state('error', { message: result.message });
        // The form was saved, the region change was not: the page moves to the saved version and says both.
        const after = await afterWrite(id, '', 'saved');
        return { ...after, status: 'error', message: `Uw wijzigingen zijn opgeslagen als versie ${auth.version}, maar: ${result.message}` };
      }
      return state(result.reason);
    }

    if (intent.startsWith('restore:')) {
      const revision = restoreIntentVersion(intent);
      if (revision === null) return state('error', { message: UNKNOWN_VERSION });
      const result = await restoreRevision(id, secret, formVersion, revision);
      if (result.ok) return await afterWrite(id, `Versie ${revision} is teruggezet als nieuwe versie ${result.version}. De versie daarvoor staat in de geschiedenis.`, 'restored');
      if (result.reason === 'conflict') {
        // Not restored: merge what the form holds with the newer version instead, as a stale save would.
        const mine = parseMine(plan, values, formVersion);
        if (!mine.ok) {
          return state('invalid', {
            errors: { [FORM_ERROR]: `Versie ${revision} is niet teruggezet: iemand anders heeft het plan intussen opgeslagen (versie ${result.currentVersion}). Verbeter eerst het formulier en sla op; dan ziet u wat er samengaat.`, ...mine.errors },
          });
        }
        return await mergeWithNewer(id, formVersion, await applyChoices(id, formVersion, mine.state, pending), state);
      }
      if (result.reason === 'invalid') {
        return state('error', {
          message: `Versie ${revision} kan niet worden teruggezet: ${Object.values(result.errors)[0] ?? 'ze past niet meer bij de catalogus'}`,
        });
      }
      if (result.reason === 'revision-not-found') return state('error', { message: `Versie ${revision} bestaat niet.` });
      return state(result.reason === 'forbidden' ? 'forbidden' : 'not-found');
    }

    // 2. Validate with the same schema as the JSON API (plus the form's version field); every merge choice made.
    const mine = parseMine(plan, values, text(form, 'version'));
    const open = openChoiceErrors(pending);
    if (!mine.ok || Object.keys(open).length > 0) return state('invalid', { errors: { ...open, ...(mine.ok ? {} : mine.errors) } });
    const { version } = mine;
    // "Their value" chosen at a merge: taken from the version the form is based on.
    const resolved = await applyChoices(id, version, mine.state, pending);
    const mapping = resolved === mine.state ? mine.mapping : valuesToSaveInput(mergedFormValues(resolved));

    // 3. Write, only if nobody saved since this form was loaded.
    const result = await saveAuthorizedPlan(plan, version, mapping.input);
    if (result.ok) return await afterWrite(id, `Opgeslagen als versie ${result.version}.`, 'saved');
    switch (result.reason) {
      case 'conflict':
        return await mergeWithNewer(id, version, resolved, state);
      case 'invalid':
        return state('invalid', { errors: formErrors(result.errors, mapping, values) });
      case 'forbidden':
        return state('forbidden');
      case 'not-found':
        return state('not-found');
    }
  } catch (error) {
    // Only the message: form data and the secret never reach the log.
    logFailure('plannen/bewerken opslaan', error);
    return state('error', { message: failureMessage(error, 'Er ging iets mis bij het opslaan. Uw invoer staat hieronder nog; probeer het opnieuw.', KEPT) });
  }
}

/** 4. Revalidate, and answer with the stored plan (new line ids, normalised amounts). */
async function afterWrite(id: string, message: string, status: 'saved' | 'restored'): Promise<EditorState> {
  revalidatePath(planReadPath(id), 'layout');
  const plan = await getPlan(id);
  if (!plan) return { status: 'not-found', nonce: nonce(), version: 0, values: emptyValues(), errors: {}, message: null, conflict: null, focus: null };
  return { status, nonce: nonce(), version: plan.version, values: planToFormValues(plan), errors: {}, message, conflict: null, focus: null };
}

type Mine =
  | { ok: true; version: number; state: PlanState; mapping: ReturnType<typeof valuesToSaveInput> }
  | { ok: false; errors: Record<string, string> };

/** The posted form, parsed with the save schema, as a plan state (new lines keep their row keys, see lib/plans/merge.ts). */
function parseMine(plan: PlanAuthorization, values: EditorState['values'], version: string | number): Mine {
  const mapping = valuesToSaveInput(values);
  const parsed = planSchemas(getPlanContent()).savePlanSchema(plan).safeParse({ ...mapping.input, version: String(version) });
  if (!parsed.success) return { ok: false, errors: formErrors(fieldErrors(parsed.error), mapping, values) };
  // A bad `version` field has no input of its own: formErrors puts it on the form.
  if (parsed.data.version === undefined) return { ok: false, errors: { [FORM_ERROR]: 'Ongeldige versie van het plan; laad de pagina opnieuw.' } };
  return { ok: true, version: parsed.data.version, state: stateFromSave(parsed.data, plan, mapping.lineKeys), mapping };
}

/** The form's state with "their value" taken wherever the user chose so (from the version the merge was made against). */
async function applyChoices(id: string, version: number, mine: PlanState, pending: Conflict | null): Promise<PlanState> {
  const keys = theirChoices(pending);
  if (keys.length === 0) return mine;
  const theirs = await getRevision(id, version);
  if (!theirs) throw new Error(`Versie ${version} van het plan is niet te lezen`);
  return resolvePlanChoices(mine, theirs.state, keys);
}

/**
 * A stale save: nothing is written. The form's values are merged per field
 * with the stored plan, against the version the form was based on
 * (lib/plans/merge.ts). The form then shows the merge and is based on the
 * stored version: what the other changed is listed ("Automatisch
 * samengevoegd"); where both changed the same field differently the form
 * keeps the user's value and asks a choice, without which it cannot be saved.
 * So saving again never drops the other's changes unseen.
 */
async function mergeWithNewer(
  id: string,
  from: number,
  mine: PlanState,
  state: (status: EditorStatus, patch?: Partial<EditorState>) => EditorState,
): Promise<EditorState> {
  // The page around the form (version, history) shows the newer version.
  revalidatePath(planReadPath(id), 'layout');
  const [base, current] = await Promise.all([getRevision(id, from), getPlan(id)]);
  if (!current) return state('not-found', { conflict: null });
  const content = getPlanContent();
  const merge = mergePlans(base?.state ?? null, mine, current);
  const states = { base: base?.state ?? null, mine, theirs: current };
  const conflict: Conflict = {
    version: current.version,
    merged: true,
    changes: conflictLines(describePlanMerge(base?.state ?? null, merge, content)),
    choices: merge.conflicts.map((key) => ({ key: keyString(key), ...describePlanConflict(key, states, content), chosen: null })),
  };
  return state('conflict', { version: current.version, values: mergedFormValues(merge.merged), errors: {}, conflict });
}

function emptyValues(): EditorState['values'] {
  return { municipality: '', title: '', startYear: '', endYear: '', contactNote: '', needs: {}, lines: [] };
}

/**
 * Replaces the edit link. The new link is shown on the page it redirects to
 * (the edit page itself, whose address IS the new link), so the secret is
 * never in any other URL. The old link stops working at once.
 */
export async function rotateSecretAction(form: FormData): Promise<void> {
  const id = text(form, 'planId');
  const secret = text(form, 'sleutel');
  const result = await rotateSecret(id, secret);
  if (!result.ok) {
    if (result.reason === 'not-found') notFound();
    // Counted like any wrong secret (lib/secret-attempts.ts); the answer is a 403 page either way.
    await countWrongSecret(clientKey(await headers()), { kind: 'plan', id });
    forbidden();
  }
  revalidatePath(planReadPath(id), 'layout');
  redirect(`${planEditPath(id, result.editSecret)}&melding=nieuwe-link`);
}
