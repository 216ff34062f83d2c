import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LooptijdBadge, PayerBadge } from '@/components/badges';
import { Citations } from '@/components/citations';
import { Facts } from '@/components/facts';
import { Interpretation } from '@/components/interpretation';
import { LinkListSection } from '@/components/link-list';
import { MiniMatrix } from '@/components/mini-matrix';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { cellKey } from '@/lib/content/matrix';
import { metadataFor } from '@/lib/site';
import { bronText } from '@/lib/content/page-titles';

type Props = { params: Promise<{ slug: string }> };

// Unknown slugs get the prerendered not-found page, not an on-demand render (README, decisions: content pages).
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().financieringsbronnen.map((b) => ({ slug: b.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = bronText(getCatalog(), (await params).slug);
  return page ? metadataFor(page) : { title: 'Pagina niet gevonden' };
}

export default async function BronPage({ params }: Props) {
  const c = getCatalog();
  const b = c.by.financieringsbronnen.get((await params).slug);
  if (!b) notFound();
  const cells = new Set(b.wetten.flatMap((w) => b.niveaus.map((n) => cellKey(w, n))));
  const interventions = c.interventies.filter((i) => i.financieringsbronnen.includes(b.slug));
  const knelpunten = c.knelpunten.filter((k) => k.financieringsbronnen.includes(b.slug));
  const examples = c.voorbeelden.filter((v) => v.financieringsmix.some((m) => m.financieringsbron === b.slug));
  const h2 = 'text-xl font-semibold text-brand-800';

  return (
    <>
      <PageHeader eyebrow="Financieringsbron" title={b.naam} intro={<p>{b.omschrijving}</p>} />
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">Betaler</dt>
        <dd>
          <PayerBadge betaler={b.betaler} />
        </dd>
        <dt className="font-medium">Geldig</dt>
        <dd>
          <ValidityBadge geldigheid={b.geldigheid} />
          <span className="mt-1 block max-w-2xl">{b.geldigheid.toelichting}</span>
          {b.geldigheid.opvolger && (
            <span className="mt-1 block">
              Opvolger:{' '}
              <a href={`/bronnen/${b.geldigheid.opvolger}`} className="text-brand-700 underline">
                {c.by.financieringsbronnen.get(b.geldigheid.opvolger)?.naam}
              </a>
            </span>
          )}
          <Citations bron={b.geldigheid.bron} className="mt-1" />
        </dd>
        <dt className="font-medium">Looptijd</dt>
        <dd>
          <LooptijdBadge looptijd={b.looptijd} />
        </dd>
        <dt className="font-medium">Kan betalen</dt>
        <dd>{pick(c.by.kostensoorten, b.kostensoorten).map((k) => k.naam).join(', ')}</dd>
        <dt className="font-medium">Wetten</dt>
        <dd>
          {pick(c.by.wetten, b.wetten).map((w, i) => (
            <span key={w.slug}>
              {i > 0 && ', '}
              <a href={`/wetten/${w.slug}`} className="text-brand-700 underline">
                {w.naam}
              </a>
            </span>
          ))}
        </dd>
      </dl>
      {b.interpretatie && <Interpretation className="mt-4">{b.interpretatie}</Interpretation>}
      <Citations bron={b.bron} className="mt-2" />

      {b.voorwaarden.length > 0 && (
        <section aria-labelledby="voorwaarden" className="mt-6">
          <h2 id="voorwaarden" className={h2}>
            Voorwaarden
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {b.voorwaarden.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        </section>
      )}
      {b.kanttekeningen.length > 0 && (
        <section aria-labelledby="kanttekeningen" className="mt-6">
          <h2 id="kanttekeningen" className={h2}>
            Kanttekeningen
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {b.kanttekeningen.map((v, i) => (
              <li key={i}>{v}</li>
            ))}
          </ul>
        </section>
      )}
      {b.feiten.length > 0 && (
        <section className="mt-6">
          <Facts feiten={b.feiten} />
        </section>
      )}

      <section className="mt-6 max-w-2xl">
        <MiniMatrix cells={cells} caption="Waar deze financieringsbron in de wegwijzer staat" />
      </section>

      {b.gesprekspartners.length > 0 && (
        <section aria-labelledby="gesprek" className="mt-6">
          <h2 id="gesprek" className={h2}>
            Met wie kan ik hierover in gesprek?
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {pick(c.by.gesprekspartners, b.gesprekspartners).map((g) => (
              <li key={g.id}>
                {g.naam}
                {g.interpretatie && <Interpretation className="mt-1">{g.interpretatie}</Interpretation>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <LinkListSection id="interventies" title="Interventies die deze financieringsbron kan betalen" items={interventions.map((i) => ({ key: i.slug, href: `/interventies/${i.slug}`, label: i.naam }))} />
      <LinkListSection id="knelpunten" title="Knelpunten die deze financieringsbron noemen" items={knelpunten.map((k) => ({ key: k.slug, href: `/knelpunten/${k.slug}`, label: `${k.nummer} ${k.titel}` }))} />
      <LinkListSection id="voorbeelden" title="Voorbeelden die deze financieringsbron gebruiken" items={examples.map((v) => ({ key: v.slug, href: `/voorbeelden/${v.slug}`, label: v.naam }))} />
    </>
  );
}
