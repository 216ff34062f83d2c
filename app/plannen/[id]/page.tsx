import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { MiniMatrix } from '@/components/mini-matrix';
import { RememberVisit } from '@/components/my-plans';
import { PageHeader } from '@/components/page-header';
import { PrintButton } from '@/components/print-button';
import { PrintRunningHead } from '@/components/print-running-head';
import { RegionShareTable } from '@/components/region-share-table';
import { TableScroll } from '@/components/table-scroll';
import { getCatalog } from '@/lib/content';
import { cellKey } from '@/lib/content/matrix';
import { formatDateTime } from '@/lib/dates';
import { formatEuro, formatPercent } from '@/lib/money';
import { BASIS_LABEL, computeTotals, type Cell, type PlanTotals } from '@/lib/plans/calculations';
import { getPlanContent } from '@/lib/plans/content-server';
import { indexPlanContent, sourceName } from '@/lib/plans/content';
import { STATUS_LABEL } from '@/lib/plans/schema';
import { getPlan } from '@/lib/plans/repository';
import { ogImages } from '@/lib/site';
import { planExportPath, planReadPath } from '@/lib/plans/urls';
import { amountIn, lineTotal } from '@/lib/plans/lines';
import { planWarnings } from '@/lib/plans/validity';
import { ignoredSentence, shareStatus } from '@/lib/plans/region-link';
import { countedNeeds, regionNeeds, shareLabel, shareTotal } from '@/lib/plans/region-shares';
import { regionReadPath } from '@/lib/regions/urls';
import { HorizontalBars, NeedFundedChart, ScenarioChart, TemporaryStructuralChart } from './charts';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plan = await getPlan((await params).id);
  if (!plan) return { title: 'Pagina niet gevonden' };
  const title = `Financieringsplan: ${plan.title}`;
  // The preview image shows the title and municipality only (app/og, getPlanCard), never amounts.
  const images = ogImages(planReadPath(plan.id), `${title}, ${plan.municipality}`);
  return {
    title,
    description: `Financieringsplan Kansrijke Start van ${plan.municipality}.`,
    openGraph: { title, description: `Financieringsplan Kansrijke Start van ${plan.municipality}.`, ...images.openGraph },
    twitter: { ...images.twitter, title },
  };
}

const h2 = 'text-xl font-semibold text-brand-800';
const th = 'px-2 py-1 text-right font-semibold';
const td = 'border-b border-gray-200 px-2 py-1 text-right tabular-nums';
const rowTh = 'border-b border-gray-200 py-1 pr-3 text-left font-medium';

const gapText = (gap: number) => (gap < 0 ? `${formatEuro(-gap)} over` : formatEuro(gap));

/**
 * The read page: what a college member needs at a glance. Anyone with the
 * link may read; there is no edit control here and nothing on this page
 * writes (it has no forms).
 */
export default async function PlanPage({ params }: Props) {
  const plan = await getPlan((await params).id);
  if (!plan) notFound();
  const content = getPlanContent();
  const totals = computeTotals(plan, content);
  const index = indexPlanContent(content);
  const catalog = getCatalog();

  // Cells of the wegwijzer the plan's catalogue sources belong to, with their source names.
  const cells = new Set<string>();
  const notes: Record<string, string[]> = {};
  for (const line of plan.lines) {
    // A refused application is not part of the plan's money.
    if (line.status === 'afgewezen') continue;
    const source = line.sourceSlug ? catalog.by.financieringsbronnen.get(line.sourceSlug) : undefined;
    if (!source) continue;
    for (const wet of source.wetten) {
      for (const niveau of source.niveaus) {
        const key = cellKey(wet, niveau);
        cells.add(key);
        notes[key] = [...new Set([...(notes[key] ?? []), source.naam])];
      }
    }
  }
  const customSources = [...new Set(plan.lines.filter((l) => !l.sourceSlug && l.customSourceName).map((l) => l.customSourceName ?? ''))];

  const { total, cliff } = totals;
  const years = totals.years;
  const sure = total.byStatus.toegezegd;
  const warnings = planWarnings(plan.lines, content);
  const regionShares = plan.regionShares ?? [];
  const shareStatuses = await Promise.all(regionShares.map(shareStatus));
  const regionNeed = shareTotal(regionNeeds(regionShares, plan.startYear, plan.endYear));
  const warningsOf = new Map<string | null, string>();
  for (const w of warnings) if (!warningsOf.get(w.lineId)?.includes(w.message)) warningsOf.set(w.lineId, [warningsOf.get(w.lineId), w.message].filter(Boolean).join(' '));

  return (
    <>
      <PageHeader
        eyebrow="Financieringsplan"
        title={plan.title}
        intro={
          <p>
            {plan.municipality}, {plan.startYear}–{plan.endYear}. Versie {plan.version}, laatst opgeslagen op{' '}
            {formatDateTime(plan.updatedAt)}.
          </p>
        }
      />
      <RememberVisit kind="plan" id={plan.id} title={plan.title} place={plan.municipality} />
      <PrintRunningHead title={`Financieringsplan ${plan.title}, ${plan.municipality}`} version={plan.version} date={formatDateTime(plan.updatedAt)} path={planReadPath(plan.id)} />
      {plan.contactNote && <p className="-mt-3 mb-6 max-w-3xl whitespace-pre-line text-muted">{plan.contactNote}</p>}

      <nav aria-label="Downloads" className="no-print mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href={planExportPath(plan.id, 'csv')} className="text-brand-700 underline">
              Download CSV (voor Excel)
            </a>
          </li>
          <li>
            <a href={planExportPath(plan.id, 'xlsx')} className="text-brand-700 underline">
              Download Excel (.xlsx, met formules)
            </a>
          </li>
          <PrintButton />
        </ul>
      </nav>

      <section aria-labelledby="samenvatting" className="break-inside-avoid">
        <h2 id="samenvatting" className={h2}>
          In één oogopslag
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4">
          <KeyFigure
            term="Behoefte"
            value={formatEuro(total.need)}
            note={`${years[0] ?? plan.startYear}–${years.at(-1) ?? plan.endYear}${regionShares.length > 0 ? `, waarvan ${formatEuro(regionNeed)} aandeel in regionale plannen` : ''}`}
          />
          <KeyFigure term="Financiering" value={formatEuro(total.funded)} note={`toegezegd en aangevraagd; ${formatPercent(total.coveragePercent)} van de behoefte`} />
          <KeyFigure
            term={total.gap < 0 ? 'Overschot' : 'Tekort'}
            value={formatEuro(Math.abs(total.gap))}
            note={total.gapPercent === null ? 'geen behoefte ingevuld' : `${formatPercent(Math.abs(total.gapPercent))} van de behoefte`}
            strong
          />
          <KeyFigure term="Zeker (toegezegd)" value={formatEuro(sure)} note={`${formatPercent(total.need === 0 ? null : (sure / total.need) * 100)} van de behoefte`} />
          {total.uncertain > 0 && (
            <KeyFigure
              term="Onzeker na afloop van de bron"
              value={formatEuro(total.uncertain)}
              note="toegezegd of aangevraagd, maar de geldbron is in dat jaar afgelopen of onzeker: telt niet als financiering"
            />
          )}
        </dl>
        {warnings.length > 0 && (
          <div role="note" aria-labelledby="waarschuwingen" className="mt-4 max-w-3xl rounded border-l-4 border-red-800 bg-red-50 px-4 py-3">
            <h3 id="waarschuwingen" className="font-semibold text-red-900">
              Let op: {warnings.length === 1 ? 'één regel rekent' : `${warnings.length} regels rekenen`} op geld dat er dan niet (zeker) is
            </h3>
            <ul className="mt-1 list-disc pl-5">
              {[...new Set(warnings.map((w) => w.message))].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <p className="mt-1 text-sm">
              Dat geld telt hieronder apart, als onzeker. <Link href="/actueel" className="text-brand-700 underline">Wat is er veranderd sinds de wegwijzer?</Link>
            </p>
          </div>
        )}
        <p className="mt-3 max-w-3xl">
          <CliffSentence totals={totals} endYear={plan.endYear} />
        </p>
        <p className="mt-2 max-w-3xl text-sm text-muted">
          Financiering telt hier als {BASIS_LABEL[totals.basis].toLowerCase()}, zonder geld uit geldbronnen die in dat jaar
          afgelopen of onzeker zijn. Ideeën en afgewezen aanvragen tellen niet mee; ze staan wel in de tabel met statussen. Tekort =
          behoefte min financiering.
        </p>
      </section>

      <section aria-labelledby="per-jaar" className="print-split mt-8">
        <h2 id="per-jaar" className={h2}>
          Behoefte en financiering per jaar
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <NeedFundedChart
            years={years}
            need={totals.byYear.map((y) => y.need)}
            funded={totals.byYear.map((y) => y.funded)}
            label={`Staafdiagram: behoefte en financiering per jaar. ${totals.byYear.map((y) => `${y.year}: behoefte ${formatEuro(y.need)}, financiering ${formatEuro(y.funded)}`).join('; ')}. De cijfers staan ook in de tabel.`}
          />
          <YearTable caption="Behoefte, financiering en tekort per jaar (alle kostensoorten)" years={years} cells={totals.byYear} total={total} />
        </div>
      </section>

      <section aria-labelledby="scenarios" className="print-split mt-8">
        <h2 id="scenarios" className={h2}>
          Twee scenario&apos;s: zoals ingevuld en zonder afgelopen of onzekere geldbronnen
        </h2>
        <p className="mt-1 max-w-3xl">
          <strong>Zoals ingevuld</strong> telt alle toegezegde en aangevraagde bedragen. <strong>Zonder afgelopen of onzekere
          geldbronnen</strong> laat het geld weg uit geldbronnen die in dat jaar zijn afgelopen of waarvan niet bekend is of ze
          dan nog bestaan: dat is de ondergrens waarop u kunt rekenen.
        </p>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <ScenarioChart
            years={years}
            need={totals.byYear.map((y) => y.need)}
            asEntered={totals.byYear.map((y) => y.asEntered)}
            floor={totals.byYear.map((y) => y.funded)}
            label={`Staafdiagram: behoefte en twee scenario's per jaar. ${totals.byYear.map((y) => `${y.year}: behoefte ${formatEuro(y.need)}, zoals ingevuld ${formatEuro(y.asEntered)}, zonder afgelopen of onzekere geldbronnen ${formatEuro(y.funded)}`).join('; ')}. De cijfers staan ook in de tabel.`}
          />
          <ScenarioTable years={years} cells={totals.byYear} total={total} />
        </div>
      </section>

      <section aria-labelledby="per-kostensoort" className="print-split mt-8">
        <h2 id="per-kostensoort" className={h2}>
          Per kostensoort en jaar
        </h2>
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          {totals.categories.map((c) => (
            <YearTable key={c.costCategory} caption={c.naam} years={years} cells={c.years} total={c.total} />
          ))}
        </div>
      </section>

      {regionShares.length > 0 && (
        <section aria-labelledby="regionaal" className="print-split mt-8">
          <h2 id="regionaal" className={h2}>
            Aandeel in regionale plannen
          </h2>
          <p className="mt-1 max-w-3xl">
            {plan.municipality} betaalt mee aan {regionShares.length === 1 ? 'een regionaal plan' : 'regionale plannen'}. Dat aandeel telt hierboven
            mee als behoefte ({formatEuro(regionNeed)}), en dus in het tekort en het klifjaar. Het komt uit het regionale plan zelf, in de
            versie die hieronder staat.
          </p>
          {regionShares.map((share, i) => {
            const counted = { needs: countedNeeds(share, plan.startYear, plan.endYear) };
            const categories = [...new Set(counted.needs.map((n) => n.costCategory))];
            const status = shareStatuses[i];
            const ignored = ignoredSentence(share, plan.startYear, plan.endYear);
            return (
              <div key={share.regionId} className="mt-4 break-inside-avoid">
                <h3 className="text-lg font-semibold">
                  Aandeel regio {share.regionName}, versie {share.regionVersion}
                </h3>
                <p className="text-sm">
                  {share.memberName} in{' '}
                  <Link href={regionReadPath(share.regionId)} className="text-brand-700 underline">
                    het regionale plan “{share.regionName}”
                  </Link>
                  .{' '}
                  {status?.kind === 'newer' || status?.kind === 'member-missing'
                    ? `Het regionale plan heeft intussen versie ${status.latestVersion}; dit plan rekent nog met versie ${share.regionVersion}.`
                    : status?.kind === 'region-missing'
                      ? 'Het regionale plan is niet meer te vinden.'
                      : 'Dit is de nieuwste versie van het regionale plan.'}
                  {ignored && ` ${ignored}`}
                </p>
                {categories.length > 0 && (
                  <RegionShareTable
                    needs={counted.needs}
                    years={years}
                    categoryName={(c) => index.categories.get(c)?.naam ?? c}
                    label={`Tabel ${shareLabel(share)}`}
                    caption={`Behoefte uit het ${shareLabel(share)}, per kostensoort en jaar`}
                    captionClassName="sr-only"
                    className="mt-2"
                  />
                )}
              </div>
            );
          })}
        </section>
      )}

      <section aria-labelledby="looptijd" className="print-split mt-8">
        <h2 id="looptijd" className={h2}>
          Tijdelijk en structureel geld
        </h2>
        <p className="mt-1 max-w-3xl">
          Tijdelijk geld (voorfinanciering, zoals een specifieke uitkering) houdt een keer op; structureel geld (borging) blijft. Het{' '}
          <strong>klifjaar</strong> is het eerste jaar na het laatste jaar met tijdelijk geld in dit plan: vanaf dan moet structureel
          geld betalen wat tijdelijk geld betaalde.
        </p>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <TemporaryStructuralChart
            years={years}
            temporary={totals.byYear.map((y) => y.tijdelijk)}
            structural={totals.byYear.map((y) => y.structureel)}
            cliffYear={cliff.year}
            label={`Gestapeld staafdiagram: tijdelijk en structureel geld per jaar. ${totals.byYear.map((y) => `${y.year}: tijdelijk ${formatEuro(y.tijdelijk)}, structureel ${formatEuro(y.structureel)}`).join('; ')}. ${cliff.year === null ? 'Geen tijdelijk geld.' : `Klifjaar ${cliff.year}.`} De cijfers staan ook in de tabel.`}
          />
          <TableScroll label="Tabel tijdelijk en structureel geld" className="break-inside-avoid">
            <table className="w-full border-collapse text-sm">
              <caption className="mb-1 text-left font-semibold">Tijdelijk en structureel geld per jaar</caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className="py-1 pr-3 text-left">
                    Jaar
                  </th>
                  <th scope="col" className={th}>
                    Tijdelijk
                  </th>
                  <th scope="col" className={th}>
                    Structureel
                  </th>
                  <th scope="col" className={th}>
                    Aandeel tijdelijk
                  </th>
                  <th scope="col" className={th}>
                    Aandeel structureel
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.byYear.map((y) => (
                  <tr key={y.year} className={y.year === cliff.year ? 'bg-red-50' : undefined}>
                    <th scope="row" className={rowTh}>
                      {y.year}
                      {y.year === cliff.year && <span className="ml-1 font-normal text-red-800">(klifjaar)</span>}
                    </th>
                    <td className={td}>{formatEuro(y.tijdelijk)}</td>
                    <td className={td}>{formatEuro(y.structureel)}</td>
                    <td className={td}>{formatPercent(y.tijdelijkShare)}</td>
                    <td className={td}>{formatPercent(y.structureelShare)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <th scope="row" className="py-1 pr-3 text-left">
                    Totaal
                  </th>
                  <td className={td}>{formatEuro(total.tijdelijk)}</td>
                  <td className={td}>{formatEuro(total.structureel)}</td>
                  <td className={td}>{formatPercent(total.tijdelijkShare)}</td>
                  <td className={td}>{formatPercent(total.structureelShare)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>
      </section>

      <section aria-labelledby="per-betaler" className="print-split mt-8">
        <h2 id="per-betaler" className={h2}>
          Wie betaalt
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <HorizontalBars
            items={totals.byPayer.filter((p) => p.amount > 0 || p.payer !== 'onbekend').map((p) => ({ label: p.label, amount: p.amount }))}
            label={`Staafdiagram: financiering per betaler. ${totals.byPayer.map((p) => `${p.label}: ${formatEuro(p.amount)}`).join('; ')}. De cijfers staan ook in de tabel.`}
          />
          <TableScroll label="Tabel financiering per betaler" className="break-inside-avoid">
            <table className="w-full border-collapse text-sm">
              <caption className="mb-1 text-left font-semibold">Financiering per betaler</caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className="py-1 pr-3 text-left">
                    Betaler
                  </th>
                  {years.map((y) => (
                    <th key={y} scope="col" className={th}>
                      {y}
                    </th>
                  ))}
                  <th scope="col" className={th}>
                    Totaal
                  </th>
                  <th scope="col" className={th}>
                    Aandeel
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.byPayer.map((p) => (
                  <tr key={p.payer}>
                    <th scope="row" className={rowTh}>
                      {p.label}
                    </th>
                    {p.years.map((y) => (
                      <td key={y.year} className={td}>
                        {formatEuro(y.amount)}
                      </td>
                    ))}
                    <td className={`${td} font-semibold`}>{formatEuro(p.amount)}</td>
                    <td className={td}>{formatPercent(p.sharePercent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      </section>

      <section aria-labelledby="per-wet" className="mt-8 break-inside-avoid">
        <h2 id="per-wet" className={h2}>
          Langs welke wet
        </h2>
        <p className="mt-1 max-w-3xl">
          Sommige financieringsbronnen horen bij meer dan één wet. Wij verdelen hun geld niet zelf over die wetten: elk bedrag staat één keer,
          bij de combinatie van wetten van zijn financieringsbron.
        </p>
        <TableScroll label="Tabel financiering per wet" className="mt-2 max-w-2xl">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">Financiering per wet (of combinatie van wetten)</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-1 pr-3 text-left">
                  Wet
                </th>
                <th scope="col" className={th}>
                  Bedrag
                </th>
                <th scope="col" className={th}>
                  Aandeel
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byLaw.groups.length === 0 && (
                <tr>
                  <td colSpan={3} className="py-1 text-muted">
                    Nog geen financiering.
                  </td>
                </tr>
              )}
              {totals.byLaw.groups.map((g) => (
                <tr key={g.laws.join('+') || 'onbekend'}>
                  <th scope="row" className={rowTh}>
                    {g.laws.length === 0 ? 'Onbekend (eigen financieringsbron)' : g.laws.map((l) => index.laws.get(l)?.korteNaam ?? l).join(' en ')}
                  </th>
                  <td className={td}>{formatEuro(g.amount)}</td>
                  <td className={td}>{formatPercent(g.sharePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="status" className="mt-8 break-inside-avoid">
        <h2 id="status" className={h2}>
          Stand van de aanvragen
        </h2>
        <TableScroll label="Tabel stand van de aanvragen" className="mt-2 max-w-md">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-semibold">Alle financieringsregels naar status</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-1 pr-3 text-left">
                  Status
                </th>
                <th scope="col" className={th}>
                  Bedrag
                </th>
                <th scope="col" className="py-1 pl-2 text-left">
                  Telt mee
                </th>
              </tr>
            </thead>
            <tbody>
              {(['toegezegd', 'aangevraagd', 'idee', 'afgewezen'] as const).map((s) => (
                <tr key={s}>
                  <th scope="row" className={rowTh}>
                    {STATUS_LABEL[s]}
                  </th>
                  <td className={td}>{formatEuro(total.byStatus[s])}</td>
                  <td className="border-b border-gray-200 py-1 pl-2">{s === 'toegezegd' || s === 'aangevraagd' ? 'ja' : 'nee'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="wegwijzer" className="mt-8 break-inside-avoid">
        <h2 id="wegwijzer" className={h2}>
          Het plan in de wegwijzer
        </h2>
        <p className="mt-1 max-w-3xl">
          De gemarkeerde cellen zijn de wetten en preventieniveaus van de financieringsbronnen in dit plan (afgewezen aanvragen niet
          meegerekend). Elke cel linkt naar die plek in de wegwijzer.
        </p>
        <div className="mt-3 max-w-3xl">
          <MiniMatrix
            cells={cells}
            caption="Cellen van de wegwijzer waar de financieringsbronnen van dit plan bij horen"
            notes={Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, v.join(', ')]))}
            markLabel="In plan"
          />
        </div>
        {customSources.length > 0 && (
          <p className="mt-2 text-sm">Eigen financieringsbronnen, niet in de wegwijzer: {customSources.join(', ')}.</p>
        )}
      </section>

      <section aria-labelledby="regels" className="print-split mt-8">
        <h2 id="regels" className={h2}>
          Alle financieringsregels
        </h2>
        {plan.lines.length === 0 ? (
          <p className="mt-1">Dit plan heeft nog geen financieringsregels.</p>
        ) : (
          <TableScroll label="Tabel alle financieringsregels" className="mt-2">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Alle financieringsregels van het plan</caption>
              <thead>
                <tr className="border-b-2 border-gray-400 text-left">
                  <th scope="col" className="py-1 pr-2">
                    Kostensoort
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Financieringsbron
                  </th>
                  {years.map((y) => (
                    <th key={y} scope="col" className="py-1 pr-2 text-right">
                      {y}
                    </th>
                  ))}
                  <th scope="col" className="py-1 pr-2 text-right">
                    Totaal
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Looptijd
                  </th>
                  <th scope="col" className="py-1 pr-2">
                    Status
                  </th>
                  <th scope="col" className="py-1">
                    Toelichting
                  </th>
                </tr>
              </thead>
              <tbody>
                {plan.lines.map((line) => (
                  <LineRows key={line.id} warning={warningsOf.get(line.id)} columns={years.length + 6}>
                  <tr className={`${warningsOf.has(line.id) ? '' : 'border-b border-gray-200'} align-top`}>
                    <td className="py-1 pr-2">{index.categories.get(line.costCategory)?.naam ?? line.costCategory}</td>
                    <td className="py-1 pr-2">
                      {line.sourceSlug && index.sources.has(line.sourceSlug) ? (
                        <Link href={`/bronnen/${line.sourceSlug}`} className="text-brand-700 underline">
                          {sourceName(content, line)}
                        </Link>
                      ) : (
                        <>
                          {sourceName(content, line)} <span className="text-muted">(eigen financieringsbron)</span>
                        </>
                      )}
                    </td>
                    {years.map((y) => (
                      <td key={y} className="py-1 pr-2 text-right tabular-nums">
                        {amountIn(line, y) === 0 ? <span className="text-muted">–</span> : formatEuro(amountIn(line, y))}
                      </td>
                    ))}
                    <td className="py-1 pr-2 text-right font-semibold tabular-nums">{formatEuro(lineTotal(line))}</td>
                    <td className="py-1 pr-2">{line.looptijd}</td>
                    <td className="py-1 pr-2">
                      {STATUS_LABEL[line.status]}
                      {line.rejectionReason && <span className="block text-muted">Reden: {line.rejectionReason}</span>}
                    </td>
                    <td className="py-1 whitespace-pre-line">{line.note}</td>
                  </tr>
                  </LineRows>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

/** A line's row, and under it the warning when its source has ended or is uncertain in the line's year. */
function LineRows({ warning, columns, children }: { warning: string | undefined; columns: number; children: ReactNode }) {
  return (
    <>
      {children}
      {warning && (
        <tr className="border-b border-gray-200">
          <td colSpan={columns} className="pb-2">
            <p className="rounded bg-red-50 px-2 py-1 text-red-900">
              <span className="font-semibold">Waarschuwing:</span> {warning}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

function ScenarioTable({ years, cells, total }: { years: number[]; cells: (Cell & { year: number })[]; total: Cell }) {
  const byYear = new Map(cells.map((c) => [c.year, c]));
  const rows: { label: string; value: (c: Cell) => string; bold?: boolean }[] = [
    { label: 'Behoefte', value: (c) => formatEuro(c.need) },
    { label: 'Zoals ingevuld', value: (c) => formatEuro(c.asEntered) },
    { label: 'Onzeker na afloop van de bron', value: (c) => formatEuro(c.uncertain) },
    { label: 'Zonder afgelopen of onzekere geldbronnen', value: (c) => formatEuro(c.funded), bold: true },
    { label: 'Tekort zoals ingevuld', value: (c) => gapText(c.gapAsEntered) },
    { label: 'Tekort zonder afgelopen of onzekere geldbronnen', value: (c) => gapText(c.gap), bold: true },
  ];
  return <RowsTable caption="Twee scenario's per jaar (alle kostensoorten)" years={years} byYear={byYear} total={total} rows={rows} />;
}

function KeyFigure({ term, value, note, strong = false }: { term: string; value: string; note: string; strong?: boolean }) {
  return (
    <div className={`rounded border p-3 ${strong ? 'border-2 border-brand-700' : 'border-gray-300'}`}>
      <dt className="text-sm font-medium text-muted">{term}</dt>
      <dd className="text-2xl font-bold tabular-nums text-brand-800">{value}</dd>
      <dd className="text-sm">{note}</dd>
    </div>
  );
}

function CliffSentence({ totals, endYear }: { totals: PlanTotals; endYear: number }): ReactNode {
  const { cliff } = totals;
  if (cliff.year === null) return 'Er zit geen tijdelijk geld in dit plan, dus ook geen klifjaar.';
  const last = cliff.year - 1;
  if (!cliff.withinPlan) {
    return (
      <>
        Het tijdelijke geld loopt door tot en met het laatste planjaar ({last}, {formatEuro(cliff.temporaryBefore)}). Het{' '}
        <strong>klifjaar is {cliff.year}</strong>
        {cliff.year > endYear ? ', net na dit plan' : ''}: dan moet structureel geld het overnemen.
      </>
    );
  }
  return (
    <>
      Het tijdelijke geld stopt na {last} ({formatEuro(cliff.temporaryBefore)} in dat jaar). Het <strong>klifjaar is {cliff.year}</strong>:
      in dat jaar is er {formatEuro(cliff.structuralInCliffYear ?? 0)} structureel geld.
    </>
  );
}

type Row = { label: string; value: (c: Cell) => string; bold?: boolean };

function YearTable({ caption, years, cells, total }: { caption: string; years: number[]; cells: (Cell & { year: number })[]; total: Cell }) {
  const byYear = new Map(cells.map((c) => [c.year, c]));
  const rows: Row[] = [
    { label: 'Behoefte', value: (c) => formatEuro(c.need) },
    { label: 'Financiering', value: (c) => formatEuro(c.funded) },
    ...(total.uncertain > 0 ? [{ label: 'Onzeker na afloop van de bron', value: (c: Cell) => formatEuro(c.uncertain) }] : []),
    { label: 'Tekort', value: (c) => gapText(c.gap), bold: true },
    { label: 'Tekort in %', value: (c) => formatPercent(c.gapPercent) },
  ];
  return <RowsTable caption={caption} years={years} byYear={byYear} total={total} rows={rows} />;
}

function RowsTable({ caption, years, byYear, total, rows }: { caption: string; years: number[]; byYear: ReadonlyMap<number, Cell>; total: Cell; rows: Row[] }) {
  return (
    <TableScroll label={`Tabel ${caption}`} className="break-inside-avoid">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-1 pr-3 text-left">
              <span className="sr-only">Wat</span>
            </th>
            {years.map((y) => (
              <th key={y} scope="col" className={th}>
                {y}
              </th>
            ))}
            <th scope="col" className={th}>
              Totaal
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.bold ? 'bg-brand-50' : undefined}>
              <th scope="row" className={rowTh}>
                {r.label}
              </th>
              {years.map((y) => {
                const c = byYear.get(y);
                return (
                  <td key={y} className={`${td} ${r.bold ? 'font-semibold' : ''}`}>
                    {c ? r.value(c) : '–'}
                  </td>
                );
              })}
              <td className={`${td} font-semibold`}>{r.value(total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
