import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LooptijdBadge, PayerBadge } from '@/components/badges';
import { Citations } from '@/components/citations';
import { Interpretation } from '@/components/interpretation';
import { LinkListSection } from '@/components/link-list';
import { MiniMatrix } from '@/components/mini-matrix';
import { AgeNotice } from '@/components/age-notice';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { isoToday } from '@/lib/content/days';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { cellKey } from '@/lib/content/matrix';
import { TableScroll } from '@/components/table-scroll';
import { metadataFor } from '@/lib/site';
import { voorbeeldText } from '@/lib/content/page-titles';
import { CopyLinkButton } from '@/components/copy-link-button';

type Props = { params: Promise<{ slug: string }> };

// Unknown slugs get the prerendered not-found page, not an on-demand render (README, decisions: content pages).
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().voorbeelden.map((v) => ({ slug: v.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = voorbeeldText(getCatalog(), (await params).slug);
  return page ? metadataFor(page) : { title: 'Pagina niet gevonden' };
}

export default async function VoorbeeldPage({ params }: Props) {
  const c = getCatalog();
  const v = c.by.voorbeelden.get((await params).slug);
  if (!v) notFound();
  const cells = new Set(v.cellen.map((cell) => cellKey(cell.wet, cell.niveau)));
  const notes = Object.fromEntries(v.cellen.map((cell) => [cellKey(cell.wet, cell.niveau), cell.toelichting]));
  const h2 = 'text-xl font-semibold text-brand-800';
  const today = isoToday();
  return (
    <>
      <PageHeader eyebrow={`Voorbeeld · ${v.schaal === 'regionaal' ? 'regionaal' : 'lokaal'}`} title={v.naam} intro={<p>{v.samenvatting}</p>} actions={<CopyLinkButton />} />
      <AgeNotice id="melding-voorbeelden" />

      <section aria-labelledby="verhaal" className="max-w-3xl">
        <h2 id="verhaal" className={h2}>
          Het verhaal (situatie rond 2020)
        </h2>
        {v.verhaal.map((p, i) => (
          <p key={i} className="mt-2">
            {p}
          </p>
        ))}
        {v.gemeenten.length > 0 && (
          <p className="mt-3">
            <span className="font-medium">Deelnemende gemeenten ({v.gemeenten.length}):</span> {v.gemeenten.join(', ')}.
          </p>
        )}
      </section>

      {v.succesfactoren.length > 0 && (
        <section aria-labelledby="succesfactoren" className="mt-6 max-w-3xl">
          <h2 id="succesfactoren" className={h2}>
            Succesfactoren
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {v.succesfactoren.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="mix" className="mt-6">
        <h2 id="mix" className={h2}>
          Financieringsmix
        </h2>
        <TableScroll label={`Financieringsmix van ${v.naam}`} className="mt-2">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Financieringsmix van {v.naam}, met de status van elke geldbron vandaag</caption>
            <thead>
              <tr className="border-b-2 border-gray-400 text-left">
                <th scope="col" className="py-2 pr-3">Financieringsbron</th>
                <th scope="col" className="py-2 pr-3">Betaler</th>
                <th scope="col" className="py-2 pr-3">Nu</th>
                <th scope="col" className="py-2 pr-3">Voorfinanciering of borging</th>
                <th scope="col" className="py-2">Toelichting</th>
              </tr>
            </thead>
            <tbody>
              {v.financieringsmix.map((m, i) => {
                const b = c.by.financieringsbronnen.get(m.financieringsbron);
                const vorm = m.financieringsvorm ? c.by.financieringsvormen.get(m.financieringsvorm) : undefined;
                return (
                  <tr key={i} className="border-b border-gray-200 align-top">
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      <a href={`/bronnen/${m.financieringsbron}`} className="text-brand-700 underline">
                        {b?.naam ?? m.financieringsbron}
                      </a>
                    </th>
                    <td className="py-2 pr-3">{b && <PayerBadge betaler={b.betaler} />}</td>
                    <td className="py-2 pr-3">{b && <ValidityBadge geldigheid={b.geldigheid} day={today} />}</td>
                    <td className="py-2 pr-3">
                      {vorm ? vorm.naam : b ? <LooptijdBadge looptijd={b.looptijd} /> : 'Niet genoemd'}
                    </td>
                    <td className="py-2">{m.toelichting}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <p className="no-print mt-3">
        <a href={`/plannen/nieuw?voorbeeld=${v.slug}`} className="nl-button nl-button--primary">
          Begin een plan met deze mix
        </a>
      </p>

      <section className="mt-6 max-w-3xl">
        <MiniMatrix cells={cells} notes={notes} markLabel="Gebruikt" caption={`Cellen van de wegwijzer die ${v.naam} gebruikt`} />
      </section>
      {v.interpretatie && <Interpretation className="mt-4 max-w-3xl">{v.interpretatie}</Interpretation>}

      <LinkListSection
        id="interventies"
        title="Interventies in dit voorbeeld"
        items={pick(c.by.interventies, v.interventies).map((i) => ({ key: i.slug, href: `/interventies/${i.slug}`, label: i.naam }))}
      />
      <Citations bron={v.bron} className="mt-6" />
    </>
  );
}
