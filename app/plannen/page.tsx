import type { Metadata } from 'next';
import Link from 'next/link';
import { MyPlansList } from '@/components/my-plans';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = {
  title: 'Mijn plannen',
  description: 'De financieringsplannen en regionale plannen die u in deze browser heeft geopend.',
};

/**
 * "Mijn plannen": the list lives in this browser only (localStorage, see
 * lib/my-plans.ts), so the server renders the frame and the client the list
 * (without JavaScript: a sentence that the list needs it).
 */
export default function MyPlansPage() {
  return (
    <>
      <PageHeader
        eyebrow="Financieringsplannen"
        title="Mijn plannen"
        intro={
          <p>
            De financieringsplannen en regionale plannen die u in deze browser heeft geopend. Deze lijst staat alleen in deze browser, op dit
            apparaat: er gaat niets naar ons. Een bewerkingslink staat hier alleen als u op de bewerkingspagina “Onthoud de
            bewerkingslink op dit apparaat” heeft aangevinkt.
          </p>
        }
      />
      <nav aria-label="Nieuw plan" className="mb-8">
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link href="/plannen/nieuw" className="nl-button nl-button--primary">
              Nieuw financieringsplan
            </Link>
          </li>
          <li>
            <Link href="/regio/nieuw" className="nl-button nl-button--secondary">
              Nieuw regionaal plan
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="geopend">
        <h2 id="geopend" className="mb-2 text-xl font-semibold text-brand-800">
          Geopend in deze browser
        </h2>
        <MyPlansList />
      </section>
    </>
  );
}
