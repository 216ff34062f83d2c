import { Citations } from '@/components/citations';
import { PageHeader } from '@/components/page-header';
import { ValidityBadge } from '@/components/validity';
import { getCatalog } from '@/lib/content';
import { pick } from '@/lib/content/catalog';
import { formatPeildatum, ZEKERHEID_LABEL } from '@/lib/content/labels';
import type { Actueel } from '@/lib/content/schema';
import { isoToday } from '@/lib/content/days';
import { formatDatering, sortByValidity, validityOn } from '@/lib/content/validity';
import { TableScroll } from '@/components/table-scroll';
import { fixedPage } from '@/lib/content/page-titles';
import { metadataFor } from '@/lib/site';

export const metadata = metadataFor(fixedPage('/actueel'));

const FACT_SHEET = 'actuele-feiten-2026.md';

export default function ActueelPage() {
  const c = getCatalog();
  const today = isoToday();
  const sheet = c.by.documenten.get(FACT_SHEET);
  // In content order: editors put what matters most for planning first (the end of the brede SPUK).
  const changes = c.actueel.filter((a) => a.soort === 'wijziging');
  const questions = c.actueel.filter((a) => a.soort === 'open-vraag');
  const notRunning = sortByValidity(
    c.financieringsbronnen.filter((b) => validityOn(b.geldigheid, today).status !== 'loopt'),
    today,
  );
  const h2 = 'text-xl font-semibold text-brand-800';

  return (
    <>
      <PageHeader
        title="Wat is er veranderd sinds de wegwijzer?"
        intro={
          <p>
            De wegwijzer van VWS is van vóór medio 2022 en de voorbeelden beschrijven ongeveer 2020. Hier staat wat sindsdien is
            veranderd en ertoe doet als u 2027 en later plant, elk met datum, zekerheid en bron. Wat niet bekend is, staat er
            ook: daarop kunt u nog niet rekenen.
          </p>
        }
      />
      {sheet && (
        <p className="mb-6 max-w-3xl rounded border border-gray-300 bg-gray-50 p-3 text-sm">
          <span className="font-medium">Stand:</span> {formatDatering(sheet.datering)}. {sheet.datering.toelichting}
        </p>
      )}

      <nav aria-label="Op deze pagina" className="mb-6">
        <ul className="flex flex-wrap gap-2">
          {[
            ['wijzigingen', 'Wijzigingen'],
            ['open-vragen', 'Nog niet bekend'],
            ['geldbronnen', 'Geldbronnen die aflopen of onzeker zijn'],
          ].map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="inline-block rounded border border-brand-700 px-3 py-1 text-brand-700">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="wijzigingen">
        <h2 id="wijzigingen" className={h2}>
          Wijzigingen
        </h2>
        <ol className="mt-3 space-y-4">
          {changes.map((a) => (
            <Entry key={a.id} item={a} today={today} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="open-vragen" className="mt-8">
        <h2 id="open-vragen" className={h2}>
          Nog niet bekend
        </h2>
        <p className="mt-1 max-w-3xl">Hierover vonden wij niets. Wij vullen het niet in met een schatting.</p>
        <ul className="mt-3 space-y-4">
          {questions.map((a) => (
            <Entry key={a.id} item={a} today={today} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="geldbronnen" className="mt-8">
        <h2 id="geldbronnen" className={h2}>
          Geldbronnen die aflopen, afgelopen of onzeker zijn
        </h2>
        <TableScroll label="Geldbronnen die aflopen, afgelopen of onzeker zijn" className="mt-3">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Geldbronnen met een einddatum of een onbekende looptijd, vandaag</caption>
            <thead>
              <tr className="border-b-2 border-gray-400 text-left">
                <th scope="col" className="py-2 pr-3">Geldbron</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2">Toelichting</th>
              </tr>
            </thead>
            <tbody>
              {notRunning.map((b) => (
                <tr key={b.slug} className="border-b border-gray-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium">
                    <a href={`/bronnen/${b.slug}`} className="text-brand-700 underline">
                      {b.naam}
                    </a>
                  </th>
                  <td className="py-2 pr-3">
                    <ValidityBadge geldigheid={b.geldigheid} day={today} />
                  </td>
                  <td className="py-2">{b.geldigheid.toelichting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}

/** One change or open question: title, date (and certainty), text, the funding sources it concerns, citations. */
function Entry({ item: a, today }: { item: Actueel; today: string }) {
  return (
    <li id={a.id} className="scroll-mt-4 rounded border border-gray-300 p-3">
      <h3 className="text-lg font-semibold">{a.titel}</h3>
      <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
        <span>
          <span className="font-medium">{a.soort === 'open-vraag' ? 'Gezocht tot' : 'Datum'}:</span>{' '}
          <time dateTime={a.datum}>{formatPeildatum(a.datum)}</time>
        </span>
        {a.zekerheid && (
          <span>
            <span className="font-medium">Zekerheid:</span> {ZEKERHEID_LABEL[a.zekerheid]}
          </span>
        )}
      </p>
      <p className="mt-2 max-w-3xl">{a.tekst}</p>
      <SourceList slugs={a.financieringsbronnen} today={today} />
      <Citations bron={a.bron} className="mt-2" />
    </li>
  );
}

function SourceList({ slugs, today }: { slugs: string[]; today: string }) {
  const sources = pick(getCatalog().by.financieringsbronnen, slugs);
  if (sources.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {sources.map((b) => (
        <li key={b.slug} className="flex flex-wrap items-baseline gap-x-2">
          <a href={`/bronnen/${b.slug}`} className="text-brand-700 underline">
            {b.naam}
          </a>
          <ValidityBadge geldigheid={b.geldigheid} day={today} />
        </li>
      ))}
    </ul>
  );
}
