'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useState, type MouseEvent } from 'react';
import { CopyLinkButton } from '@/components/copy-link-button';
import { Interpretation } from '@/components/interpretation';
import { VALIDITY_TONE } from '@/components/validity-tone';
import type { ExplorerData } from '@/lib/content/wegwijzer';
import { selectionKey, wegwijzerHref, type WegwijzerState } from '@/lib/wegwijzer-url';

const PAYER_LABEL: Record<string, string> = {
  gemeente: 'Gemeente',
  // Soft hyphen: at 360 px the matrix cells are narrower than this word.
  zorgverzekeraar: 'Zorg\u00ADverzekeraar',
  provincie: 'Provincie',
  rijk: 'Rijk',
  fonds: 'Fonds',
};

type Props = {
  data: ExplorerData;
  /** The state the server rendered (filters, search), kept in every cell link. */
  state: WegwijzerState;
  /** Cells ("wet|niveau") the selected intervention touches. */
  interventionCells: string[];
  /** Search hits per cell ("wet|niveau"). */
  searchCells: Record<string, number>;
};

const known = (value: string | null, options: readonly { slug: string }[]) =>
  value && options.some((o) => o.slug === value) ? value : undefined;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The matrix and its detail panel. Rendered on the server from the URL, so it
 * works without JavaScript (cells are plain links). With JavaScript, a click
 * updates the URL with history.pushState, which Next.js syncs into
 * useSearchParams: the panel switches at once, without a server round trip,
 * and Back restores the previous selection.
 */
export function MatrixExplorer({ data, state, interventionCells, searchCells }: Props) {
  const params = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  // Read from the live URL (it changes without a server render), but only
  // values the content knows: an old or mistyped link selects nothing.
  const wet = known(params.get('wet'), [...data.laws, ...data.crossCutting]);
  const niveau = known(params.get('niveau'), data.niveaus);
  const key = selectionKey(wet, niveau);
  const selection = wet || niveau ? data.selections[key] : undefined;
  const current: WegwijzerState = { ...state, wet, niveau };
  const interventionSet = new Set(interventionCells);

  const lawName = (slug?: string) => [...data.laws, ...data.crossCutting].find((w) => w.slug === slug)?.naam;
  const levelName = (slug?: string) => data.niveaus.find((n) => n.slug === slug)?.naam;
  const title = [lawName(wet), levelName(niveau)].filter(Boolean).join(' · ');

  function select(event: MouseEvent<HTMLAnchorElement>, sel: { wet?: string; niveau?: string }) {
    // Let the browser handle new-tab/window clicks.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    window.history.pushState(null, '', wegwijzerHref(current, { wet: sel.wet, niveau: sel.niveau }, '#detail'));
    const name = [lawName(sel.wet), levelName(sel.niveau)].filter(Boolean).join(', ');
    setAnnouncement(`Geselecteerd: ${name}. De details staan onder de tabel.`);
  }

  const cellLink = (sel: { wet?: string; niveau?: string }, children: React.ReactNode, className: string) => {
    const isCurrent = (sel.wet ?? '') === (wet ?? '') && (sel.niveau ?? '') === (niveau ?? '');
    return (
      <a
        href={wegwijzerHref(current, { wet: sel.wet, niveau: sel.niveau }, '#detail')}
        onClick={(e) => select(e, sel)}
        aria-current={isCurrent ? 'true' : undefined}
        className={`${className} ${isCurrent ? 'bg-brand-700 text-white print:bg-transparent print:text-ink' : 'text-ink hover:bg-brand-50'}`}
      >
        {children}
        {/* Backgrounds are not printed: say in text which cell is chosen. */}
        {isCurrent && <span className="hidden font-bold print:block">(gekozen)</span>}
      </a>
    );
  };

  const summary = (w: string, n: string | undefined, label: string) => {
    const s = data.summaries[selectionKey(w, n)];
    if (!s) return null;
    const hits = n ? searchCells[`${w}|${n}`] : undefined;
    const touched = n ? interventionSet.has(`${w}|${n}`) : false;
    return (
      <>
        <span className="sr-only">{label}: </span>
        <span className="block font-semibold">{plural(s.tasks, 'taak', 'taken')}</span>
        <span className="block">{s.payers.map((p) => PAYER_LABEL[p]).join(', ') || 'geen betaler'}</span>
        <span className="block">{plural(s.sources, 'geldbron', 'geldbronnen')}</span>
        {touched && <span className="mt-1 block rounded bg-accent-400 px-1 text-ink">Interventie</span>}
        {hits ? <span className="mt-1 block rounded bg-accent-100 px-1 text-ink ring-1 ring-amber-700">{plural(hits, 'treffer', 'treffers')}</span> : null}
      </>
    );
  };

  const cellClass = 'block h-full min-h-16 p-1.5 text-xs leading-snug no-underline sm:p-2 sm:text-sm';

  return (
    <div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <table className="w-full table-fixed border-collapse border border-gray-400">
        <caption className="mb-2 text-left text-sm text-muted">
          Wegwijzer: wetten (rijen) tegenover preventieniveaus (kolommen). Elke cel vat de taken, wie betaalt en het aantal
          financieringsbronnen samen; kies een cel, rij of kolom voor de details.
        </caption>
        <colgroup>
          <col className="w-[24%] sm:w-[19%] print:w-[24%]" />
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr className="bg-brand-50">
            <th scope="col" className="border border-gray-400 p-1.5 text-left text-xs sm:p-2 sm:text-sm">
              Wet
            </th>
            {data.niveaus.map((n) => (
              <th key={n.slug} scope="col" className="border border-gray-400 p-0 text-left align-top">
                {cellLink(
                  { niveau: n.slug },
                  <>
                    <span className="block text-xs font-bold sm:text-sm">{n.naam}</span>
                    <span className="hidden font-normal sm:block">{n.definitie}</span>
                  </>,
                  cellClass,
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.laws.map((w) => (
            <tr key={w.slug}>
              <th scope="row" className="border border-gray-400 bg-brand-50 p-0 text-left align-top">
                {cellLink(
                  { wet: w.slug },
                  <>
                    <span className="block font-bold sm:hidden">{w.korteNaam}</span>
                    <span className="hidden font-bold sm:block">{w.naam}</span>
                  </>,
                  `${cellClass} break-words`,
                )}
              </th>
              {data.niveaus.map((n) => (
                <td key={n.slug} className="border border-gray-400 p-0 align-top">
                  {cellLink({ wet: w.slug, niveau: n.slug }, summary(w.slug, n.slug, `${w.naam}, ${n.naam}`), cellClass)}
                </td>
              ))}
            </tr>
          ))}
          {data.crossCutting.map((w) => (
            <tr key={w.slug}>
              <th scope="row" className="border border-gray-400 bg-accent-100 p-0 text-left align-top">
                {cellLink({ wet: w.slug }, <span className="block font-bold">{w.naam}</span>, `${cellClass} break-words`)}
              </th>
              <td colSpan={data.niveaus.length} className="border border-gray-400 bg-accent-100 p-0 align-top">
                {cellLink(
                  { wet: w.slug },
                  <>
                    <span className="mb-1 block italic">Dwarsdoorsnijdend: geldt over alle preventieniveaus heen.</span>
                    {summary(w.slug, undefined, w.naam)}
                  </>,
                  cellClass,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section id="detail" aria-labelledby="detail-titel" className="mt-8 scroll-mt-4">
        {selection ? (
          <Detail data={data} selection={selection} title={title} niveau={niveau} state={current} />
        ) : (
          <div className="rounded border border-dashed border-gray-400 p-4">
            <h2 id="detail-titel" className="text-xl font-semibold">
              Kies een cel
            </h2>
            <p className="mt-1">
              Kies hierboven een wet en een preventieniveau (of een hele rij of kolom). Hier verschijnen dan de taken, wie
              betaalt, met wie u in gesprek kunt, de financieringsbronnen, interventies, knelpunten en voorbeelden.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}

function Detail({
  data,
  selection,
  title,
  niveau,
  state,
}: {
  data: ExplorerData;
  selection: NonNullable<ExplorerData['selections'][string]>;
  title: string;
  niveau?: string;
  state: WegwijzerState;
}) {
  const { items, vragen } = data;
  const partners = selection.partners.flatMap((id) => (items.partners[id] ? [{ id, ...items.partners[id] }] : []));
  const level = data.niveaus.find((n) => n.slug === niveau);
  const h3 = 'mt-6 text-lg font-semibold text-brand-800';
  const empty = (what: string) => <p className="mt-1 text-muted">Geen {what} bij deze keuze{state.kosten || state.fase ? ' en dit filter' : ''}.</p>;
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h2 id="detail-titel" className="text-2xl font-bold text-brand-800">
          {title}
        </h2>
        <CopyLinkButton href={wegwijzerHref(state)} />
      </div>
      {level && (
        <div className="mt-2 max-w-3xl">
          <p>
            <span className="font-medium">Preventieniveau {level.naam}:</span> {level.definitie}.{level.toelichting && ` ${level.toelichting}`}
          </p>
          {level.interpretatie && <Interpretation className="mt-2">{level.interpretatie}</Interpretation>}
        </div>
      )}

      <h3 className={h3}>{vragen.taken ?? 'Taken en verantwoordelijkheden'}</h3>
      {selection.tasks.length === 0 ? (
        empty('taken')
      ) : (
        <ul className="mt-2 space-y-2">
          {selection.tasks.map((id) => {
            const t = items.tasks[id];
            if (!t) return null;
            return (
              <li key={id} className="rounded border border-gray-300 p-2">
                <Link href={`/wetten/${t.wet}#${id}`} className="font-medium text-brand-700 underline">
                  {t.titel}
                </Link>
                <p className="text-sm text-muted">
                  <span className="font-medium">Niveau (interpretatie):</span> {t.niveauToelichting}
                </p>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className={h3}>Wie betaalt? (interpretatie)</h3>
      <p className="mt-1">{selection.payers.length ? selection.payers.map((p) => PAYER_LABEL[p]).join(' en ') : 'Niet aangegeven.'}</p>
      {data.wieBetaalt && (
        <div className="mt-2 border-l-4 border-accent-400 bg-accent-100 px-3 py-2 text-sm">
          <p>
            <strong>Interpretatie:</strong> {data.wieBetaalt.interpretatie}
          </p>
          <p className="mt-1">
            <span className="font-medium">{data.wieBetaalt.titel}:</span> {data.wieBetaalt.tekst}
          </p>
          <p className="mt-1 text-muted">Bron: {data.wieBetaalt.bron}</p>
        </div>
      )}

      <h3 className={h3}>{vragen.gesprek ?? 'Met wie kan ik hierover in gesprek?'}</h3>
      {partners.length === 0 ? (
        empty('gesprekspartners')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {partners.map((p) => (
            <li key={p.id}>
              {p.naam} <span className="text-sm text-muted">({p.kant === 'gemeente' ? 'gemeentekant' : 'zorgverzekeraarskant'})</span>
              {p.interpretatie && <Interpretation className="mt-1">{p.interpretatie}</Interpretation>}
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>{vragen.opgave ?? 'Wat is nodig voor onze opgave?'}: financieringsbronnen</h3>
      {selection.sources.length === 0 ? (
        empty('financieringsbronnen')
      ) : (
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {selection.sources.map((slug) => {
            const b = items.sources[slug];
            if (!b) return null;
            return (
              <li key={slug} className="rounded border border-gray-300 p-2">
                <Link href={`/bronnen/${slug}`} className="font-medium text-brand-700 underline">
                  {b.naam}
                </Link>
                <p className="text-sm">
                  {PAYER_LABEL[b.betaler]} · {b.looptijd}
                </p>
                <p className="text-sm">
                  <span className={`mr-1 inline-block rounded px-1.5 text-xs font-semibold ring-1 ${VALIDITY_TONE[b.validity.status]}`}>{b.validity.label}</span>
                  {b.validity.text}
                </p>
                <p className="text-sm text-muted">Kan betalen: {b.kosten.join(', ')}</p>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className={h3}>Interventies</h3>
      {selection.interventions.length === 0 ? (
        empty('interventies')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {selection.interventions.map((slug) => (
            <li key={slug}>
              <Link href={`/interventies/${slug}`} className="text-brand-700 underline">
                {items.interventions[slug]?.naam}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>Knelpunten en oplossingen</h3>
      {selection.knelpunten.length === 0 ? (
        empty('knelpunten')
      ) : (
        <ul className="mt-2 space-y-2">
          {selection.knelpunten.map((slug) => {
            const k = items.knelpunten[slug];
            if (!k) return null;
            return (
              <li key={slug} className="rounded border border-gray-300 p-2">
                <Link href={`/knelpunten#${slug}`} className="font-medium text-brand-700 underline">
                  {k.nummer} {k.titel}
                </Link>
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {k.oplossingen.map((o, i) => (
                    <li key={i}>{o}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className={h3}>Voorbeelden die dit gebruiken</h3>
      {selection.examples.length === 0 ? (
        empty('voorbeelden')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {selection.examples.map((slug) => (
            <li key={slug}>
              <Link href={`/voorbeelden/${slug}`} className="text-brand-700 underline">
                {items.examples[slug]?.naam}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
