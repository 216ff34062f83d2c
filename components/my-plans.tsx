'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import {
  MY_PLANS_KEY,
  editPathOf,
  findPlan,
  forgetEditLink,
  forgetPlan,
  parseMyPlans,
  readPathOf,
  rememberVisit,
  serializeMyPlans,
  type PlanKind,
  type RememberedPlan,
  type Visit,
} from '@/lib/my-plans';

// "Mijn plannen" in this browser's localStorage (lib/my-plans.ts). No
// libraries, nothing sent anywhere. localStorage may be missing or refuse
// (privacy settings, full): then nothing is remembered and the list says so.

const CHANGED = 'mijn-plannen-gewijzigd';
const UNAVAILABLE = '\u0000unavailable';

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(MY_PLANS_KEY);
  } catch {
    return UNAVAILABLE;
  }
}

function write(update: (list: RememberedPlan[]) => RememberedPlan[]): boolean {
  try {
    const raw = window.localStorage.getItem(MY_PLANS_KEY);
    window.localStorage.setItem(MY_PLANS_KEY, serializeMyPlans(update(parseMyPlans(raw))));
  } catch {
    return false;
  }
  window.dispatchEvent(new Event(CHANGED));
  return true;
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === MY_PLANS_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** The stored text (a string compares by value, so React re-renders only on a real change); undefined while rendering on the server. */
function useStoredRaw(): string | null | undefined {
  return useSyncExternalStore<string | null | undefined>(subscribe, readRaw, () => undefined);
}

/** Remembers that this plan was opened (read page). Renders nothing. */
export function RememberVisit(visit: Visit) {
  const { kind, id, title, place } = visit;
  useEffect(() => {
    write((list) => rememberVisit(list, { kind, id, title, place }, Date.now()));
  }, [kind, id, title, place]);
  return null;
}

/**
 * On an edit page: remembers the visit, and offers to remember the edit link
 * on this device. The link is stored only while the box is ticked; a ticked
 * box keeps the link of this page (so after "nieuwe bewerkingslink maken" the
 * list has the new one). Outside the edit form, and without a name, so it is
 * never posted. Shown only with JavaScript (without it nothing is stored).
 */
export function RememberEditLink({ secret, noun, ...visit }: Visit & { secret: string; noun: string }) {
  const { kind, id, title, place } = visit;
  const raw = useStoredRaw();
  const uid = useId();
  useEffect(() => {
    write((list) => {
      const stored = findPlan(list, kind, id)?.secret;
      return rememberVisit(list, { kind, id, title, place }, Date.now(), stored ? secret : undefined);
    });
  }, [kind, id, title, place, secret]);

  if (raw === undefined) return null;
  if (raw === UNAVAILABLE) return null;
  const checked = Boolean(findPlan(parseMyPlans(raw), kind, id)?.secret);
  return (
    <div className="no-print mb-6 max-w-3xl">
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id={`${uid}-onthouden`}
          checked={checked}
          aria-describedby={`${uid}-uitleg`}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            write((list) => rememberVisit(list, { kind, id, title, place }, Date.now(), on ? secret : null));
          }}
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
        />
        <label htmlFor={`${uid}-onthouden`} className="font-medium">
          Onthoud de bewerkingslink op dit apparaat
        </label>
      </div>
      <p id={`${uid}-uitleg`} className="ml-7 text-sm text-muted">
        Dan kunt u {noun} bewerken vanuit{' '}
        <Link href="/plannen" className="text-brand-700 underline">
          Mijn plannen
        </Link>
        . De link blijft alleen in deze browser. Vink dit niet aan op een gedeelde computer: wie deze browser gebruikt, kan dan
        ook bewerken.
      </p>
    </div>
  );
}

const KIND_LABEL: Record<PlanKind, string> = { plan: 'Financieringsplan', regio: 'Regionaal plan' };

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * The list on /plannen. Before it runs (and without JavaScript) it is a
 * sentence that the list needs JavaScript; browsers with scripting hide that
 * sentence by CSS at once (`.without-js-only`, app/globals.css).
 */
export function MyPlansList() {
  const raw = useStoredRaw();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  if (raw === undefined) {
    return (
      <p className="without-js-only max-w-3xl border-l-4 border-amber-700 bg-accent-100 px-3 py-2">
        Deze lijst heeft JavaScript nodig: uw browser onthoudt de plannen zelf, en daarvoor moet JavaScript aan staan. Zonder JavaScript
        werken de plannen zelf wel; bewaar hun links dan zelf, of maak hierboven een nieuw plan.
      </p>
    );
  }
  if (raw === UNAVAILABLE) {
    return (
      <p className="max-w-3xl border-l-4 border-amber-700 bg-accent-100 px-3 py-2">
        Deze browser staat niet toe dat deze website iets onthoudt (lokale opslag staat uit). Bewaar de links van uw plannen daarom
        zelf.
      </p>
    );
  }
  const list = parseMyPlans(raw);

  function act(update: (list: RememberedPlan[]) => RememberedPlan[], message: string) {
    setStatus(write(update) ? message : 'Dat lukte niet: deze browser weigert de wijziging op te slaan.');
    // The button is gone or changed: keep keyboard focus on the page.
    statusRef.current?.focus();
  }

  return (
    <>
      <p ref={statusRef} role="status" tabIndex={-1} className="mb-3 min-h-6 font-medium focus:outline-none">
        {status}
      </p>
      {list.length === 0 ? (
        <p>U heeft in deze browser nog geen plannen geopend. Plannen die u opent, komen hier vanzelf te staan.</p>
      ) : (
        <ul className="grid max-w-3xl gap-3">
          {list.map((entry) => {
            const edit = editPathOf(entry);
            const name = `${KIND_LABEL[entry.kind].toLowerCase()} “${entry.title}”`;
            return (
              <li key={`${entry.kind}-${entry.id}`} className="rounded border border-gray-300 p-3">
                <p className="text-sm text-muted">
                  {KIND_LABEL[entry.kind]}
                  {entry.place && <> · {entry.place}</>}
                </p>
                <h3 className="text-lg font-semibold">
                  <a href={readPathOf(entry)} className="text-brand-700 underline">
                    {entry.title || 'Zonder titel'}
                  </a>
                </h3>
                <p className="text-sm text-muted">Laatst geopend op {dateFormat.format(entry.seen)}.</p>
                <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
                  {edit && (
                    <a href={edit} className="font-medium text-brand-700 underline">
                      Bewerken<span className="sr-only"> ({name})</span>
                    </a>
                  )}
                  {edit && (
                    <button
                      type="button"
                      onClick={() => act((l) => forgetEditLink(l, entry.kind, entry.id), `De bewerkingslink van ${name} is vergeten.`)}
                      className="rounded border border-brand-700 px-2 py-1 text-sm text-brand-700 hover:bg-brand-50"
                    >
                      Bewerkingslink vergeten<span className="sr-only"> ({name})</span>
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => act((l) => forgetPlan(l, entry.kind, entry.id), `${KIND_LABEL[entry.kind]} “${entry.title}” is vergeten.`)}
                    className="rounded border border-red-700 px-2 py-1 text-sm text-red-800 hover:bg-red-50"
                  >
                    Vergeten<span className="sr-only"> ({name})</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
