import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PayerBadge, LooptijdBadge } from '@/components/badges';
import { Citations } from '@/components/citations';
import { Interpretation } from '@/components/interpretation';
import { AgeNotice } from '@/components/age-notice';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { isoToday } from '@/lib/content/days';
import { getCatalog } from '@/lib/content';
import { partnersFor, sourcesIn, tasksIn } from '@/lib/content/matrix';
import { metadataFor } from '@/lib/site';
import { wetText } from '@/lib/content/page-titles';
import { wegwijzerHref } from '@/lib/wegwijzer-url';
import { TableScroll } from '@/components/table-scroll';

type Props = { params: Promise<{ slug: string }> };

// Unknown slugs get the prerendered not-found page, not an on-demand render (README, decisions: content pages).
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().wetten.map((w) => ({ slug: w.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = wetText(getCatalog(), (await params).slug);
  return page ? metadataFor(page) : { title: 'Pagina niet gevonden' };
}

export default async function WetPage({ params }: Props) {
  const c = getCatalog();
  const w = c.by.wetten.get((await params).slug);
  if (!w) notFound();
  const tasks = tasksIn(c, { wet: w.slug });
  const today = isoToday();
  const sources = sourcesIn(c, { wet: w.slug }, {}, today);
  const rule = c.by.teksten.get('wie-betaalt');
  const partners = partnersFor(c, [w]);

  return (
    <>
      <PageHeader eyebrow={w.dwarsdoorsnijdend ? 'Dwarsdoorsnijdend beleid' : 'Wet'} title={w.naam} intro={<p>{w.omschrijving}</p>} />
      <AgeNotice id="melding-wetten" />
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Wie betaalt (interpretatie):</span>
        {w.betalers.map((b) => (
          <PayerBadge key={b} betaler={b} />
        ))}
      </p>
      {w.interpretatie && <Interpretation className="mt-3">{w.interpretatie}</Interpretation>}
      <Citations bron={w.bron} className="mt-2" />
      <p className="mt-3">
        <a href={wegwijzerHref({ wet: w.slug }, {}, '#detail')} className="text-brand-700 underline">
          Bekijk {w.korteNaam} in de wegwijzer
        </a>
      </p>

      <section aria-labelledby="taken" className="mt-8">
        <h2 id="taken" className="text-xl font-semibold text-brand-800">
          Taken over de drie preventieniveaus
        </h2>
        {rule && (
          <>
            <p className="mt-2 max-w-3xl">
              <span className="font-medium">{rule.titel}:</span> {rule.tekst}
            </p>
            {rule.interpretatie && <Interpretation className="mt-2">{rule.interpretatie}</Interpretation>}
            <Citations bron={rule.bron} className="mt-1" />
          </>
        )}
        <TableScroll label={`Taken van ${w.naam} per preventieniveau`} className="mt-3">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Taken van {w.naam} per preventieniveau</caption>
            <thead>
              <tr className="border-b-2 border-gray-400 text-left">
                <th scope="col" className="py-2 pr-3">
                  Taak
                </th>
                {c.niveaus.map((n) => (
                  <th key={n.slug} scope="col" className="px-2 py-2">
                    {n.naam}
                  </th>
                ))}
                <th scope="col" className="py-2 pl-2">
                  Waarom dit niveau
                </th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((t) => (
                <tr key={t.id} id={t.id} className="scroll-mt-4 border-b border-gray-200 align-top target:bg-accent-100">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    {t.titel}
                    {t.omschrijving && <span className="block font-normal text-muted">{t.omschrijving}</span>}
                    <Citations bron={t.bron} className="mt-1 font-normal" />
                  </th>
                  {c.niveaus.map((n) => (
                    <td key={n.slug} className="px-2 py-2">
                      {t.niveaus.includes(n.slug) ? (
                        <a href={wegwijzerHref({ wet: w.slug, niveau: n.slug }, {}, '#detail')} className="font-semibold text-brand-700 underline">
                          Ja<span className="sr-only">, {n.naam}: bekijk in de wegwijzer</span>
                        </a>
                      ) : (
                        <span className="text-muted">
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">Nee</span>
                        </span>
                      )}
                    </td>
                  ))}
                  <td className="py-2 pl-2 text-muted">{t.niveauToelichting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="gesprek" className="mt-8">
        <h2 id="gesprek" className="text-xl font-semibold text-brand-800">
          Met wie kan ik hierover in gesprek?
        </h2>
        <ul className="mt-2 list-disc pl-5">
          {partners.map((p) => (
            <li key={p.id}>
              <span className="font-medium">{p.naam}</span>
              {p.omschrijving && <span className="text-muted"> — {p.omschrijving}</span>}
              {p.interpretatie && <Interpretation className="mt-1">{p.interpretatie}</Interpretation>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bronnen" className="mt-8">
        <h2 id="bronnen" className="text-xl font-semibold text-brand-800">
          Financieringsbronnen onder {w.korteNaam}
        </h2>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {sources.map((b) => (
            <li key={b.slug} className="rounded border border-gray-300 p-2">
              <a href={`/bronnen/${b.slug}`} className="font-medium text-brand-700 underline">
                {b.naam}
              </a>
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
      </section>
    </>
  );
}
