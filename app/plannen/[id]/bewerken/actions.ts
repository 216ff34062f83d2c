'use server';

import { logFailure } from '@/lib/plans/http';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getPlanContent } from '@/lib/plans/content-server';
import { describeChange } from '@/lib/plans/diff';
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
import { authorizePlan, compareVersions, getPlan, restoreRevision, rotateSecret, saveAuthorizedPlan } from '@/lib/plans/repository';
import { fieldErrors, planSchemas } from '@/lib/plans/schema';
import { duplicateLine, fillRight } from '@/lib/plans/grid';
import { regionIntent } from '@/lib/plans/region-link';
import { planEditPath, planReadPath } from '@/lib/plans/urls';
import { clientKey, secretFailureLimiter } from '@/lib/rate-limit';
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
 */
export async function editPlanAction(previous: EditorState, form: FormData): Promise<EditorState> {
  const id = text(form, 'planId');
  const secret = text(form, 'sleutel');
  const intent = text(form, 'intent') || 'save';
  const values = formDataToValues(form);
  const formVersion = Number(text(form, 'version'));
  const state = (status: EditorStatus, patch: Partial<EditorState> = {}): EditorState => ({
    status,
    nonce: nonce(),
    version: Number.isSafeInteger(formVersion) && formVersion > 0 ? formVersion : previous.version,
    values,
    errors: {},
    message: null,
    conflict: null,
    focus: null,
    ...patch,
  });

  try {
    // 1. Authorise: refuse clients that guessed too often, then check the secret (constant time).
    const key = clientKey(await headers());
    const limit = secretFailureLimiter.check(key);
    if (!limit.ok) {
      const minutes = Math.ceil(limit.retryAfterSeconds / 60);
      return state('rate-limited', {
        message: `Er is te vaak een verkeerde bewerkingslink gebruikt. Er is niets opgeslagen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
      });
    }
    const auth = await authorizePlan(id, secret);
    if (!auth.ok) {
      if (auth.reason === 'forbidden') await secretFailureLimiter.hit(key);
      return state(auth.reason === 'forbidden' ? 'forbidden' : 'not-found');
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
    if (intent.startsWith('regio-')) {
      const result = await regionIntent(plan, formVersion, intent, { link: text(form, 'regioLink'), member: text(form, 'regioLid') });
      if (result.ok) return await afterWrite(id, result.message, 'saved');
      if (result.reason === 'conflict') return await conflict(id, formVersion, result.currentVersion, state);
      if (result.reason === 'refused') return state('error', { message: result.message });
      return state(result.reason);
    }

    if (intent.startsWith('restore:')) {
      const revision = restoreIntentVersion(intent);
      if (revision === null) return state('error', { message: UNKNOWN_VERSION });
      const result = await restoreRevision(id, secret, formVersion, revision);
      if (result.ok) return await afterWrite(id, `Versie ${revision} is teruggezet als nieuwe versie ${result.version}. De versie daarvoor staat in de geschiedenis.`, 'restored');
      if (result.reason === 'conflict') return await conflict(id, formVersion, result.currentVersion, state);
      if (result.reason === 'invalid') {
        return state('error', {
          message: `Versie ${revision} kan niet worden teruggezet: ${Object.values(result.errors)[0] ?? 'ze past niet meer bij de catalogus'}`,
        });
      }
      if (result.reason === 'revision-not-found') return state('error', { message: `Versie ${revision} bestaat niet.` });
      return state(result.reason === 'forbidden' ? 'forbidden' : 'not-found');
    }

    // 2. Validate with the same schema as the JSON API (plus the form's version field).
    const mapping = valuesToSaveInput(values);
    const { input } = mapping;
    const parsed = planSchemas(content).savePlanSchema(plan).safeParse({ ...input, version: text(form, 'version') });
    if (!parsed.success) {
      // A bad `version` field has no input of its own: formErrors puts it on the form.
      return state('invalid', { errors: formErrors(fieldErrors(parsed.error), mapping, values) });
    }
    const version = parsed.data.version;
    if (version === undefined) return state('invalid', { errors: { [FORM_ERROR]: 'Ongeldige versie van het plan; laad de pagina opnieuw.' } });

    // 3. Write, only if nobody saved since this form was loaded.
    const result = await saveAuthorizedPlan(plan, version, input);
    if (result.ok) return await afterWrite(id, `Opgeslagen als versie ${result.version}.`, 'saved');
    switch (result.reason) {
      case 'conflict':
        return await conflict(id, version, result.currentVersion, state);
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
    return state('error', { message: 'Er ging iets mis bij het opslaan. Uw invoer staat hieronder nog; probeer het opnieuw.' });
  }
}

/** 4. Revalidate, and answer with the stored plan (new line ids, normalised amounts). */
async function afterWrite(id: string, message: string, status: 'saved' | 'restored'): Promise<EditorState> {
  revalidatePath(planReadPath(id), 'layout');
  const plan = await getPlan(id);
  if (!plan) return { status: 'not-found', nonce: nonce(), version: 0, values: emptyValues(), errors: {}, message: null, conflict: null, focus: null };
  return { status, nonce: nonce(), version: plan.version, values: planToFormValues(plan), errors: {}, message, conflict: null, focus: null };
}

/**
 * A stale save: keep the user's values, say what the newer version changed,
 * and base the form on that version, so saving again is a deliberate choice
 * to replace it (after taking over what should stay).
 */
async function conflict(
  id: string,
  from: number,
  current: number,
  state: (status: EditorStatus, patch?: Partial<EditorState>) => EditorState,
): Promise<EditorState> {
  // The page around the form (version, history) shows the newer version; the form keeps the user's values.
  revalidatePath(planReadPath(id), 'layout');
  const changes = (await compareVersions(id, from, current)) ?? [];
  const content = getPlanContent();
  return state('conflict', { version: current, conflict: { version: current, changes: conflictLines(changes.map((c) => describeChange(c, content))) } });
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
  const key = clientKey(await headers());
  if (!secretFailureLimiter.check(key).ok) forbidden();
  const result = await rotateSecret(id, secret);
  if (!result.ok) {
    if (result.reason === 'not-found') notFound();
    await secretFailureLimiter.hit(key);
    forbidden();
  }
  revalidatePath(planReadPath(id), 'layout');
  redirect(`${planEditPath(id, result.editSecret)}&melding=nieuwe-link`);
}
