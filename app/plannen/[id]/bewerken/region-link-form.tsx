'use client';

import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { controlClass } from '@/components/form-fields';
import { REGION_LINK_MESSAGES } from '@/lib/plans/region-shares';
import { parseRegionReadLink, regionApiPath } from '@/lib/regions/urls';

export type FoundRegion = { id: string; name: string; version: number; members: string[] };

type Props = {
  /** The edit form (lib: FORM_ID): the member select and the "Koppelen" button belong to it. */
  formId: string;
  /** The edit page's path without query, for the no-JavaScript first step (a GET form). */
  editPath: string;
  secret: string;
  /** The plan's municipality: preselects the member with the same name. */
  municipality: string;
  /** Regions this plan is already linked to (their ids). */
  linked: string[];
  /** From `?regio=<link>`: what the server found for the pasted link. */
  initial: { link: string; region: FoundRegion | null; error: string | null };
};

const LINK_ID = 'regio-link';
const MEMBER_ID = 'regio-lid';

/** The region part of GET /api/regio/<id>, read without zod (kept out of the browser bundle). */
function readRegion(data: unknown): FoundRegion | null {
  if (typeof data !== 'object' || data === null || !('region' in data) || !('members' in data)) return null;
  const { region, members } = data;
  if (typeof region !== 'object' || region === null || !('id' in region) || !('name' in region) || !('version' in region)) return null;
  if (typeof region.id !== 'string' || typeof region.name !== 'string' || typeof region.version !== 'number' || !Array.isArray(members)) return null;
  const names = members.flatMap((m: unknown) => (typeof m === 'object' && m !== null && 'name' in m && typeof m.name === 'string' ? [m.name] : []));
  return { id: region.id, name: region.name, version: region.version, members: names };
}

/**
 * Linking the plan to a regional plan, in two steps: the region's read link,
 * then the member. Without JavaScript the first step is a GET form to this
 * page (`?regio=<link>`), which the server answers with the member select;
 * with JavaScript the region is read from the public JSON API as soon as a
 * link is pasted. The select and the button belong to the edit form, so
 * "Koppelen" is a versioned save (intent "regio-koppelen") like every other.
 */
export function RegionLinkForm({ formId, editPath, secret, municipality, linked, initial }: Props) {
  const [region, setRegion] = useState<FoundRegion | null>(initial.region);
  const [error, setError] = useState<string | null>(initial.error);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const request = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function lookup(text: string) {
    const ticket = ++request.current;
    if (text.trim() === '') {
      setRegion(null);
      setError(null);
      return;
    }
    const id = parseRegionReadLink(text);
    if (!id) {
      setRegion(null);
      setError(REGION_LINK_MESSAGES.notALink);
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(regionApiPath(id), { headers: { accept: 'application/json' } });
      if (ticket !== request.current) return;
      const found = response.ok ? readRegion(await response.json()) : null;
      if (ticket !== request.current) return;
      setRegion(found);
      setError(found ? null : response.status === 404 ? REGION_LINK_MESSAGES.notFound : REGION_LINK_MESSAGES.failed);
    } catch {
      if (ticket === request.current) {
        setRegion(null);
        setError(REGION_LINK_MESSAGES.failed);
      }
    } finally {
      if (ticket === request.current) setBusy(false);
    }
  }

  function onFetchClick(event: MouseEvent<HTMLButtonElement>) {
    // With JavaScript, no page load: unsaved edits in the form stay.
    event.preventDefault();
    void lookup(inputRef.current?.value ?? '');
  }

  const alreadyLinked = region !== null && linked.includes(region.id);
  const preselect = region?.members.find((m) => m.trim().toLocaleLowerCase('nl-NL') === municipality.trim().toLocaleLowerCase('nl-NL')) ?? '';

  return (
    <div className="mt-6 rounded border border-gray-300 p-4">
      <h3 className="text-lg font-semibold">Koppelen aan een regionaal plan</h3>
      <form method="get" action={editPath} className="mt-2">
        <input type="hidden" name="sleutel" value={secret} />
        <label htmlFor={LINK_ID} className="block font-medium">
          Leeslink van het regionale plan
        </label>
        <p id={`${LINK_ID}-hint`} className="text-sm text-muted">
          Bijvoorbeeld https://…/regio/… U krijgt hem van wie het regionale plan maakt; de bewerkingslink van de regio is niet nodig.
        </p>
        {error && (
          <p id={`${LINK_ID}-fout`} className="mt-1 text-sm font-medium text-red-700">
            <span className="sr-only">Fout: </span>
            {error}
          </p>
        )}
        <div className="mt-1 flex flex-wrap items-start gap-2">
          <input
            ref={inputRef}
            type="text"
            id={LINK_ID}
            name="regio"
            defaultValue={initial.link}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${LINK_ID}-hint ${LINK_ID}-fout` : `${LINK_ID}-hint`}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void lookup(value), 300);
            }}
            className={`${controlClass} w-full max-w-xl`}
          />
          <button type="submit" onClick={onFetchClick} className="rounded border-2 border-brand-700 bg-white px-3 py-1 font-medium text-brand-700 hover:bg-brand-50">
            Gemeenten ophalen
          </button>
        </div>
      </form>

      <div role="status" className="mt-3">
        {busy && <p className="text-sm text-muted">Regionaal plan ophalen…</p>}
        {!busy && region && alreadyLinked && (
          <p>
            Dit plan is al gekoppeld aan het regionale plan “{region.name}”. Hierboven kunt u het bijwerken of de koppeling verwijderen.
          </p>
        )}
        {!busy && region && !alreadyLinked && (
          <p>
            Gevonden: het regionale plan “{region.name}” (versie {region.version}) met {region.members.length}{' '}
            {region.members.length === 1 ? 'gemeente' : 'gemeenten'}.
          </p>
        )}
      </div>

      {region && !alreadyLinked && (
        <div key={region.id} className="mt-2 flex flex-wrap items-end gap-3">
          <input type="hidden" form={formId} name="regioLink" value={region.id} />
          <div>
            <label htmlFor={MEMBER_ID} className="block font-medium">
              Uw gemeente in “{region.name}”
            </label>
            <select id={MEMBER_ID} form={formId} name="regioLid" defaultValue={preselect} className={controlClass}>
              <option value="">Kies uw gemeente</option>
              {region.members.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" form={formId} name="intent" value="regio-koppelen" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Koppelen en opslaan
          </button>
        </div>
      )}
    </div>
  );
}
