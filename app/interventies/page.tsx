import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import type { Metadata } from 'next';
import { interventiesText, parseKies } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The list, or with ?kies=… the answer sheet of the chosen interventions (its title names them). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const c = getCatalog();
  return metadataFor(interventiesText(c, parseKies(c, (await searchParams).kies)));
}

export default function InterventiesPage() {
  const c = getCatalog();
  return (
    <>
      <PageHeader
        title="Interventies"
        intro={<p>Interventies die de brondocumenten noemen, met de wetten, preventieniveaus en fasen die ze raken.</p>}
      />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Interventies met wetten, preventieniveaus en fasen</caption>
          <thead>
            <tr className="border-b-2 border-gray-400 text-left">
              <th scope="col" className="py-2 pr-3">Interventie</th>
              <th scope="col" className="py-2 pr-3">Wetten</th>
              <th scope="col" className="py-2 pr-3">Preventieniveaus</th>
              <th scope="col" className="py-2">Fasen</th>
            </tr>
          </thead>
          <tbody>
            {c.interventies.map((i) => (
              <tr key={i.slug} className="border-b border-gray-200 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  <Link href={`/interventies/${i.slug}`} className="text-brand-700 underline">
                    {i.naam}
                  </Link>
                </th>
                <td className="py-2 pr-3">{pick(c.by.wetten, i.wetten).map((w) => w.korteNaam).join(', ')}</td>
                <td className="py-2 pr-3">{pick(c.by.niveaus, i.niveaus).map((n) => n.naam).join(', ')}</td>
                <td className="py-2">{pick(c.by.fasen, i.fasen).map((f) => f.naam).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
