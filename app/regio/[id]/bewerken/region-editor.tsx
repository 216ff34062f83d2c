'use client';

import { BodyLimitMessage, useBodyLimit } from '@/components/body-limit';
import { useActionState, useEffect, useRef } from 'react';
import { ConflictNotice } from '@/components/conflict-notice';
import { useUnsavedChanges } from '@/components/use-unsaved-changes';
import { ErrorSummary, FieldError, SelectField, TextField, controlClass, describedBy } from '@/components/form-fields';
import { REGION_FORM_ID, amountField, fieldId, rowCount, type EditorState, type HandoffState } from '@/lib/regions/form';
import { MembersField } from '../../nieuw/create-form';
import { handoffAction, saveRegionAction } from './actions';

type Option = { value: string; label: string };

type Props = {
  regionId: string;
  secret: string;
  readPath: string;
  initial: EditorState;
  categories: Option[];
  interventions: Option[];
  splitKeys: Option[];
  bases: Option[];
};

/**
 * The edit form of a regional plan: one form posting to a Server Action, so
 * it works without JavaScript. Item lists always end in two empty rows; a
 * filled one becomes an item on save (and two new empty rows appear).
 */
export function RegionEditor({ regionId, secret, readPath, initial, categories, interventions, splitKeys, bases }: Props) {
  const [state, formAction, pending] = useActionState(saveRegionAction, initial);
  const bodyLimit = useBodyLimit(state);
  // Warn when leaving with edits; the stored plan is "unchanged" again after each save.
  useUnsavedChanges(REGION_FORM_ID, state.status === 'editing' || state.status === 'saved' ? `${state.status}-${state.version}` : null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    (document.getElementById('foutmeldingen') ?? document.getElementById('regio-melding'))?.focus();
  }, [state]);

  const { values, errors } = state;
  const v = (name: string) => values[name] ?? '';
  const e = (name: string) => errors[fieldId(name)];
  const sharedRows = rowCount(values, 'sharedItems');
  const yearsHint = state.years.join('; ');
  const exampleCounts = state.years.map((_, j) => 12 + j).join('; ');
  const trajectoryRows = rowCount(values, 'trajectoryItems');

  return (
    // key: a saved or refused state re-renders the uncontrolled fields with its values.
    <form id={REGION_FORM_ID} key={`${state.status}-${state.version}-${JSON.stringify(errors).length}`} action={formAction} noValidate onSubmit={bodyLimit.onSubmit}>
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="sleutel" value={secret} />
      <input type="hidden" name="version" value={state.version} />
      <BodyLimitMessage message={bodyLimit.message} />
      <ErrorSummary errors={errors} />
      {/* A stale save's merge stays in the form (with its choices) until a save goes through. */}
      {state.conflict && (
        <ConflictNotice id={state.status === 'conflict' ? 'regio-melding' : 'regio-samenvoegen'} conflict={state.conflict} readPath={readPath} noun="dit regionale plan" errors={errors} />
      )}
      {state.message && (
        <p
          id="regio-melding"
          role={state.status === 'saved' ? 'status' : 'alert'}
          tabIndex={-1}
          className={`mb-6 border-l-4 px-3 py-2 font-medium ${state.status === 'saved' ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'}`}
        >
          {state.message}
        </p>
      )}

      <div className="grid max-w-2xl gap-5">
        <TextField id={fieldId('name')} name="name" label="Naam van de regio of het plan" defaultValue={v('name')} error={e('name')} maxLength={120} />
        <fieldset aria-describedby="regio-looptijd-hint">
          <legend className="font-medium">Looptijd</legend>
          <p id="regio-looptijd-hint" className="text-sm text-muted">
            Andere jaren? Sla op; daarna heeft het formulier een bedrag per jaar van de nieuwe looptijd. Bedragen voor jaren die dan wegvallen,
            moeten leeg of 0 zijn.
          </p>
          <div className="mt-1 flex flex-wrap gap-4">
            <TextField id={fieldId('startYear')} name="startYear" label="Eerste jaar" defaultValue={v('startYear')} error={e('startYear')} inputMode="numeric" inputClassName="w-28" maxLength={4} />
            <TextField id={fieldId('endYear')} name="endYear" label="Laatste jaar" defaultValue={v('endYear')} error={e('endYear')} inputMode="numeric" inputClassName="w-28" maxLength={4} />
          </div>
        </fieldset>
        <MembersField id={fieldId('members')} value={v('members')} error={e('members')} />
      </div>

      <h2 className="mt-10 text-2xl font-bold text-brand-800">Gedeelde kosten</h2>
      <p className="mt-1 max-w-3xl">
        Kosten die de regio samen draagt, zoals training van professionals en licenties. Vul per jaar het bedrag in (leeg is € 0), bijvoorbeeld
        een eenmalige training alleen in het eerste jaar. Elk bedrag wordt in hele euro’s over de gemeenten verdeeld; de delen tellen in elk
        jaar precies op tot het bedrag.
      </p>
      {Array.from({ length: sharedRows }, (_, i) => {
        const p = `sharedItems.${i}`;
        return (
          <fieldset key={p} className="mt-4 rounded border border-gray-300 p-4">
            <legend className="px-1 font-semibold">Gedeelde kostenpost {i + 1}</legend>
            <div className="grid gap-4 md:grid-cols-2">
              <TextField id={fieldId(`${p}.description`)} name={`${p}.description`} label="Omschrijving" hint="Bijvoorbeeld: training professionals" defaultValue={v(`${p}.description`)} error={e(`${p}.description`)} maxLength={200} />
              <SelectField id={fieldId(`${p}.costCategory`)} name={`${p}.costCategory`} label="Kostensoort" options={categories} defaultValue={v(`${p}.costCategory`) || categories[0]?.value} error={e(`${p}.costCategory`)} />
              <SelectField id={fieldId(`${p}.splitKey`)} name={`${p}.splitKey`} label="Verdeelsleutel" options={splitKeys} defaultValue={v(`${p}.splitKey`) || splitKeys[0]?.value} error={e(`${p}.splitKey`)} />
              <TextField
                id={fieldId(`${p}.percentages`)}
                name={`${p}.percentages`}
                label="Vaste percentages (alleen bij die verdeelsleutel)"
                hint="Eén percentage per gemeente, in de volgorde van de lijst, gescheiden door puntkomma’s; samen 100. Bijvoorbeeld: 12,5; 7,5; 80"
                defaultValue={v(`${p}.percentages`)}
                error={e(`${p}.percentages`)}
                className="md:col-span-2"
                maxLength={2000}
              />
              <fieldset className="md:col-span-2">
                <legend className="font-medium">Bedrag per jaar (euro)</legend>
                <div className="mt-1 flex flex-wrap gap-4">
                  {state.years.map((year, j) => {
                    const name = `${amountField(i, j)}.amount`;
                    return (
                      <div key={year}>
                        <input type="hidden" name={`${amountField(i, j)}.year`} value={year} />
                        <TextField
                          id={fieldId(name)}
                          name={name}
                          label={
                            <>
                              <span className="sr-only">Bedrag </span>
                              {year}
                              <span className="sr-only">, gedeelde kostenpost {i + 1}</span>
                            </>
                          }
                          defaultValue={v(name)}
                          error={e(name)}
                          inputMode="numeric"
                          inputClassName="w-32"
                          maxLength={20}
                        />
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
          </fieldset>
        );
      })}

      <h2 className="mt-10 text-2xl font-bold text-brand-800">Trajecten per gemeente</h2>
      <p className="mt-1 max-w-3xl">
        Elke gemeente betaalt haar eigen trajecten: het aantal trajecten per jaar maal de prijs per traject. Het aantal komt uit historisch
        gebruik (per gemeente per jaar) of uit een geadviseerd percentage van de kinderen van 0 tot 4 jaar (elk jaar hetzelfde, per gemeente
        naar boven afgerond op hele trajecten).
      </p>
      {Array.from({ length: trajectoryRows }, (_, i) => {
        const p = `trajectoryItems.${i}`;
        return (
          <fieldset key={p} className="mt-4 rounded border border-gray-300 p-4">
            <legend className="px-1 font-semibold">Trajectpost {i + 1}</legend>
            <div className="grid gap-4 md:grid-cols-2">
              <SelectField id={fieldId(`${p}.intervention`)} name={`${p}.intervention`} label="Interventie" options={interventions} defaultValue={v(`${p}.intervention`) || interventions[0]?.value} error={e(`${p}.intervention`)} />
              <SelectField id={fieldId(`${p}.costCategory`)} name={`${p}.costCategory`} label="Kostensoort" options={categories} defaultValue={v(`${p}.costCategory`) || categories[0]?.value} error={e(`${p}.costCategory`)} />
              <TextField id={fieldId(`${p}.pricePerTrajectory`)} name={`${p}.pricePerTrajectory`} label="Prijs per traject (euro)" defaultValue={v(`${p}.pricePerTrajectory`)} error={e(`${p}.pricePerTrajectory`)} inputMode="numeric" maxLength={20} />
              <RadioGroup name={`${p}.basis`} legend="Aantal trajecten volgens" options={bases} value={v(`${p}.basis`) || bases[0]?.value || ''} error={e(`${p}.basis`)} />
              <TextField
                id={fieldId(`${p}.trajectories`)}
                name={`${p}.trajectories`}
                label="Trajecten per gemeente per jaar (bij historisch gebruik)"
                hint={`Plak uit een spreadsheet: een kopregel met de jaren, dan één regel per gemeente met de naam en een aantal per jaar, gescheiden door een tab of puntkomma. Bijvoorbeeld: Gemeente; ${yearsHint}, dan Arnhem; ${exampleCounts}. Eén aantal na de naam geldt voor elk jaar.`}
                defaultValue={v(`${p}.trajectories`)}
                error={e(`${p}.trajectories`)}
                multiline
                inputClassName="w-full h-40 font-mono"
                className="md:col-span-2"
                maxLength={20000}
              />
              <TextField
                id={fieldId(`${p}.percentage`)}
                name={`${p}.percentage`}
                label="Geadviseerd percentage van de kinderen van 0 tot 4 jaar"
                hint="Bijvoorbeeld 1,5"
                defaultValue={v(`${p}.percentage`)}
                error={e(`${p}.percentage`)}
                inputMode="text"
                maxLength={8}
              />
            </div>
          </fieldset>
        );
      })}

      <button type="submit" name="intent" value="save" disabled={pending} className="mt-8 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? 'Bezig met opslaan…' : 'Regionaal plan opslaan'}
      </button>
    </form>
  );
}

function RadioGroup({ name, legend, options, value, error }: { name: string; legend: string; options: Option[]; value: string; error: string | undefined }) {
  const id = fieldId(name);
  return (
    <fieldset id={id} aria-describedby={describedBy(id, { error: Boolean(error) })}>
      <legend className="font-medium">{legend}</legend>
      <FieldError id={id} message={error} />
      {options.map((o) => (
        <div key={o.value} className="mt-1 flex items-start gap-2">
          <input type="radio" id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={value === o.value} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Hand a member's share to its own funding plan (needs that plan's edit link). */
export function HandoffForm({ regionId, secret, members, initial }: { regionId: string; secret: string; members: string[]; initial: HandoffState }) {
  const [state, formAction, pending] = useActionState(handoffAction, initial);
  const { values, errors } = state;
  const id = (name: string) => fieldId(`handoff.${name}`);
  return (
    <form key={`${state.status}-${state.message ?? ''}`} action={formAction} noValidate className="max-w-2xl">
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="sleutel" value={secret} />
      {state.message && (
        <div role={state.status === 'done' ? 'status' : 'alert'} className={`mb-4 border-l-4 px-3 py-2 font-medium ${state.status === 'done' ? 'border-green-700 bg-green-50' : 'border-red-700 bg-red-50'}`}>
          <p>{state.message}</p>
          {state.status === 'done' && values.planReadPath && (
            <p className="mt-1">
              <a href={values.planReadPath} className="text-brand-700 underline">
                Financieringsplan bekijken
              </a>
            </p>
          )}
        </div>
      )}
      <div className="grid gap-4">
        <SelectField
          id={id('member')}
          name="member"
          label="Gemeente"
          options={members.map((m, i) => ({ value: String(i), label: m }))}
          defaultValue={values.member}
          error={errors[id('member')]}
        />
        <TextField
          id={id('planLink')}
          name="planLink"
          label="Bewerkingslink van het financieringsplan van deze gemeente"
          hint="Het aandeel komt als regels met financieringsbron ‘Regionaal budget’ en status ‘idee’ in dat plan. Opnieuw overnemen vervangt de eerdere regels uit dit regionale plan. Wij bewaren alleen de leeslink."
          defaultValue={values.planLink}
          error={errors[id('planLink')]}
          maxLength={600}
        />
        <div>
          <label htmlFor={id('looptijd')} className="block font-medium">
            Looptijd van de regels
          </label>
          <FieldError id={id('looptijd')} message={errors[id('looptijd')]} />
          <select id={id('looptijd')} name="looptijd" defaultValue={values.looptijd || 'structureel'} aria-describedby={describedBy(id('looptijd'), { error: Boolean(errors[id('looptijd')]) })} className={`${controlClass} mt-1`}>
            <option value="structureel">Structureel</option>
            <option value="tijdelijk">Tijdelijk</option>
          </select>
        </div>
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? 'Bezig…' : 'Aandeel overnemen in financieringsplan'}
      </button>
    </form>
  );
}
