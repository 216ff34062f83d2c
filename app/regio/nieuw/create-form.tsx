'use client';

import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { BodyLimitMessage, useBodyLimit } from '@/components/body-limit';
import { CopyLink } from '@/components/copy-link';
import { ErrorSummary, TextField } from '@/components/form-fields';
import { createRegionAction } from './actions';
import { regionCreateFieldId, type RegionCreateState } from './create-state';

const LABELS: Record<string, string> = {
  [regionCreateFieldId('name')]: 'Naam',
  [regionCreateFieldId('startYear')]: 'Eerste jaar',
  [regionCreateFieldId('endYear')]: 'Laatste jaar',
  [regionCreateFieldId('members')]: 'Deelnemende gemeenten',
};

/** The create form: a plain form post to a Server Action, so it works without JavaScript. */
export function CreateRegionForm({ initial }: { initial: RegionCreateState }) {
  const [state, formAction, pending] = useActionState(createRegionAction, initial);
  const bodyLimit = useBodyLimit(state);

  useEffect(() => {
    if (state === initial) return;
    const target = state.status === 'created' ? document.getElementById('regio-gemaakt') : (document.getElementById('foutmeldingen') ?? document.getElementById('create-melding'));
    target?.focus();
  }, [state, initial]);

  if (state.status === 'created') {
    const { created } = state;
    return (
      <section aria-labelledby="regio-gemaakt" className="max-w-3xl">
        <h2 id="regio-gemaakt" tabIndex={-1} className="text-2xl font-bold text-brand-800 focus:outline-none">
          Het regionale plan “{created.name}” is gemaakt
        </h2>
        <p className="mt-2">Het plan heeft twee links. Bewaar ze allebei.</p>
        <h3 className="mt-6 text-xl font-semibold">Leeslink</h3>
        <p>Iedereen met deze link kan de verdeling bekijken, maar niets wijzigen. Deel hem met de deelnemende gemeenten.</p>
        <CopyLink id="leeslink" url={created.readUrl} buttonLabel="Leeslink kopiëren" />
        <h3 className="mt-6 text-xl font-semibold">Bewerkingslink</h3>
        <div className="mt-2 border-l-4 border-amber-700 bg-accent-100 px-3 py-2">
          <p className="font-semibold">Iedereen met deze link kan het plan wijzigen. Bewaar hem goed; hij wordt maar één keer getoond.</p>
        </div>
        <CopyLink id="bewerkingslink" url={created.editUrl} buttonLabel="Bewerkingslink kopiëren" />
        <ul className="mt-6 flex flex-wrap gap-4">
          <li>
            {/* A plain <a>, not <Link>: Link would prefetch the secret URL on sight. */}
            <a href={created.editPath} className="nl-button nl-button--primary">
              Kosten invullen
            </a>
          </li>
          <li>
            <Link href={created.readPath} className="inline-block py-2 text-brand-700 underline">
              Verdeling bekijken
            </Link>
          </li>
        </ul>
      </section>
    );
  }

  const { values, errors } = state;
  const id = regionCreateFieldId;
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
        <TextField id={id('name')} name="name" label="Naam van de regio of het plan" hint="Bijvoorbeeld: Kansrijke Start Gelderland-Midden 2026–2029" defaultValue={values.name} error={errors[id('name')]} maxLength={120} />
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
        <MembersField id={id('members')} value={values.members} error={errors[id('members')]} />
      </div>
      <button type="submit" disabled={pending} className="nl-button nl-button--primary mt-6 disabled:opacity-70">
        {pending ? 'Bezig met maken…' : 'Regionaal plan maken'}
      </button>
    </form>
  );
}

/** The members textarea, shared with the edit form. */
export function MembersField({ id, value, error }: { id: string; value: string; error: string | undefined }) {
  return (
    <TextField
      id={id}
      name="members"
      label="Deelnemende gemeenten"
      hint={
        <>
          Eén gemeente per regel: naam, aantal kinderen van 0 tot 4 jaar en aantal kinderen van 0 tot 18 jaar, gescheiden door een tab of
          puntkomma. U kunt de drie kolommen rechtstreeks uit een spreadsheet plakken; een kopregel mag mee. Hoogstens 60 gemeenten.
        </>
      }
      defaultValue={value}
      error={error}
      multiline
      inputClassName="w-full h-64 font-mono"
      maxLength={20000}
    />
  );
}
