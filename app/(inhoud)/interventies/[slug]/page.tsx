import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Citations } from '@/components/citations';
import { Facts } from '@/components/facts';
import { Interpretation } from '@/components/interpretation';
import { LinkListSection } from '@/components/link-list';
import { MiniMatrix } from '@/components/mini-matrix';
import { PageHeader } from '@/components/page-header';
import { isoToday } from '@/lib/content/days';
import { answerFor, answerSheetHref } from '@/lib/content/answers';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { cellKey, cellsOfIntervention } from '@/lib/content/matrix';
import { metadataFor } from '@/lib/site';
import { interventieText } from '@/lib/content/page-titles';
import { CopyLinkButton } from '@/components/copy-link-button';
import { wegwijzerHref } from '@/lib/wegwijzer-url';
import { AnswerBlock } from '../answer-block';

type Props = { params: Promise<{ slug: string }> };

// Unknown slugs get the prerendered not-found page, not an on-demand render (README, decisions: content pages).
export const dynamicParams = false;

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
  const answer = answerFor(c, i, today);
  const mainCell = answer.main.found ? cellKey(answer.main.wet.slug, answer.main.niveau.slug) : undefined;
  const h2 = 'text-xl font-semibold text-brand-800';
  return (
    <>
      <PageHeader eyebrow="Interventie" title={i.naam} intro={<p>{i.omschrijving}</p>} actions={<CopyLinkButton />} />
      <AnswerBlock answer={answer} today={today} />
      <p className="no-print -mt-3 mb-6">
        <a href={answerSheetHref([i.slug])} className="text-brand-700 underline">
          Combineer met andere interventies in één antwoordblad
        </a>
      </p>

      <section aria-labelledby="over" className="mt-6">
        <h2 id="over" className={h2}>
          Over deze interventie
        </h2>
        <p className="mt-2 text-sm">
          Fasen: {pick(c.by.fasen, i.fasen).map((f) => f.naam).join(', ')}. Preventieniveaus:{' '}
          {pick(c.by.niveaus, i.niveaus).map((n) => n.naam).join(', ')}.
        </p>
        {i.interpretatie && <Interpretation className="mt-3">{i.interpretatie}</Interpretation>}
        <Citations bron={i.bron} className="mt-2" />
        <p className="mt-3">
          <a href={wegwijzerHref({ interventie: i.slug })} className="text-brand-700 underline">
            Toon {i.naam} in de wegwijzer
          </a>
        </p>
      </section>

      <section aria-labelledby="financiering" className="mt-6">
        <h2 id="financiering" className={h2}>
          Wat de bronnen zeggen over de financiering
        </h2>
        <p className="mt-2 max-w-3xl">{i.financiering}</p>
      </section>

      {i.feiten.length > 0 && (
        <section className="mt-6">
          <Facts feiten={i.feiten} caption="Kosten en andere feiten" />
        </section>
      )}

      <section className="mt-6 max-w-2xl">
        <MiniMatrix
          cells={cellsOfIntervention(i)}
          caption={`Cellen van de wegwijzer die ${i.naam} raakt`}
          notes={mainCell ? { [mainCell]: 'Hoofdroute' } : {}}
        />
      </section>

      <LinkListSection
        id="knelpunten"
        title="Knelpunten over deze interventie"
        items={c.knelpunten.filter((k) => k.interventies.includes(i.slug)).map((k) => ({ key: k.slug, href: `/knelpunten/${k.slug}`, label: `${k.nummer} ${k.titel}` }))}
      />
      <LinkListSection
        id="voorbeelden"
        title="Voorbeelden die deze interventie inzetten"
        items={c.voorbeelden.filter((v) => v.interventies.includes(i.slug)).map((v) => ({ key: v.slug, href: `/voorbeelden/${v.slug}`, label: v.naam }))}
      />
    </>
  );
}
