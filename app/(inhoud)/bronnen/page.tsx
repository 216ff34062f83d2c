import { Citations } from '@/components/citations';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { BETALER_LABEL, LOOPTIJD_LABEL } from '@/lib/content/labels';
import { betalerSchema } from '@/lib/content/schema';
import { isoToday } from '@/lib/content/days';
import { sortByValidity } from '@/lib/content/validity';
import { ValidityBadge } from '@/components/validity';
import { TableScroll } from '@/components/table-scroll';
import { fixedPage } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

export const metadata = metadataFor(fixedPage('/bronnen'));

export default function BronnenPage() {
  const c = getCatalog();
  const today = isoToday();
  const names = (map: ReadonlyMap<string, { naam: string; korteNaam?: string }>, ids: string[]) =>
    ids.map((id) => map.get(id)?.korteNaam ?? map.get(id)?.naam ?? id).join(', ');
  return (
    <>
      <PageHeader
        title="Financieringsbronnen"
        intro={
          <p>
            Elke geldbron die de brondocumenten noemen, per betaler. Tijdelijk geld (voorfinanciering) helpt een aanpak op gang;
            structureel geld (borging) houdt hem overeind. Per geldbron staat of hij vandaag loopt, afloopt of is beëindigd;
            beëindigde geldbronnen staan onderaan. <a href="/actueel" className="text-brand-700 underline">Wat is er veranderd sinds de wegwijzer?</a>
          </p>
        }
      />
      {betalerSchema.options.map((betaler) => {
        const list = sortByValidity(
          c.financieringsbronnen.filter((b) => b.betaler === betaler),
          today,
        );
        if (list.length === 0) return null;
        return (
          <section key={betaler} aria-labelledby={`betaler-${betaler}`} className="mt-6">
            <h2 id={`betaler-${betaler}`} className="text-xl font-semibold text-brand-800">
              {BETALER_LABEL[betaler]}
            </h2>
            <TableScroll label={`Financieringsbronnen van betaler ${BETALER_LABEL[betaler]}`} className="mt-2">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">Financieringsbronnen van betaler {BETALER_LABEL[betaler]}</caption>
                <thead>
                  <tr className="border-b-2 border-gray-400 text-left">
                    <th scope="col" className="py-2 pr-3">Financieringsbron</th>
                    <th scope="col" className="py-2 pr-3">Geldig</th>
                    <th scope="col" className="py-2 pr-3">Looptijd</th>
                    <th scope="col" className="py-2 pr-3">Kan betalen</th>
                    <th scope="col" className="py-2">Wetten</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.slug} className="border-b border-gray-200 align-top">
                      <th scope="row" className="py-2 pr-3 text-left font-medium">
                        <a href={`/bronnen/${b.slug}`} className="text-brand-700 underline">
                          {b.naam}
                        </a>
                      </th>
                      <td className="py-2 pr-3">
                        <ValidityBadge geldigheid={b.geldigheid} day={today} />
                      </td>
                      <td className="py-2 pr-3">{LOOPTIJD_LABEL[b.looptijd]}</td>
                      <td className="py-2 pr-3">{names(c.by.kostensoorten, b.kostensoorten)}</td>
                      <td className="py-2">{names(c.by.wetten, b.wetten)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}

      <section aria-labelledby="vormen" className="mt-8 max-w-3xl">
        <h2 id="vormen" className="text-xl font-semibold text-brand-800">
          Voorfinanciering en borging
        </h2>
        <dl className="mt-2 space-y-3">
          {c.financieringsvormen.map((v) => (
            <div key={v.slug}>
              <dt className="font-medium">{v.naam}</dt>
              <dd>
                {v.definitie}
                {v.toelichting && <span className="mt-1 block">{v.toelichting}</span>}
                <Citations bron={v.bron} className="mt-1" />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
