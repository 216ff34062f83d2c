import type { Metadata } from 'next';
import { cache } from 'react';
import { AgeNotice } from '@/components/age-notice';
import { Interpretation } from '@/components/interpretation';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { isoToday } from '@/lib/content/days';
import { sortByValidity } from '@/lib/content/validity';
import { pick } from '@/lib/content/catalog';
import { getCatalog } from '@/lib/content';
import { BETALER_LABEL, LOOPTIJD_LABEL } from '@/lib/content/labels';
import { cellsOfIntervention } from '@/lib/content/matrix';
import { buildSearchIndex, search, type SearchDoc } from '@/lib/content/search';
import { matrixView, parseWegwijzerParams } from '@/lib/content/wegwijzer';
import { DETAIL_HEADING_ID, wegwijzerHref } from '@/lib/wegwijzer-url';
import { Matrix } from './matrix';
import { SearchResults } from './search-results';
import { NoSelection, SelectionDetail } from './selection-detail';
import { wegwijzerTextFromParams } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Built once per server process, on the first search (content is in memory). */
let searchIndex: SearchDoc[] | undefined;

/** One search per request: the title (generateMetadata) and the page both need it. */
const searchOnce = cache((q: string) => {
  searchIndex ??= buildSearchIndex(getCatalog());
  return search(searchIndex, q);
});

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const c = getCatalog();
  // The state in the title: the cell, the search, the filters (lib/content/page-titles.ts).
  return metadataFor(wegwijzerTextFromParams(c, await searchParams));
}


export default async function WegwijzerPage({ searchParams }: Props) {
  const c = getCatalog();
  const { state, ignored } = parseWegwijzerParams(c, await searchParams);
  const filters = { kosten: state.kosten, fase: state.fase };
  const today = isoToday();
  const view = matrixView(c, filters, today);
  const selection = { wet: state.wet, niveau: state.niveau };
  const intervention = state.interventie ? c.by.interventies.get(state.interventie) : undefined;
  const phase = state.fase ? c.by.fasen.get(state.fase) : undefined;
  const result = state.q ? searchOnce(state.q) : undefined;

  const label = 'block text-sm font-medium';
  const control = 'mt-1 block w-full rounded border border-gray-500 bg-white px-2 py-1.5';

  return (
    <>
      <PageHeader
        title="Wegwijzer financiering"
        intro={
          <p>
            Welke wet en welke geldbron kan een onderdeel van uw aanpak Kansrijke Start betalen, en met wie gaat u in gesprek?
            Kies een cel, filter op kostensoort of fase, of zoek.
          </p>
        }
      />

      <AgeNotice id="melding-wegwijzer" />

      {ignored.length > 0 && (
        <p role="status" className="mb-4 rounded border border-amber-700 bg-accent-100 p-3">
          Een deel van de link werd niet herkend en is genegeerd ({ignored.join(', ')}).
        </p>
      )}

      {/* A plain GET form: the page is served without Next's scripts (README, decisions), and a search is rendered per request anyway. */}
      <form action="/wegwijzer" className="no-print mb-6 grid gap-3 rounded border border-gray-300 bg-gray-50 p-3 sm:grid-cols-2 lg:grid-cols-5" role="search" aria-label="Wegwijzer doorzoeken en filteren">
        {state.wet && <input type="hidden" name="wet" value={state.wet} />}
        {state.niveau && <input type="hidden" name="niveau" value={state.niveau} />}
        <div className="lg:col-span-2">
          <label htmlFor="q" className={label}>
            Zoeken
          </label>
          <input id="q" name="q" type="search" defaultValue={state.q} maxLength={200} className={control} placeholder="bijv. kraamzorg, minimapolis" />
        </div>
        <div>
          <label htmlFor="kosten" className={label}>
            Kostensoort
          </label>
          <select id="kosten" name="kosten" defaultValue={state.kosten ?? ''} className={control}>
            <option value="">Alle kostensoorten</option>
            {c.kostensoorten.map((k) => (
              <option key={k.slug} value={k.slug}>
                {k.naam}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fase" className={label}>
            Fase van de eerste 1000 dagen
          </label>
          <select id="fase" name="fase" defaultValue={state.fase ?? ''} className={control}>
            <option value="">Alle fasen</option>
            {c.fasen.map((f) => (
              <option key={f.slug} value={f.slug}>
                {f.naam}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="interventie" className={label}>
            Interventie
          </label>
          <select id="interventie" name="interventie" defaultValue={state.interventie ?? ''} className={control}>
            <option value="">Geen</option>
            {c.interventies.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.naam}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Toepassen
          </button>
          {(state.q || state.kosten || state.fase || state.interventie) && (
            <a href={wegwijzerHref({ wet: state.wet, niveau: state.niveau })} className="py-2 text-brand-700 underline">
              Filters en zoekopdracht wissen
            </a>
          )}
        </div>
      </form>

      {(state.kosten || state.fase) && (
        <p className="mb-4 text-sm">
          Gefilterd op{' '}
          {[
            state.kosten && `kostensoort “${c.by.kostensoorten.get(state.kosten)?.naam}” (alleen financieringsbronnen die dit kunnen betalen)`,
            state.fase && `fase “${c.by.fasen.get(state.fase)?.naam}” (taken, interventies en knelpunten)`,
          ]
            .filter(Boolean)
            .join(' en ')}
          .
        </p>
      )}

      {phase && (
        <section aria-labelledby="fase-titel" className="mb-4 max-w-3xl">
          <h2 id="fase-titel" className="font-semibold">
            Fase: {phase.naam}
          </h2>
          <p className="mt-1">{phase.omschrijving}</p>
          {phase.interpretatie && <Interpretation className="mt-2">{phase.interpretatie}</Interpretation>}
        </section>
      )}

      {result && <SearchResults result={result} state={state} />}

      {intervention && (
        <section aria-labelledby="interventie-titel" className="mb-6 rounded border border-amber-700 bg-accent-100 p-4">
          <h2 id="interventie-titel" className="text-xl font-semibold">
            Interventie: {intervention.naam}
          </h2>
          <p className="mt-1">De cellen die deze interventie raakt, zijn in de tabel gemarkeerd met “Interventie”.</p>
          <h3 className="mt-3 font-semibold">Routes naar geld</h3>
          {intervention.financieringsbronnen.length === 0 ? (
            <p>De bronnen noemen voor deze interventie geen specifieke financieringsbron.</p>
          ) : (
            <ul className="mt-1 list-disc pl-5">
              {sortByValidity(pick(c.by.financieringsbronnen, intervention.financieringsbronnen), today).map((b) => (
                <li key={b.slug}>
                  <a href={`/bronnen/${b.slug}`} className="text-brand-700 underline">
                    {b.naam}
                  </a>{' '}
                  ({BETALER_LABEL[b.betaler]}, {LOOPTIJD_LABEL[b.looptijd].toLowerCase()}) <ValidityBadge geldigheid={b.geldigheid} day={today} />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2">{intervention.financiering}</p>
          <p className="mt-2">
            <a href={`/interventies/${intervention.slug}`} className="text-brand-700 underline">
              Alles over {intervention.naam}
            </a>
          </p>
        </section>
      )}

      {/* No Suspense boundary: the page is rendered per request, and streamed
          Suspense content would stay hidden for visitors without JavaScript.
          From xl up the detail sits beside the matrix, sticky, so a choice is
          visible without scrolling (the panel scrolls on its own if long). */}
      <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_22rem] xl:items-start xl:gap-6">
        <section aria-labelledby="matrix-titel">
          <h2 id="matrix-titel" className="sr-only">
            Matrix: wetten en preventieniveaus
          </h2>
          <Matrix
            view={view}
            state={state}
            interventionCells={intervention ? cellsOfIntervention(intervention) : new Set()}
            searchCells={result ? result.cells : new Map()}
          />
        </section>
        <section
          id="detail"
          aria-labelledby={DETAIL_HEADING_ID}
          tabIndex={0}
          data-scroll-panel
          className="mt-8 scroll-mt-4 xl:sticky xl:top-4 xl:mt-0 xl:max-h-[calc(100vh-2rem)] xl:overflow-y-auto xl:rounded xl:border xl:border-gray-300 xl:p-4"
        >
          {state.wet || state.niveau ? <SelectionDetail c={c} selection={selection} filters={filters} day={today} shareHref={wegwijzerHref(state)} /> : <NoSelection />}
        </section>
      </div>
    </>
  );
}
