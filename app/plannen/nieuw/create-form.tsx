'use client';

import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { BodyLimitMessage, useBodyLimit } from '@/components/body-limit';
import { CopyLink } from '@/components/copy-link';
import { ErrorSummary, FieldError, TextField, describedBy } from '@/components/form-fields';
import { createPlanAction } from './actions';
import { createFieldId, type CreateState } from './create-state';

type Props = {
  initial: CreateState;
  examples: { slug: string; naam: string; sources: string[] }[];
};

const EMPTY_PLAN: Props['examples'][number] = { slug: 'leeg', naam: 'Een leeg plan', sources: [] };

const LABELS: Record<string, string> = {
  [createFieldId('municipality')]: 'Gemeente of regio',
  [createFieldId('title')]: 'Titel',
  [createFieldId('startYear')]: 'Eerste jaar',
  [createFieldId('endYear')]: 'Laatste jaar',
  [createFieldId('contactNote')]: 'Contactnotitie',
  [createFieldId('voorbeeld')]: 'Beginnen met',
};

/**
 * The create form. A plain form post to a Server Action: without JavaScript
 * the browser posts it and the server answers with this same component in
 * the action's state (errors, or the two links).
 */
export function CreatePlanForm({ initial, examples }: Props) {
  const [state, formAction, pending] = useActionState(createPlanAction, initial);
  const bodyLimit = useBodyLimit(state);

  // Move focus to the outcome, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (state === initial) return;
    const target = state.status === 'created' ? document.getElementById('plan-gemaakt') : document.getElementById('foutmeldingen') ?? document.getElementById('create-melding');
    target?.focus();
  }, [state, initial]);

  if (state.status === 'created') {
    const { created } = state;
    return (
      <section aria-labelledby="plan-gemaakt" className="max-w-3xl">
        <h2 id="plan-gemaakt" tabIndex={-1} className="text-2xl font-bold text-brand-800 focus:outline-none">
          Uw plan “{created.title}” is gemaakt
        </h2>
        <p className="mt-2">Het plan heeft twee links. Bewaar ze allebei.</p>

        <h3 className="mt-6 text-xl font-semibold">Leeslink</h3>
        <p>Iedereen met deze link kan het plan bekijken, maar niets wijzigen. Deel hem met wie het plan moet lezen.</p>
        <CopyLink id="leeslink" url={created.readUrl} buttonLabel="Leeslink kopiëren" />

        <h3 className="mt-6 text-xl font-semibold">Bewerkingslink</h3>
        <div className="mt-2 border-l-4 border-amber-700 bg-accent-100 px-3 py-2">
          <p className="font-semibold">
            Iedereen met deze link kan het plan wijzigen. Bewaar hem goed; hij wordt maar één keer getoond.
          </p>
          <p className="mt-1 text-sm">
            Wij bewaren de link niet zelf en kunnen hem dus niet opnieuw sturen. Kwijt? Met de bewerkingslink kunt u later een
            nieuwe maken; zonder kan niemand het plan nog wijzigen.
          </p>
        </div>
        <CopyLink id="bewerkingslink" url={created.editUrl} buttonLabel="Bewerkingslink kopiëren" />

        <ul className="mt-6 flex flex-wrap gap-4">
          <li>
            {/* A plain <a>, not <Link>: Link would prefetch the secret URL on sight. */}
            <a href={created.editPath} className="nl-button nl-button--primary">
              Plan nu bewerken
            </a>
          </li>
          <li>
            <Link href={created.readPath} className="inline-block py-2 text-brand-700 underline">
              Plan bekijken
            </Link>
          </li>
        </ul>
      </section>
    );
  }

  const { values, errors } = state;
  const id = createFieldId;
  return (
    <form action={formAction} noValidate onSubmit={bodyLimit.onSubmit} className="max-w-2xl">
      <BodyLimitMessage message={bodyLimit.message} />
      <ErrorSummary errors={errors} labels={LABELS} />
      {state.message && (
        <p id="create-melding" role="alert" tabIndex={-1} className="mb-6 border-l-4 border-red-700 bg-red-50 px-3 py-2 font-medium">
          {state.message}
        </p>
      )}
      <div className="grid gap-5">
        <TextField id={id('municipality')} name="municipality" label="Gemeente of regio" defaultValue={values.municipality} error={errors[id('municipality')]} autoComplete="organization" maxLength={120} />
        <TextField id={id('title')} name="title" label="Titel van het plan" hint="Bijvoorbeeld: Financiering Kansrijke Start 2026–2029" defaultValue={values.title} error={errors[id('title')]} maxLength={200} />
        <fieldset aria-describedby="jaren-hint">
          <legend className="font-medium">Looptijd</legend>
          <p id="jaren-hint" className="text-sm text-muted">
            Hoogstens 10 jaar.
          </p>
          <div className="mt-1 flex flex-wrap gap-4">
            <TextField id={id('startYear')} name="startYear" label="Eerste jaar" defaultValue={values.startYear} error={errors[id('startYear')]} inputMode="numeric" inputClassName="w-28" maxLength={4} />
            <TextField id={id('endYear')} name="endYear" label="Laatste jaar" defaultValue={values.endYear} error={errors[id('endYear')]} inputMode="numeric" inputClassName="w-28" maxLength={4} />
          </div>
        </fieldset>
        <TextField
          id={id('contactNote')}
          name="contactNote"
          label="Contactnotitie (optioneel)"
          hint="Bijvoorbeeld wie het plan coördineert. Iedereen met de leeslink kan dit lezen."
          defaultValue={values.contactNote}
          error={errors[id('contactNote')]}
          multiline
          maxLength={2000}
        />
        <fieldset aria-describedby={describedBy(id('voorbeeld'), { hint: true, error: Boolean(errors[id('voorbeeld')]) })}>
          <legend className="font-medium">Beginnen met</legend>
          <p id={`${id('voorbeeld')}-hint`} className="text-sm text-muted">
            Een voorbeeld zet de financieringsbronnen uit die aanpak klaar als regels zonder bedragen, met status ‘idee’. U vult de
            bedragen per jaar zelf in.
          </p>
          <FieldError id={id('voorbeeld')} message={errors[id('voorbeeld')]} />
          <div className="mt-2 space-y-2">
            {[EMPTY_PLAN, ...examples].map((e) => (
              <div key={e.slug} className="flex items-start gap-2">
                <input
                  type="radio"
                  id={`${id('voorbeeld')}-${e.slug}`}
                  name="voorbeeld"
                  value={e.slug}
                  defaultChecked={(values.voorbeeld || 'leeg') === e.slug}
                  aria-describedby={e.sources.length > 0 ? `${id('voorbeeld')}-${e.slug}-bronnen` : undefined}
                  className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                />
                <div>
                  <label htmlFor={`${id('voorbeeld')}-${e.slug}`}>{e.slug === 'leeg' ? e.naam : `De financieringsmix van ${e.naam}`}</label>
                  {e.sources.length > 0 && (
                    <p id={`${id('voorbeeld')}-${e.slug}-bronnen`} className="text-sm text-muted">
                      Financieringsbronnen: {e.sources.join(', ')}
                    </p>
                  )}
                </div>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" disabled={pending} className="nl-button nl-button--primary mt-6 disabled:opacity-70">
        {pending ? 'Bezig met maken…' : 'Plan maken'}
      </button>
    </form>
  );
}
