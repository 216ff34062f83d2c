import { CopyLinkButton } from '@/components/copy-link-button';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { THEMA_LABEL } from '@/lib/content/labels';
import { fixedPage } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';
import { KnelpuntBody } from './knelpunt-body';

export const metadata = metadataFor(fixedPage('/knelpunten'));

export default function KnelpuntenPage() {
  const c = getCatalog();
  const themes = Object.keys(THEMA_LABEL) as (keyof typeof THEMA_LABEL)[];
  return (
    <>
      <PageHeader
        title="Knelpunten"
        intro={
          <p>
            Knelpunten in de financiering van de preventieketen rond de geboorte, met oplossingen en acties. Bron: het werkdocument{' '}
            <em>Duurzame financiering Ketenaanpak Kansrijke Start</em> (december 2020); bedragen en regels daarin zijn van toen.
          </p>
        }
      />
      <nav aria-label="Thema's" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {themes.map((t) => (
            <li key={t}>
              <a href={`#thema-${t}`} className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-700">
                {THEMA_LABEL[t]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {themes.map((t) => {
        const list = c.knelpunten.filter((k) => k.thema === t);
        if (list.length === 0) return null;
        return (
          <section key={t} id={`thema-${t}`} aria-labelledby={`thema-${t}-titel`} className="mt-8 scroll-mt-4">
            <h2 id={`thema-${t}-titel`} className="text-xl font-semibold text-brand-800">
              {THEMA_LABEL[t]}
            </h2>
            {list.map((k) => (
              // Styles in app/globals.css (.knelpunt): one card per knelpunt, and a class string per element would travel in the inline RSC data once per card.
              <article key={k.slug} id={k.slug} aria-labelledby={`${k.slug}-titel`} className="knelpunt">
                <header>
                  {/* A self-link, as on documentation sites: its name is the heading's text; the "#" (CSS) shows on hover and focus. */}
                  <h3 id={`${k.slug}-titel`}>
                    <a href={`#${k.slug}`} className="self-link">
                      {`${k.nummer} ${k.titel}`}
                    </a>
                  </h3>
                  <CopyLinkButton href={`#${k.slug}`} name={`Kopieer link naar knelpunt ${k.nummer}`} />
                </header>
                <KnelpuntBody
                  k={k}
                  c={c}
                  heading="h4"
                  facts={
                    // The dated facts are on the knelpunt's own page: tables of up to nine rows each would make this
                    // list twice as long to read, and heavier to load than its budget (README, decisions).
                    <p className="knelpunt-meta">
                      <a href={`/knelpunten/${k.slug}${k.feiten.length > 0 ? '#feiten' : ''}`}>
                        {k.feiten.length > 0 ? `Bedragen en feiten bij knelpunt ${k.nummer} (${k.feiten.length})` : `Knelpunt ${k.nummer} op een eigen pagina`}
                      </a>
                    </p>
                  }
                />
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
