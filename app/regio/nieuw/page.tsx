import type { Metadata } from 'next';
import Link from 'next/link';
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
            <Link href="/voorbeelden/gelderland-midden" className="text-brand-700 underline">
              Gelderland-Midden
            </Link>
            : gedeelde kosten zoals training en licenties worden naar rato verdeeld, en daarna betaalt elke gemeente haar eigen trajecten.
            Begin met de deelnemende gemeenten; de kosten vult u daarna in. U krijgt een leeslink en een geheime bewerkingslink.
          </p>
        }
      />
      <CreateRegionForm initial={initial} />
    </>
  );
}
