import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';
import { SiteText, siteValues } from '@/components/site-text';
import { getCatalog } from '@/lib/content';
import { formatPeildatum } from '@/lib/content/labels';
import { pageMetadata } from '@/lib/site';

function pagina(id: 'toegankelijkheid' | 'privacy' | 'colofon') {
  const p = getCatalog().by.paginas.get(id);
  // The content check requires these ids (lib/content/validate.ts REQUIRED_IDS).
  if (!p) throw new Error(`content/paginas.yaml: "${id}" ontbreekt`);
  return p;
}

export function sitePageMetadata(id: 'toegankelijkheid' | 'privacy' | 'colofon'): Metadata {
  const p = pagina(id);
  return pageMetadata(p.titel, p.beschrijving, `/${id}`);
}

/** A page about the site itself, from content/paginas.yaml: a heading per section, paragraphs and lists. */
export function SitePage({ id, children }: { id: 'toegankelijkheid' | 'privacy' | 'colofon'; children?: ReactNode }) {
  const p = pagina(id);
  const values = siteValues();
  return (
    <article className="max-w-3xl">
      <PageHeader title={p.titel} intro={p.intro ? <p className="nl-paragraph nl-paragraph--lead">{<SiteText text={p.intro} values={values} />}</p> : undefined} />
      {p.secties.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-kop`} className="mt-8 scroll-mt-4">
          <h2 id={`${s.id}-kop`} className="nl-heading nl-heading--level-2">
            {s.kop}
          </h2>
          {s.alineas.map((a, i) => (
            <p key={i} className="nl-paragraph mt-2">
              <SiteText text={a} values={values} />
            </p>
          ))}
          {s.lijst.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {s.lijst.map((l, i) => (
                <li key={i}>
                  <SiteText text={l} values={values} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {children}
      <p className="mt-8 text-sm text-muted">
        Tekst bijgewerkt op <time dateTime={p.datum}>{formatPeildatum(p.datum)}</time>.
      </p>
    </article>
  );
}
