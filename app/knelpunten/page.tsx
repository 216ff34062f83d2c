import { Citations } from '@/components/citations';
import { CopyLinkButton } from '@/components/copy-link-button';
import { Facts } from '@/components/facts';
import { Interpretation } from '@/components/interpretation';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { THEMA_LABEL } from '@/lib/content/labels';
import { fixedPage } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

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
              <article key={k.slug} id={k.slug} aria-labelledby={`${k.slug}-titel`} className="mt-4 scroll-mt-4 rounded border border-gray-300 p-4 target:border-brand-700 target:bg-brand-50">
                <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
                  {/* A self-link, as on documentation sites: its name is the heading's text; the "#" shows on hover and focus. */}
                  <h3 id={`${k.slug}-titel`} className="text-lg font-semibold">
                    <a href={`#${k.slug}`} className="group text-ink no-underline hover:underline focus-visible:underline">
                      {k.nummer} {k.titel}
                      <span aria-hidden="true" className="ml-1.5 text-brand-700 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100">
                        #
                      </span>
                    </a>
                  </h3>
                  <CopyLinkButton href={`#${k.slug}`} name={`Kopieer link naar knelpunt ${k.nummer}`} />
                </div>
                <h4 className="mt-2 font-medium">Probleem</h4>
                <p>{k.probleem}</p>
                <h4 className="mt-2 font-medium">Oplossingen</h4>
                <ul className="list-disc pl-5">
                  {k.oplossingen.map((o, i) => (
                    <li key={i}>{o}</li>
                  ))}
                </ul>
                {k.acties.length > 0 && (
                  <>
                    <h4 className="mt-2 font-medium">Acties (2020)</h4>
                    <ul className="list-disc pl-5">
                      {k.acties.map((a, i) => (
                        <li key={i}>{a}</li>
                      ))}
                    </ul>
                  </>
                )}
                {k.feiten.length > 0 && (
                  <div className="mt-3">
                    <Facts feiten={k.feiten} caption="Bedragen en feiten" />
                  </div>
                )}
                <p className="mt-2 text-sm">
                  {[
                    k.wetten.length > 0 && `Wetten: ${pick(c.by.wetten, k.wetten).map((w) => w.korteNaam).join(', ')}`,
                    k.fasen.length > 0 && `Fasen: ${pick(c.by.fasen, k.fasen).map((f) => f.naam).join(', ')}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {(k.interventies.length > 0 || k.financieringsbronnen.length > 0) && (
                  <p className="mt-1 text-sm">
                    Zie ook:{' '}
                    {[
                      ...pick(c.by.interventies, k.interventies).map((i) => ({ href: `/interventies/${i.slug}`, label: i.naam })),
                      ...pick(c.by.financieringsbronnen, k.financieringsbronnen).map((b) => ({ href: `/bronnen/${b.slug}`, label: b.naam })),
                    ].map((l, i) => (
                      <span key={l.href}>
                        {i > 0 && ', '}
                        <a href={l.href} className="text-brand-700 underline">
                          {l.label}
                        </a>
                      </span>
                    ))}
                  </p>
                )}
                {k.interpretatie && <Interpretation className="mt-2">{k.interpretatie}</Interpretation>}
                <Citations bron={k.bron} className="mt-2" />
              </article>
            ))}
          </section>
        );
      })}
    </>
  );
}
