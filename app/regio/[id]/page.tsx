import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HorizontalBars } from '@/components/horizontal-bars';
import { RememberVisit } from '@/components/my-plans';
import { PageHeader } from '@/components/page-header';
import { PrintButton } from '@/components/print-button';
import { PrintRunningHead } from '@/components/print-running-head';
import { TableScroll } from '@/components/table-scroll';
import { formatDateTime } from '@/lib/dates';
import { formatEuro, formatNumber } from '@/lib/money';
import { membersPlace } from '@/lib/my-plans';
import { planReadPath } from '@/lib/plans/urls';
import { categoriesUsed, computeSplit } from '@/lib/regions/calculate';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { getRegion } from '@/lib/regions/repository';
import { ogImages } from '@/lib/site';
import { listRegionLinks } from '@/lib/plans/repository';
import { regionExportPath, regionReadPath } from '@/lib/regions/urls';
import { rangeLabel } from '@/lib/regions/years';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await getRegion((await params).id);
  if (!region) return { title: 'Pagina niet gevonden' };
  const title = `Regionaal plan: ${region.name}`;
  // The preview image shows the name only (app/og, getRegionCard).
  const images = ogImages(regionReadPath(region.id), title);
  return { title, openGraph: { title, ...images.openGraph }, twitter: { ...images.twitter, title } };
}

const h2 = 'mt-10 text-xl font-semibold text-brand-800';
const th = 'px-2 py-1 text-right font-semibold';
const td = 'border-b border-gray-200 px-2 py-1 text-right tabular-nums';
const rowTh = 'border-b border-gray-200 py-1 pr-3 text-left font-medium';
const table = 'w-full border-collapse text-sm';
const caption = 'mb-1 text-left font-semibold';

export default async function RegionPage({ params }: Props) {
  const region = await getRegion((await params).id);
  if (!region) notFound();
  const content = getRegionContent();
  const names = regionNames(content);
  const split = computeSplit(region, names);
  const categories = categoriesUsed(split, content.kostensoorten.map((k) => k.slug));
  const period = rangeLabel(region.startYear, region.endYear);
  const handedOff = new Map(region.handoffs.map((h) => [h.memberName, h]));
  // Municipal plans that pulled a member's share (issue 9: the municipality links its own plan).
  const links = await listRegionLinks(region.id);
  const linksOf = (name: string) => links.filter((l) => l.memberName === name);
  const upToDate = (l: { regionVersion: number }) => (l.regionVersion === region.version ? 'de nieuwste' : `nog niet bijgewerkt, nu versie ${region.version}`);
  const yearHeads = split.years.map((year) => (
    <th key={year} scope="col" className={th}>
      {year}
    </th>
  ));
  const totalHead = (
    <th scope="col" className={th}>
      Totaal {period}
    </th>
  );

  return (
    <>
      <PageHeader
        eyebrow="Regionaal plan"
        title={region.name}
        intro={
          <p>
            {region.members.length} {region.members.length === 1 ? 'gemeente' : 'gemeenten'}, looptijd {period}. Versie {region.version}, bijgewerkt{' '}
            {formatDateTime(region.updatedAt)}. Bedragen in hele euro’s, per jaar.
          </p>
        }
      />
      <RememberVisit kind="regio" id={region.id} title={region.name} place={membersPlace(region.members.length)} />
      <PrintRunningHead title={`Regionaal plan ${region.name}`} version={region.version} date={formatDateTime(region.updatedAt)} path={regionReadPath(region.id)} />
      <ul className="flex flex-wrap gap-4 print:hidden">
        <li>
          <a href={regionExportPath(region.id, 'csv')} className="text-brand-700 underline" download>
            Downloaden als CSV
          </a>
        </li>
        <li>
          <a href={regionExportPath(region.id, 'xlsx')} className="text-brand-700 underline" download>
            Downloaden als Excel (xlsx)
          </a>
        </li>
        <PrintButton />
      </ul>

      <section aria-labelledby="totaal">
        <h2 id="totaal" className={h2}>
          Aandeel per gemeente
        </h2>
        {split.items.length === 0 ? (
          <p className="mt-2">Er zijn nog geen kosten ingevuld. Met de bewerkingslink vult u gedeelde kosten en trajecten in.</p>
        ) : (
          <>
            <p className="mt-1">De regio draagt {formatEuro(split.total)} over de hele looptijd ({period}).</p>
            <div className="mt-4 grid gap-6">
              <HorizontalBars
                label={`Aandeel per gemeente over de hele looptijd (${period}); de tabel ernaast geeft dezelfde bedragen per jaar.`}
                items={split.members.map((m) => ({ label: m.name, amount: m.total }))}
              />
              <MemberTable
                label="Tabel aandeel per gemeente per jaar"
                caption="Aandeel per gemeente per jaar"
                columns={split.years.map((year) => ({ key: String(year), head: year }))}
                totalHead={totalHead}
                rows={split.members.map((m) => ({ name: m.name, values: m.years.map((y) => y.total), total: m.total }))}
                footer={{ values: split.byYear.map((y) => y.total), total: split.total }}
              />
              <MemberTable
                label="Tabel aandeel per gemeente per kostensoort"
                caption="Aandeel per gemeente per kostensoort, hele looptijd"
                columns={categories.map((c) => ({ key: c, head: names.category(c) }))}
                totalHead={totalHead}
                rows={split.members.map((m) => ({ name: m.name, values: categories.map((c) => m.byCategory.get(c) ?? 0), total: m.total }))}
                footer={{ values: categories.map((c) => split.byCategory.get(c) ?? 0), total: split.total }}
              />
            </div>
          </>
        )}
      </section>

      {split.items.length > 0 && (
        <section aria-labelledby="sleutels">
          <h2 id="sleutels" className={h2}>
            Kostenposten en verdeelsleutels
          </h2>
          <p className="mt-1 max-w-3xl">
            Gedeelde kosten worden per jaar in hele euro’s verdeeld met de methode van de grootste overschotten: elke gemeente krijgt haar deel
            naar beneden afgerond, en de overgebleven euro’s gaan één voor één naar de grootste restjes. Zo tellen de delen in elk jaar precies
            op tot het bedrag van dat jaar; er gaat geen euro verloren en er komt er geen bij.
          </p>
          <TableScroll label="Tabel kostenposten en verdeelsleutels" className="mt-3">
            <table className={table}>
              <caption className={caption}>Kostenposten, verdeelsleutel en controle per jaar</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3 text-left">
                    Kostenpost
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Kostensoort
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Verdeling
                  </th>
                  {yearHeads}
                  {totalHead}
                  <th scope="col" className={th}>
                    Som van de delen
                  </th>
                </tr>
              </thead>
              <tbody>
                {split.items.map((item) => {
                  const sum = item.years.reduce((a, y) => a + y.shares.reduce((b, s) => b + s, 0), 0);
                  const off = item.years.filter((y) => y.shares.reduce((a, b) => a + b, 0) !== y.amount).map((y) => y.year);
                  return (
                    <tr key={`${item.kind}-${item.index}`}>
                      <th scope="row" className={rowTh}>
                        {item.label}
                      </th>
                      <td className="border-b border-gray-200 px-2 py-1">{names.category(item.costCategory)}</td>
                      <td className="border-b border-gray-200 px-2 py-1">{item.keyLabel}</td>
                      {item.years.map((y) => (
                        <td key={y.year} className={td}>
                          {formatEuro(y.amount)}
                        </td>
                      ))}
                      <td className={td}>{formatEuro(item.total)}</td>
                      <td className={td}>
                        {formatEuro(sum)}
                        {off.length === 0 ? <span className="sr-only"> (in elk jaar gelijk aan het bedrag)</span> : ` (wijkt af in ${off.join(', ')})`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <section aria-labelledby="per-gemeente">
        <h2 id="per-gemeente" className={h2}>
          Verdeling per gemeente
        </h2>
        <div className="mt-2 grid gap-6 md:grid-cols-2">
          {region.members.map((member, m) => {
            const share = split.members[m];
            const handoff = handedOff.get(member.name);
            return (
              <section key={member.name} aria-labelledby={`gemeente-${m}`} className="min-w-0 break-inside-avoid">
                <h3 id={`gemeente-${m}`} className="text-lg font-semibold">
                  {member.name}
                </h3>
                <p className="text-sm text-muted">
                  {formatNumber(member.children0to4)} kinderen van 0–4 jaar, {formatNumber(member.children0to18)} kinderen van 0–18 jaar.{' '}
                  {handoff ? (
                    <>
                      Overgenomen in{' '}
                      <Link href={planReadPath(handoff.planId)} className="text-brand-700 underline">
                        het financieringsplan van {member.name}
                      </Link>{' '}
                      (versie {handoff.planVersion}).
                    </>
                  ) : linksOf(member.name).length === 0 ? (
                    'Nog niet gekoppeld aan een financieringsplan.'
                  ) : null}
                  {linksOf(member.name).map((l) => (
                    <span key={l.planId} className="block">
                      Gekoppeld aan{' '}
                      <Link href={planReadPath(l.planId)} className="text-brand-700 underline">
                        het financieringsplan van {member.name}
                      </Link>{' '}
                      (rekent met versie {l.regionVersion}: {upToDate(l)}).
                    </span>
                  ))}
                </p>
                {split.items.length > 0 && share && (
                  <TableScroll label={`Tabel verdeling ${member.name}`} className="mt-2">
                    <table className={table}>
                      <caption className="sr-only">Aandeel van {member.name} per kostenpost en jaar</caption>
                      <thead>
                        <tr>
                          <th scope="col" className="py-1 pr-3 text-left">
                            Kostenpost
                          </th>
                          {yearHeads}
                          {totalHead}
                        </tr>
                      </thead>
                      <tbody>
                        {split.items.map((item) => (
                          <tr key={`${item.kind}-${item.index}`}>
                            <th scope="row" className={rowTh}>
                              {item.label}
                              <span className="block text-xs font-normal text-muted">{names.category(item.costCategory)}</span>
                            </th>
                            {item.years.map((y) => (
                              <td key={y.year} className={td}>
                                {formatEuro(y.shares[m] ?? 0)}
                                {y.trajectories && (
                                  <span className="block text-xs text-muted">
                                    {formatNumber(y.trajectories[m] ?? 0)} {y.trajectories[m] === 1 ? 'traject' : 'trajecten'}
                                  </span>
                                )}
                              </td>
                            ))}
                            <td className={td}>{formatEuro(item.years.reduce((a, y) => a + (y.shares[m] ?? 0), 0))}</td>
                          </tr>
                        ))}
                      </tbody>
                      <tfoot>
                        <tr className="font-semibold">
                          <th scope="row" className="py-1 pr-3 text-left">
                            Totaal
                          </th>
                          {share.years.map((y) => (
                            <td key={y.year} className={td}>
                              {formatEuro(y.total)}
                            </td>
                          ))}
                          <td className={td}>{formatEuro(share.total)}</td>
                        </tr>
                      </tfoot>
                    </table>
                  </TableScroll>
                )}
              </section>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="gekoppeld">
        <h2 id="gekoppeld" className={h2}>
          Gekoppelde financieringsplannen
        </h2>
        <p className="mt-1 max-w-3xl">
          Een gemeente koppelt haar eigen financieringsplan aan dit regionale plan, met de leeslink van deze pagina. Haar aandeel telt dan mee als
          behoefte in haar plan, in de versie die zij heeft overgenomen; bij een nieuwere versie ziet zij dat en kan zij bijwerken.
        </p>
        {links.length === 0 ? (
          <p className="mt-1">Nog geen gemeente heeft haar financieringsplan aan dit regionale plan gekoppeld.</p>
        ) : (
          <TableScroll label="Tabel gekoppelde financieringsplannen" className="mt-2">
            <table className={table}>
              <caption className="sr-only">Gekoppelde financieringsplannen</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3 text-left">
                    Gemeente
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Financieringsplan
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Overgenomen versie
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Bij?
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((l) => (
                  <tr key={l.planId}>
                    <th scope="row" className={rowTh}>
                      {l.memberName}
                    </th>
                    <td className="border-b border-gray-200 px-2 py-1">
                      <Link href={planReadPath(l.planId)} className="text-brand-700 underline">
                        Financieringsplan van {l.memberName}
                      </Link>
                    </td>
                    <td className="border-b border-gray-200 px-2 py-1">
                      versie {l.regionVersion}, op {formatDateTime(l.pulledAt)}
                    </td>
                    <td className="border-b border-gray-200 px-2 py-1">{l.regionVersion === region.version ? 'Ja, bijgewerkt' : `Nee, nu versie ${region.version}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="overgenomen">
        <h2 id="overgenomen" className={h2}>
          Overgenomen in financieringsplannen (overdracht)
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          De oude manier: de coördinator zette het aandeel als financieringsregels in het plan van de gemeente. Dat kan nog tot de volgende
          release; koppelen vanuit het plan van de gemeente vervangt het.
        </p>
        {region.handoffs.length === 0 ? (
          <p className="mt-1">Nog geen gemeente heeft haar aandeel overgenomen in een eigen financieringsplan.</p>
        ) : (
          <TableScroll label="Tabel overgenomen aandelen" className="mt-2">
            <table className={table}>
              <caption className="sr-only">Overgenomen aandelen</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pr-3 text-left">
                    Gemeente
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Financieringsplan
                  </th>
                  <th scope="col" className="px-2 py-1 text-left">
                    Wanneer
                  </th>
                </tr>
              </thead>
              <tbody>
                {region.handoffs.map((h, i) => (
                  <tr key={`${h.planId}-${i}`}>
                    <th scope="row" className={rowTh}>
                      {h.memberName}
                    </th>
                    <td className="border-b border-gray-200 px-2 py-1">
                      <Link href={planReadPath(h.planId)} className="text-brand-700 underline">
                        Financieringsplan van {h.memberName}
                      </Link>{' '}
                      (versie {h.planVersion}, uit regionaal plan versie {h.regionVersion})
                    </td>
                    <td className="border-b border-gray-200 px-2 py-1">{formatDateTime(h.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

/** Members × columns of whole euros, with a total column and a "Totaal regio" row. */
function MemberTable(props: {
  label: string;
  caption: string;
  columns: { key: string; head: ReactNode }[];
  totalHead: ReactNode;
  rows: { name: string; values: number[]; total: number }[];
  footer: { values: number[]; total: number };
}) {
  const { columns } = props;
  return (
    <TableScroll label={props.label}>
      <table className={table}>
        <caption className={caption}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3 text-left">
              Gemeente
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={th}>
                {c.head}
              </th>
            ))}
            {props.totalHead}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.name}>
              <th scope="row" className={rowTh}>
                {row.name}
              </th>
              {row.values.map((value, i) => (
                <td key={columns[i]?.key ?? i} className={td}>
                  {formatEuro(value)}
                </td>
              ))}
              <td className={td}>{formatEuro(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="py-1 pr-3 text-left">
              Totaal regio
            </th>
            {props.footer.values.map((value, i) => (
              <td key={columns[i]?.key ?? i} className={td}>
                {formatEuro(value)}
              </td>
            ))}
            <td className={td}>{formatEuro(props.footer.total)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
