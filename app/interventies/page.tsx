import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { pageMetadata } from '@/lib/site';
import { TableScroll } from '@/components/table-scroll';

export const metadata = pageMetadata(
  'Interventies',
  'Interventies voor Kansrijke Start, zoals Nu Niet Zwanger, VoorZorg en Stevig Ouderschap, en wat de bronnen zeggen over hun financiering.',
  '/interventies',
);

export default function InterventiesPage() {
  const c = getCatalog();
  return (
    <>
      <PageHeader
        title="Interventies"
        intro={<p>Interventies die de brondocumenten noemen, met de wetten, preventieniveaus en fasen die ze raken.</p>}
      />
      <TableScroll label="Interventies met wetten, preventieniveaus en fasen">
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
      </TableScroll>
    </>
  );
}
