import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { CreateRegionForm } from './create-form';
import type { RegionCreateState } from './create-state';

export const metadata: Metadata = {
  title: 'Nieuw regionaal plan',
  description: 'Verdeel gedeelde kosten van Kansrijke Start over de gemeenten van een regio, naar rato of in vaste delen.',
  robots: { index: false, follow: false },
};

export default function NewRegionPage() {
  const year = new Date().getFullYear();
  // Never prefill invented numbers: the member list starts empty.
  const initial: RegionCreateState = {
    status: 'editing',
    values: { name: '', startYear: String(year), endYear: String(year + 3), members: '' },
    errors: {},
    message: null,
  };
  return (
    <>
      <PageHeader
        eyebrow="Regionaal plan"
        title="Nieuw regionaal plan"
        intro={
          <p>
            Veel kosten van Kansrijke Start dragen gemeenten samen, zoals in{' '}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a content page loads as a document under its own policy; a <Link> would prefetch it and load its chunks into this page as scripts without this page's nonce (tests/e2e/pages.spec.ts) */}
            <a href="/voorbeelden/gelderland-midden" className="text-brand-700 underline">
              Gelderland-Midden
            </a>
            : gedeelde kosten zoals training en licenties worden naar rato verdeeld, en daarna betaalt elke gemeente haar eigen trajecten.
            Begin met de deelnemende gemeenten; de kosten vult u daarna in. U krijgt een leeslink en een geheime bewerkingslink.
          </p>
        }
      />
      <CreateRegionForm initial={initial} />
    </>
  );
}
