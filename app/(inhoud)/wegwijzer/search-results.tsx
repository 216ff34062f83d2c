import { Fragment } from 'react';
import { getCatalog } from '@/lib/content';
import { MAX_SHOWN, SEARCH_KIND_SINGULAR, type search, type Segment } from '@/lib/content/search';
import { wegwijzerHref, type WegwijzerState } from '@/lib/wegwijzer-url';

/**
 * Text with the matched parts in <mark>: React text nodes only, never HTML
 * from the content or the query. The marks carry no class (their look comes
 * from the list, MARK_STYLE): a one-letter query marks hundreds of places,
 * and each would repeat it in the page's inline RSC data.
 */
function Marked({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

const MARK_STYLE = '[&_mark]:rounded-sm [&_mark]:bg-accent-400/50 [&_mark]:px-0.5 [&_mark]:font-semibold [&_mark]:text-ink';

/** The search hits of /wegwijzer?q=, best first, each with why it matched and where. */
export function SearchResults({ result, state }: { result: ReturnType<typeof search>; state: WegwijzerState }) {
  const c = getCatalog();
  const cellName = (key: string) => {
    const [w, n] = key.split('|');
    return `${c.by.wetten.get(w ?? '')?.korteNaam ?? w} × ${c.by.niveaus.get(n ?? '')?.naam ?? n}`;
  };
  const shown = result.hits.slice(0, MAX_SHOWN);
  return (
    <section aria-labelledby="zoek-titel" className="mb-6">
      <h2 id="zoek-titel" className="text-xl font-semibold">
        {result.hits.length === 0
          ? `Geen resultaten voor “${result.query}”`
          : `${result.hits.length} ${result.hits.length === 1 ? 'resultaat' : 'resultaten'} voor “${result.query}”`}
      </h2>
      {result.hits.length === 0 ? (
        <p className="mt-1">Probeer een ander of korter woord. Zoeken negeert hoofdletters, accenten en koppeltekens.</p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            Beste treffers eerst: in de titel, dan in de trefwoorden (wet, niveau, fase, betaler), dan in de tekst. Cellen met
            treffers zijn in de tabel gemarkeerd.
          </p>
          <ol className={`mt-3 max-w-4xl space-y-3 ${MARK_STYLE}`}>
            {shown.map((h) => (
              <li key={`${h.kind}-${h.id}`} className="border-l-4 border-brand-100 pl-3">
                <p>
                  <span className="text-sm text-muted">{SEARCH_KIND_SINGULAR[h.kind]}: </span>
                  {h.href ? (
                    <a href={h.href} className="font-medium text-brand-700 underline">
                      <Marked segments={h.titleSegments} />
                    </a>
                  ) : (
                    <span className="font-medium">
                      <Marked segments={h.titleSegments} />
                    </span>
                  )}
                  <span className="text-sm text-muted"> — gevonden {h.reasons.join(', ')}</span>
                </p>
                {h.tagSegments.length > 0 && (
                  <p className="text-sm">
                    Trefwoorden:{' '}
                    {h.tagSegments.map((t, i) => (
                      <Fragment key={i}>
                        {i > 0 && ', '}
                        <Marked segments={t} />
                      </Fragment>
                    ))}
                  </p>
                )}
                {h.snippet.length > 0 && (
                  <p className="text-sm [overflow-wrap:anywhere]">
                    <Marked segments={h.snippet} />
                  </p>
                )}
                {h.cells.length > 0 && (
                  <p className="text-sm">
                    In:{' '}
                    {h.cells.slice(0, 4).map((cell, i) => {
                      const [w, n] = cell.split('|');
                      return (
                        <span key={cell}>
                          {i > 0 && ', '}
                          <a href={wegwijzerHref(state, { wet: w, niveau: n }, '#detail')} className="text-brand-700 underline">
                            {cellName(cell)}
                          </a>
                        </span>
                      );
                    })}
                    {h.cells.length > 4 && ` en ${h.cells.length - 4} andere cellen`}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {result.hits.length > shown.length && (
            <p className="mt-3 text-sm">
              Nog {result.hits.length - shown.length} resultaten niet getoond; maak uw zoekopdracht preciezer.
            </p>
          )}
        </>
      )}
    </section>
  );
}
