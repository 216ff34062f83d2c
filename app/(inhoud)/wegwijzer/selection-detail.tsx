import { CopyLinkButton } from '@/components/copy-link-button';
import { Interpretation } from '@/components/interpretation';
import { ValidityBadge } from '@/components/validity';
import type { Catalog } from '@/lib/content/catalog';
import { BETALER_LABEL, LOOPTIJD_LABEL } from '@/lib/content/labels';
import { selectionDetail, type MatrixFilters, type Selection } from '@/lib/content/matrix';
import { payerRule } from '@/lib/content/wegwijzer';
import { DETAIL_HEADING_ID } from '@/lib/wegwijzer-url';

/** The detail heading; focus moves here after a choice (tabIndex -1: focusable by script, not a tab stop). */
function DetailHeading({ children }: { children: React.ReactNode }) {
  return (
    <h2 id={DETAIL_HEADING_ID} tabIndex={-1} className="scroll-mt-4 text-2xl font-bold text-brand-800">
      {children}
    </h2>
  );
}

export function NoSelection() {
  return (
    <div className="rounded border border-dashed border-gray-400 p-4 xl:border-0 xl:p-0">
      <DetailHeading>Kies een cel</DetailHeading>
      <p className="mt-1">
        Kies in de matrix een wet en een preventieniveau (of een hele wet of een heel preventieniveau). Hier verschijnen dan
        de taken, wie betaalt, met wie u in gesprek kunt, de financieringsbronnen, interventies, knelpunten en voorbeelden.
      </p>
    </div>
  );
}

/** What the matrix says about one selection (cell, law or level), under the current filters. */
export function SelectionDetail({
  c,
  selection,
  filters,
  day,
  shareHref,
}: {
  c: Catalog;
  selection: Selection;
  filters: MatrixFilters;
  day: string;
  /** The link to this view, for "Kopieer link". */
  shareHref: string;
}) {
  const d = selectionDetail(c, selection, filters, day);
  const law = selection.wet ? c.by.wetten.get(selection.wet) : undefined;
  const level = selection.niveau ? c.by.niveaus.get(selection.niveau) : undefined;
  const vraag = (id: string, fallback: string) => c.vragen.find((v) => v.id === id)?.vraag ?? fallback;
  const rule = payerRule(c);
  const h3 = 'mt-6 text-lg font-semibold text-brand-800';
  const empty = (what: string) => <p className="mt-1 text-muted">Geen {what} bij deze keuze{filters.kosten || filters.fase ? ' en dit filter' : ''}.</p>;
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <DetailHeading>{[law?.naam, level?.naam].filter(Boolean).join(' · ')}</DetailHeading>
        <CopyLinkButton href={shareHref} />
      </div>
      {level && (
        <div className="mt-2 max-w-3xl">
          <p>
            <span className="font-medium">Preventieniveau {level.naam}:</span> {level.definitie}.{level.toelichting && ` ${level.toelichting}`}
          </p>
          {level.interpretatie && <Interpretation className="mt-2">{level.interpretatie}</Interpretation>}
        </div>
      )}

      <h3 className={h3}>{vraag('taken', 'Taken en verantwoordelijkheden')}</h3>
      {d.tasks.length === 0 ? (
        empty('taken')
      ) : (
        <ul className="mt-2 space-y-2">
          {d.tasks.map((t) => (
            <li key={t.id} className="rounded border border-gray-300 p-2">
              <a href={`/wetten/${t.wet}#${t.id}`} className="font-medium text-brand-700 underline">
                {t.titel}
              </a>
              <p className="text-sm text-muted">
                <span className="font-medium">Niveau (interpretatie):</span> {t.niveauToelichting}
              </p>
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>Wie betaalt? (interpretatie)</h3>
      <p className="mt-1">{d.payers.length ? d.payers.map((p) => BETALER_LABEL[p]).join(' en ') : 'Niet aangegeven.'}</p>
      {rule && (
        <div className="mt-2 border-l-4 border-accent-400 bg-accent-100 px-3 py-2 text-sm">
          {rule.interpretatie && (
            <p>
              <strong>Interpretatie:</strong> {rule.interpretatie}
            </p>
          )}
          <p className="mt-1">
            <span className="font-medium">{rule.titel}:</span> {rule.tekst}
          </p>
          <p className="mt-1 text-muted">Bron: {rule.bron}</p>
        </div>
      )}

      <h3 className={h3}>{vraag('gesprek', 'Met wie kan ik hierover in gesprek?')}</h3>
      {d.partners.length === 0 ? (
        empty('gesprekspartners')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {d.partners.map((p) => (
            <li key={p.id}>
              {p.naam} <span className="text-sm text-muted">({p.kant === 'gemeente' ? 'gemeentekant' : 'zorgverzekeraarskant'})</span>
              {p.interpretatie && <Interpretation className="mt-1">{p.interpretatie}</Interpretation>}
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>{vraag('opgave', 'Wat is nodig voor onze opgave?')}: financieringsbronnen</h3>
      {d.sources.length === 0 ? (
        empty('financieringsbronnen')
      ) : (
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-1">
          {d.sources.map((b) => (
            <li key={b.slug} className="rounded border border-gray-300 p-2">
              <a href={`/bronnen/${b.slug}`} className="font-medium text-brand-700 underline">
                {b.naam}
              </a>
              <p className="text-sm">
                {BETALER_LABEL[b.betaler]} · {LOOPTIJD_LABEL[b.looptijd]}
              </p>
              <p className="text-sm">
                <ValidityBadge geldigheid={b.geldigheid} day={day} />
              </p>
              <p className="text-sm text-muted">Kan betalen: {b.kostensoorten.map((k) => c.by.kostensoorten.get(k)?.naam ?? k).join(', ')}</p>
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>Interventies</h3>
      {d.interventions.length === 0 ? (
        empty('interventies')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {d.interventions.map((i) => (
            <li key={i.slug}>
              <a href={`/interventies/${i.slug}`} className="text-brand-700 underline">
                {i.naam}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>Knelpunten en oplossingen</h3>
      {d.knelpunten.length === 0 ? (
        empty('knelpunten')
      ) : (
        <ul className="mt-2 space-y-2">
          {d.knelpunten.map((k) => (
            <li key={k.slug} className="rounded border border-gray-300 p-2">
              <a href={`/knelpunten/${k.slug}`} className="font-medium text-brand-700 underline">
                {k.nummer} {k.titel}
              </a>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {k.oplossingen.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}

      <h3 className={h3}>Voorbeelden die dit gebruiken</h3>
      {d.examples.length === 0 ? (
        empty('voorbeelden')
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {d.examples.map((v) => (
            <li key={v.slug}>
              <a href={`/voorbeelden/${v.slug}`} className="text-brand-700 underline">
                {v.naam}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
