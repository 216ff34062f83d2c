import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { getPlanContent } from '@/lib/plans/content-server';
import { sourceName } from '@/lib/plans/content';
import { CreatePlanForm } from './create-form';
import type { CreateState } from './create-state';

export const metadata: Metadata = {
  title: 'Nieuw financieringsplan',
  description: 'Maak een financieringsplan voor uw aanpak Kansrijke Start: behoefte en geldbronnen per kostensoort en jaar.',
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPlanPage({ searchParams }: Props) {
  const content = getPlanContent();
  const year = new Date().getFullYear();
  // /plannen/nieuw?voorbeeld=<slug> (the button on an example page) preselects that example's mix; anything else: an empty plan.
  const asked = (await searchParams).voorbeeld;
  const voorbeeld = typeof asked === 'string' && content.voorbeelden.some((v) => v.slug === asked) ? asked : 'leeg';
  const initial: CreateState = {
    status: 'editing',
    values: { municipality: '', title: '', startYear: String(year), endYear: String(year + 3), contactNote: '', voorbeeld },
    errors: {},
    message: null,
  };
  const examples = content.voorbeelden.map((v) => ({
    slug: v.slug,
    naam: v.naam,
    sources: v.financieringsmix.map((m) => sourceName(content, { sourceSlug: m.financieringsbron, customSourceName: null })),
  }));
  return (
    <>
      <PageHeader
        eyebrow="Financieringsplan"
        title="Nieuw financieringsplan"
        intro={
          <p>
            Zet per kostensoort en jaar op een rij wat uw aanpak Kansrijke Start nodig heeft en uit welke financieringsbronnen het geld komt.
            U krijgt een leeslink om te delen en een geheime bewerkingslink. U hoeft geen account te maken.
          </p>
        }
      />
      <CreatePlanForm initial={initial} examples={examples} />
    </>
  );
}
