'use server';

import { logFailure } from '@/lib/http/api';
import { failureMessage, KEPT } from '@/lib/storage-errors';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { LOOPTIJDEN } from '@/lib/plans/schema';
import { planReadPath } from '@/lib/plans/urls';
import { clientKey } from '@/lib/client-address';
import { countWrongSecret, tooManyWrongSecretsMessage, type DocumentRef } from '@/lib/secret-attempts';
import { UNKNOWN_VERSION, conflictLines, restoreIntentVersion } from '@/lib/revision-history';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { keyString } from '@/lib/merge/core';
import { openChoiceErrors, readConflict, theirChoices, type Conflict } from '@/lib/merge/choices';
import { describeRegionConflict, describeRegionMerge, mergeRegions, resolveRegionChoices } from '@/lib/regions/merge';
import { errorsToFieldIds, fieldId, formToInput, formValues, stateToFormValues, type EditorState, type HandoffState } from '@/lib/regions/form';
import { HANDOFF_MESSAGES, handOff, wrongSecretDocument } from '@/lib/regions/handoff';
import { authorizeRegion, getRegion, getRegionRevision, restoreAuthorizedRegion, rotateRegionSecret, saveAuthorizedRegion } from '@/lib/regions/repository';
import { fieldErrors, regionSchemas, type RegionState } from '@/lib/regions/schema';
import { regionEditPath, regionReadPath } from '@/lib/regions/urls';
import { yearsOf } from '@/lib/regions/years';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * After a wrong secret (the secret is always checked first; a correct one is
 * never refused by a limit): counts it per client and per document
 * (lib/secret-attempts.ts) and gives the message to show.
 */
async function wrongSecret(doc: DocumentRef, otherwise: string): Promise<string> {
  const limit = await countWrongSecret(clientKey(await headers()), doc);
  return limit.ok ? otherwise : tooManyWrongSecretsMessage(limit.retryAfterSeconds);
}

const NO_ACCESS = 'Met deze bewerkingslink kunt u dit regionale plan niet (meer) wijzigen. Er is niets opgeslagen.';

/**
 * The one action behind the edit form. The pressed button's `intent` says
 * what to do: "save" (the save button) or "restore:<version>" (the buttons in
 * the history, which belong to this form). Order for both: authorise (rate
 * limit, secret), then safeParse with the API's schema, then write
 * (version-checked), then revalidate. A refusal returns every posted value,
 * so nothing typed is lost. A stale save or restore is merged with the newer
 * version (see mergeWithNewer); the merge, with its open choices, travels
 * with every result until a save goes through, and a save is refused while
 * one of its choices is open.
 */
export async function saveRegionAction(previous: EditorState, form: FormData): Promise<EditorState> {
  const id = text(form, 'regionId');
  const secret = text(form, 'sleutel');
  const intent = text(form, 'intent') || 'save';
  const formVersion = Number(text(form, 'version'));
  const values = formValues(form);
  const version = Number.isSafeInteger(formVersion) && formVersion > 0 ? formVersion : previous.version;
  // An earlier stale save's merge, still open in the form (with the choices made).
  const pending = readConflict(form, version);
  const refuse = (status: EditorState['status'], message: string | null, errors: Record<string, string> = {}): EditorState => ({
    status,
    values,
    errors,
    message,
    version,
    years: previous.years,
    conflict: pending,
  });
  try {
    const auth = await authorizeRegion(id, secret);
    if (!auth.ok) return refuse('error', auth.reason === 'forbidden' ? await wrongSecret({ kind: 'regio', id }, NO_ACCESS) : NO_ACCESS);

    if (intent.startsWith('restore:')) {
      const revision = restoreIntentVersion(intent);
      if (revision === null) return refuse('error', UNKNOWN_VERSION);
      const restored = await restoreAuthorizedRegion(auth.region, version, revision);
      if (restored.ok) return await afterWrite(id, `Versie ${revision} is teruggezet als nieuwe versie ${restored.version}. De versie daarvoor staat in de geschiedenis.`);
      switch (restored.reason) {
        case 'conflict': {
          // Not restored: merge what the form holds with the newer version instead, as a stale save would.
          const mine = parseMine(form);
          if (!mine.ok) {
            return refuse('invalid', null, {
              _form: `Versie ${revision} is niet teruggezet: iemand anders heeft het regionale plan intussen opgeslagen (versie ${restored.currentVersion}). Verbeter eerst het formulier en sla op; dan ziet u wat er samengaat.`,
              ...mine.errors,
            });
          }
          return await mergeWithNewer(id, version, await applyChoices(id, version, mine.state, pending));
        }
        case 'revision-not-found':
          return refuse('error', `Versie ${revision} bestaat niet.`);
        case 'invalid':
          return refuse('error', `Versie ${revision} kan niet worden teruggezet: ${Object.values(restored.errors)[0] ?? 'ze past niet meer bij de catalogus'}`);
        default:
          return refuse('error', NO_ACCESS);
      }
    }

    const mine = parseMine(form);
    const open = openChoiceErrors(pending);
    if (!mine.ok || Object.keys(open).length > 0) return refuse('invalid', null, { ...open, ...(mine.ok ? {} : mine.errors) });
    // "Their value" chosen at a merge: taken from the version the form is based on.
    const resolved = await applyChoices(id, version, mine.state, pending);
    const saved = await saveAuthorizedRegion(auth.region, version, resolved);
    if (!saved.ok) {
      if (saved.reason === 'conflict') return await mergeWithNewer(id, version, resolved);
      if (saved.reason === 'invalid') return refuse('invalid', null, errorsToFieldIds(saved.errors, mine.mapping));
      return refuse('error', NO_ACCESS);
    }
    const added = yearsOf(resolved.startYear, resolved.endYear).filter((y) => !previous.years.includes(y));
    const note =
      added.length > 0 && resolved.sharedItems.length > 0
        ? ` De gedeelde kosten hebben voor ${added.join(', ')} nog € 0; vul daar de bedragen in als dat nodig is.`
        : '';
    return await afterWrite(id, `Opgeslagen als versie ${saved.version}.${note}`);
  } catch (error) {
    logFailure('regio/bewerken opslaan', error);
    return refuse('error', failureMessage(error, 'Er ging iets mis bij het opslaan. Probeer het opnieuw.', KEPT));
  }
}

/** Revalidate the read and edit pages (version, history), and answer with the stored plan. */
async function afterWrite(id: string, message: string): Promise<EditorState> {
  revalidatePath(regionReadPath(id), 'layout');
  const region = await getRegion(id);
  if (!region) notFound();
  return {
    status: 'saved',
    values: stateToFormValues(region),
    errors: {},
    message,
    version: region.version,
    years: yearsOf(region.startYear, region.endYear),
    conflict: null,
  };
}

type Mine = { ok: true; state: RegionState; mapping: ReturnType<typeof formToInput> } | { ok: false; errors: Record<string, string> };

/** The posted form, parsed with the API's schema. */
function parseMine(form: FormData): Mine {
  const mapping = formToInput(form.entries());
  const parsed = regionSchemas(getRegionContent()).regionSchema.safeParse(mapping.input);
  return parsed.success ? { ok: true, state: parsed.data, mapping } : { ok: false, errors: errorsToFieldIds(fieldErrors(parsed.error), mapping) };
}

/** The form's state with "their value" taken wherever the user chose so (from the version the merge was made against). */
async function applyChoices(id: string, version: number, mine: RegionState, pending: Conflict | null): Promise<RegionState> {
  const keys = theirChoices(pending);
  if (keys.length === 0) return mine;
  const theirs = await getRegionRevision(id, version);
  if (!theirs) throw new Error(`Versie ${version} van het regionale plan is niet te lezen`);
  return resolveRegionChoices(mine, theirs.state, keys);
}

/**
 * A stale save or restore: nothing written. The form's values are merged per
 * field with the stored plan, against the version the form was based on
 * (lib/regions/merge.ts); the form then shows the merge, is based on the
 * stored version, lists what was merged, and asks a choice wherever both
 * changed the same field differently.
 */
async function mergeWithNewer(id: string, from: number, mine: RegionState): Promise<EditorState> {
  // The page around the form (version, history) shows the newer version.
  revalidatePath(regionReadPath(id), 'layout');
  const [base, current] = await Promise.all([getRegionRevision(id, from), getRegion(id)]);
  if (!current) notFound();
  const names = regionNames(getRegionContent());
  const merge = mergeRegions(base?.state ?? null, mine, current);
  const states = { base: base?.state ?? null, mine, theirs: current };
  return {
    status: 'conflict',
    values: stateToFormValues(merge.merged),
    errors: {},
    message: null,
    version: current.version,
    years: merge.years,
    conflict: {
      version: current.version,
      merged: true,
      changes: conflictLines(describeRegionMerge(base?.state ?? null, merge, names)),
      choices: merge.conflicts.map((key) => ({ key: keyString(key), ...describeRegionConflict(key, states, names), chosen: null })),
    },
  };
}

/**
 * Hands a member's share to its municipal plan (lib/regions/handoff.ts). Both
 * secrets are checked there first; a wrong one counts per client and per
 * document (lib/secret-attempts.ts).
 */
export async function handoffAction(_previous: HandoffState, form: FormData): Promise<HandoffState> {
  const values = { member: text(form, 'member'), planLink: text(form, 'planLink'), looptijd: text(form, 'looptijd') };
  try {
    const regionId = text(form, 'regionId');
    const result = await handOff({
      regionId,
      regionSecret: text(form, 'sleutel'),
      member: values.member,
      planLink: values.planLink,
      looptijd: LOOPTIJDEN.find((l) => l === values.looptijd) ?? values.looptijd,
    });
    if (result.ok) {
      revalidatePath(regionReadPath(text(form, 'regionId')));
      const skipped = result.skippedYears.length > 0 ? ` De jaren ${result.skippedYears.join(', ')} vallen buiten de looptijd van het financieringsplan en zijn niet overgenomen.` : '';
      return {
        status: 'done',
        values: { ...values, planLink: '', planReadPath: planReadPath(result.planId) },
        errors: {},
        message:
          result.lineCount === 0
            ? `${result.memberName} heeft geen aandeel meer in de jaren van het financieringsplan; de ${result.removedLines} ${result.removedLines === 1 ? 'regel' : 'regels'} van een eerdere overdracht ${result.removedLines === 1 ? 'is' : 'zijn'} uit het plan gehaald (versie ${result.planVersion}).${skipped}`
            : `Het aandeel van ${result.memberName} staat nu als ${result.lineCount} ${result.lineCount === 1 ? 'regel' : 'regels'} in het financieringsplan (versie ${result.planVersion}).${skipped}`,
      };
    }
    const wrong = wrongSecretDocument({ regionId, planLink: values.planLink }, result);
    if (wrong) {
      const limit = await countWrongSecret(clientKey(await headers()), wrong);
      if (!limit.ok) return { status: 'refused', values, errors: {}, message: tooManyWrongSecretsMessage(limit.retryAfterSeconds) };
    }
    const errors =
      result.reason === 'invalid'
        ? Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [fieldId(`handoff.${k}`), v]))
        : {};
    const message = result.reason === 'plan-invalid' ? `${HANDOFF_MESSAGES['plan-invalid']} ${result.message}` : HANDOFF_MESSAGES[result.reason];
    return { status: 'refused', values, errors, message };
  } catch (error) {
    logFailure('regio/overdragen', error);
    return { status: 'refused', values, errors: {}, message: failureMessage(error, 'Er ging iets mis bij het overnemen. Probeer het opnieuw.') };
  }
}


/**
 * Replaces the edit link (as for funding plans): the old one stops working,
 * the new one is the address we redirect to, shown once with a notice.
 */
export async function rotateRegionSecretAction(form: FormData): Promise<void> {
  const id = text(form, 'regionId');
  const result = await rotateRegionSecret(id, text(form, 'sleutel'));
  if (!result.ok) {
    if (result.reason === 'not-found') notFound();
    // Counted like any wrong secret (lib/secret-attempts.ts); the answer is a 403 page either way.
    await countWrongSecret(clientKey(await headers()), { kind: 'regio', id });
    forbidden();
  }
  redirect(`${regionEditPath(id, result.editSecret)}&melding=nieuwe-link`);
}
