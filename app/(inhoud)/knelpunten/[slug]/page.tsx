import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AgeNotice } from '@/components/age-notice';
import { CopyLinkButton } from '@/components/copy-link-button';
import { Facts } from '@/components/facts';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { THEMA_LABEL } from '@/lib/content/labels';
import { knelpuntText } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';
import { KnelpuntBody } from '../knelpunt-body';

type Props = { params: Promise<{ slug: string }> };

// Unknown slugs get the prerendered not-found page, not an on-demand render (README, decisions: content pages).
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().knelpunten.map((k) => ({ slug: k.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = knelpuntText(getCatalog(), (await params).slug);
  return page ? metadataFor(page) : { title: 'Pagina niet gevonden' };
}

/**
 * One knelpunt with everything the list shows and its dated facts: a page of its own to share (its title and
 * preview image name the knelpunt) and to read the amounts, which the list links to (README, decisions).
 */
export default async function KnelpuntPage({ params }: Props) {
  const c = getCatalog();
  const k = c.by.knelpunten.get((await params).slug);
  if (!k) notFound();
  return (
    <>
      <PageHeader eyebrow={`Knelpunt ${k.nummer} · ${THEMA_LABEL[k.thema]}`} title={k.titel} actions={<CopyLinkButton />} />
      <AgeNotice id="melding-knelpunt" />
      <div className="knelpunt-page max-w-3xl">
        <KnelpuntBody
          k={k}
          c={c}
          heading="h2"
          facts={
            k.feiten.length > 0 && (
              <div id="feiten" className="mt-6 scroll-mt-4">
                <Facts feiten={k.feiten} caption="Bedragen en feiten" />
              </div>
            )
          }
        />
        <p className="mt-6">
          <a href={`/knelpunten#${k.slug}`} className="text-brand-700 underline">
            Alle knelpunten
          </a>
        </p>
      </div>
    </>
  );
}
