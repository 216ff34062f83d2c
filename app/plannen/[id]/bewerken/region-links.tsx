import Link from 'next/link';
import { RegionShareTable } from '@/components/region-share-table';
import { TableScroll } from '@/components/table-scroll';
import { formatDateTime } from '@/lib/dates';
import { formatEuro } from '@/lib/money';
import type { ShareStatus } from '@/lib/plans/region-link';
import { countedNeeds, describeIgnored, ignoredNeeds, shareLabel, shareTotal, type RegionShare } from '@/lib/plans/region-shares';
import { regionReadPath } from '@/lib/regions/urls';
import { rangeLabel } from '@/lib/regions/years';
import { RegionLinkForm, type FoundRegion } from './region-link-form';

type Props = {
  formId: string;
  editPath: string;
  secret: string;
  plan: { municipality: string; startYear: number; endYear: number; version: number };
  shares: { share: RegionShare; status: ShareStatus }[];
  categoryName: (slug: string) => string;
  lookup: { link: string; region: FoundRegion | null; error: string | null };
  /** Lines of an earlier push hand-off per region id (lib/regions/handoff.ts), to warn about counting twice. */
  handoffLines: Record<string, number>;
};

const th = 'px-2 py-1 text-right font-semibold';
const td = 'border-b border-gray-200 px-2 py-1 text-right tabular-nums';
const rowTh = 'border-b border-gray-200 py-1 pr-3 text-left font-medium';
const button = 'no-print rounded px-3 py-1.5 font-medium';

/**
 * "Regionale plannen" on the municipal edit page (issue 9 §3, pull): the
 * linked regions with the pulled share per cost category and year, whether
 * the regional plan has a newer version (with the amounts "bijwerken" would
 * change), and the form to link another. Every button belongs to the edit
 * form (form={formId}), so linking, updating and unlinking are versioned
 * saves through its Server Action, with or without JavaScript.
 */
export function RegionLinks({ formId, editPath, secret, plan, shares, categoryName, lookup, handoffLines }: Props) {
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  return (
    <section id="regio" aria-labelledby="regio-titel" className="no-print mb-8 max-w-5xl scroll-mt-4">
      <h2 id="regio-titel" className="text-xl font-semibold text-brand-800">
        Regionale plannen
      </h2>
      <p className="mt-1 max-w-3xl">
        Doet uw gemeente mee aan een regionaal plan met gedeelde kosten? Koppel dit plan eraan: het aandeel van uw gemeente telt dan mee als{' '}
        <strong>behoefte</strong>, per kostensoort en jaar, ook in het tekort en het klifjaar. U hebt alleen de leeslink van het regionale plan
        nodig. Het regionale plan toont daarna de leeslink van dit plan bij uw gemeente.
      </p>
      <p className="mt-2 max-w-3xl border-l-4 border-amber-700 bg-accent-100 px-3 py-2 text-sm">
        Koppelen, bijwerken en ontkoppelen slaan het plan meteen op als nieuwe versie. Wat u in het formulier hieronder hebt gewijzigd, wordt
        eerst opgeslagen; bevat het formulier een fout, dan gebeurt geen van beide.
      </p>

      {shares.map(({ share, status }) => {
        const counted = { needs: countedNeeds(share, plan.startYear, plan.endYear) };
        const ignored = ignoredNeeds(share, plan.startYear, plan.endYear);
        const categories = [...new Set(share.needs.map((n) => n.costCategory))];
        const headingId = `regio-${share.regionId}`;
        const pushed = handoffLines[share.regionId] ?? 0;
        return (
          <article key={share.regionId} aria-labelledby={headingId} className="mt-6 rounded border-2 border-brand-200 p-4">
            <h3 id={headingId} className="text-lg font-semibold">
              Aandeel regio {share.regionName}, versie {share.regionVersion}
            </h3>
            <p className="text-sm">
              Als gemeente {share.memberName} in{' '}
              <Link href={regionReadPath(share.regionId)} className="text-brand-700 underline">
                het regionale plan “{share.regionName}”
              </Link>
              , overgenomen op {formatDateTime(new Date(share.pulledAt))}. Telt mee als behoefte: {formatEuro(shareTotal(counted.needs))} in{' '}
              {rangeLabel(plan.startYear, plan.endYear)}.
            </p>
            <ShareStatusNote share={share} status={status} formId={formId} categoryName={categoryName} years={plan} />
            {categories.length === 0 ? (
              <p className="mt-2">{share.memberName} heeft in dit regionale plan (nog) geen aandeel.</p>
            ) : (
              <RegionShareTable
                needs={counted.needs}
                categories={categories}
                years={years}
                categoryName={categoryName}
                label={`Tabel aandeel regio ${share.regionName}`}
                caption={`Aandeel van ${share.memberName} per kostensoort en jaar (alleen-lezen, ${shareLabel(share)})`}
                className="mt-3"
              />
            )}
            {ignored.length > 0 && (
              <p className="mt-2 text-sm">
                <strong>Niet meegeteld</strong>, want buiten de looptijd van dit plan ({rangeLabel(plan.startYear, plan.endYear)}):{' '}
                {describeIgnored(ignored)}. Verlengt u het plan, dan tellen die jaren mee.
              </p>
            )}
            {pushed > 0 && (
              <p className="mt-2 text-sm">
                Let op: dit plan heeft ook {pushed === 1 ? 'een financieringsregel' : `${pushed} financieringsregels`} uit een eerdere overdracht
                van deze regio (bron regionaal budget). Die tellen als financiering, niet als behoefte; verwijder ze als het aandeel nu via deze
                koppeling meetelt.
              </p>
            )}
            <div className="mt-3 flex flex-wrap gap-3">
              <button type="submit" form={formId} name="intent" value={`regio-ontkoppelen:${share.regionId}`} className={`${button} border border-red-700 bg-white text-red-800 hover:bg-red-50`}>
                Koppeling verwijderen<span className="sr-only"> met regio {share.regionName}</span>
              </button>
            </div>
          </article>
        );
      })}

      <RegionLinkForm
        formId={formId}
        editPath={editPath}
        secret={secret}
        municipality={plan.municipality}
        linked={shares.map((s) => s.share.regionId)}
        initial={lookup}
      />
    </section>
  );
}

function ShareStatusNote({
  share,
  status,
  formId,
  categoryName,
  years,
}: {
  share: RegionShare;
  status: ShareStatus;
  formId: string;
  categoryName: (slug: string) => string;
  years: { startYear: number; endYear: number };
}) {
  switch (status.kind) {
    case 'current':
      return <p className="mt-2 text-sm text-muted">Dit is de nieuwste versie van het regionale plan.</p>;
    case 'region-missing':
      return (
        <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
          Het regionale plan is niet meer te vinden. Het aandeel van versie {share.regionVersion} blijft meetellen tot u de koppeling verwijdert.
        </p>
      );
    case 'member-missing':
      return (
        <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
          Het regionale plan heeft een nieuwere versie ({status.latestVersion}), maar {share.memberName} staat daar niet meer in. Verwijder de
          koppeling en koppel opnieuw met de juiste gemeente.
        </p>
      );
    case 'newer':
      return (
        <div role="note" aria-label={`Nieuwere versie van regio ${share.regionName}`} className="mt-3 border-l-4 border-amber-700 bg-accent-100 px-3 py-2">
          <p className="font-semibold">
            Het regionale plan heeft een nieuwere versie: versie {status.latestVersion} (dit plan rekent met versie {share.regionVersion}).
          </p>
          {status.changes.length === 0 ? (
            <p className="mt-1 text-sm">De bedragen van {share.memberName} veranderen daardoor niet.</p>
          ) : (
            <TableScroll label={`Tabel wat bijwerken verandert, regio ${share.regionName}`} className="mt-2">
              <table className="border-collapse text-sm">
                <caption className="mb-1 text-left font-medium">Wat bijwerken verandert in de behoefte</caption>
                <thead>
                  <tr className="border-b-2 border-gray-400">
                    <th scope="col" className="py-1 pr-3 text-left">
                      Kostensoort
                    </th>
                    <th scope="col" className="px-2 py-1 text-left">
                      Jaar
                    </th>
                    <th scope="col" className={th}>
                      Nu (versie {share.regionVersion})
                    </th>
                    <th scope="col" className={th}>
                      Na bijwerken (versie {status.latestVersion})
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {status.changes.map((c) => (
                    <tr key={`${c.costCategory}-${c.year}`}>
                      <th scope="row" className={rowTh}>
                        {categoryName(c.costCategory)}
                      </th>
                      <td className="border-b border-gray-200 px-2 py-1">
                        {c.year}
                        {(c.year < years.startYear || c.year > years.endYear) && <span className="block text-xs">buiten de looptijd, telt niet mee</span>}
                      </td>
                      <td className={td}>{formatEuro(c.before)}</td>
                      <td className={`${td} font-semibold`}>{formatEuro(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <button type="submit" form={formId} name="intent" value={`regio-bijwerken:${share.regionId}`} className={`${button} mt-2 bg-brand-700 text-white hover:bg-brand-800`}>
            Bijwerken naar versie {status.latestVersion}
            <span className="sr-only"> van regio {share.regionName}</span>
          </button>
        </div>
      );
  }
}
