import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LooptijdBadge, PayerBadge } from '@/components/badges';
import { Citations } from '@/components/citations';
import { Facts } from '@/components/facts';
import { Interpretation } from '@/components/interpretation';
import { LinkListSection } from '@/components/link-list';
import { MiniMatrix } from '@/components/mini-matrix';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { isoToday } from '@/lib/content/days';
import { sortByValidity } from '@/lib/content/validity';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { cellsOfIntervention } from '@/lib/content/matrix';
import { metadataFor } from '@/lib/site';
import { interventieText } from '@/lib/content/page-titles';
import { CopyLinkButton } from '@/components/copy-link-button';
import { wegwijzerHref } from '@/lib/wegwijzer-url';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getCatalog().interventies.map((i) => ({ slug: i.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = interventieText(getCatalog(), (await params).slug);
  return page ? metadataFor(page) : { title: 'Pagina niet gevonden' };
}

export default async function InterventiePage({ params }: Props) {
  const c = getCatalog();
  const i = c.by.interventies.get((await params).slug);
  if (!i) notFound();
  const today = isoToday();
  const sources = sortByValidity(pick(c.by.financieringsbronnen, i.financieringsbronnen), today);
  const h2 = 'text-xl font-semibold text-brand-800';
  return (
    <>
      <PageHeader eyebrow="Interventie" title={i.naam} intro={<p>{i.omschrijving}</p>} actions={<CopyLinkButton />} />
      <p className="text-sm">
        Fasen: {pick(c.by.fasen, i.fasen).map((f) => f.naam).join(', ')}. Preventieniveaus:{' '}
        {pick(c.by.niveaus, i.niveaus).map((n) => n.naam).join(', ')}.
      </p>
      {i.interpretatie && <Interpretation className="mt-3">{i.interpretatie}</Interpretation>}
      <Citations bron={i.bron} className="mt-2" />
      <p className="mt-3">
        <Link href={wegwijzerHref({ interventie: i.slug })} className="text-brand-700 underline">
          Toon {i.naam} in de wegwijzer
        </Link>
      </p>

      <section aria-labelledby="financiering" className="mt-6">
        <h2 id="financiering" className={h2}>
          Financiering
        </h2>
        <p className="mt-2 max-w-3xl">{i.financiering}</p>
      </section>

      <section aria-labelledby="routes" className="mt-6">
        <h2 id="routes" className={h2}>
          Routes naar geld
        </h2>
        {sources.length === 0 ? (
          <p className="mt-2">De bronnen noemen geen specifieke financieringsbron voor deze interventie.</p>
        ) : (
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {sources.map((b) => (
              <li key={b.slug} className="rounded border border-gray-300 p-2">
                <Link href={`/bronnen/${b.slug}`} className="font-medium text-brand-700 underline">
                  {b.naam}
                </Link>
                <p className="mt-1 flex flex-wrap gap-1">
                  <PayerBadge betaler={b.betaler} />
                  <LooptijdBadge looptijd={b.looptijd} />
                </p>
                <p className="mt-1">
                  <ValidityBadge geldigheid={b.geldigheid} day={today} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {i.feiten.length > 0 && (
        <section className="mt-6">
          <Facts feiten={i.feiten} caption="Kosten en andere feiten" />
        </section>
      )}

      <section className="mt-6 max-w-2xl">
        <MiniMatrix cells={cellsOfIntervention(i)} caption={`Cellen van de wegwijzer die ${i.naam} raakt`} />
      </section>

      <LinkListSection
        id="knelpunten"
        title="Knelpunten over deze interventie"
        items={c.knelpunten.filter((k) => k.interventies.includes(i.slug)).map((k) => ({ key: k.slug, href: `/knelpunten#${k.slug}`, label: `${k.nummer} ${k.titel}` }))}
      />
      <LinkListSection
        id="voorbeelden"
        title="Voorbeelden die deze interventie inzetten"
        items={c.voorbeelden.filter((v) => v.interventies.includes(i.slug)).map((v) => ({ key: v.slug, href: `/voorbeelden/${v.slug}`, label: v.naam }))}
      />
    </>
  );
}
