import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { CopyLinkButton } from '@/components/copy-link-button';
import { PageHeader } from '@/components/page-header';
import { TableScroll } from '@/components/table-scroll';
import { getCatalog } from '@/lib/content';
import { answerFor, answerSheetHref, parseChoice, sharedAcross, type Answer, type SharedItem } from '@/lib/content/answers';
import { pick } from '@/lib/content/catalog';
import { isoToday } from '@/lib/content/days';
import { BETALER_LABEL, formatPeildatum } from '@/lib/content/labels';
import { interventiesText, listNl, parseKies } from '@/lib/content/page-titles';
import { requestOrigin } from '@/lib/request-origin';
import { metadataFor } from '@/lib/site';
import { AnswerBlock } from './answer-block';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The list, or with ?kies=… the answer sheet of the chosen interventions (its title names them). */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const c = getCatalog();
  return metadataFor(interventiesText(c, parseKies(c, (await searchParams).kies)));
}

const LIST_TITLE = 'Interventies';

function choiceOf(sp: Record<string, string | string[] | undefined>) {
  const c = getCatalog();
  return parseChoice(sp.kies, new Set(c.interventies.map((i) => i.slug)));
}


export default async function InterventiesPage({ searchParams }: Props) {
  const c = getCatalog();
  const choice = choiceOf(await searchParams);
  // One address per answer sheet: the checkbox form's "kies=a&kies=b" and
  // variants in case or order of duplicates become "kies=a,b".
  if (choice.changed) redirect(choice.query ? `/interventies?${choice.query}` : '/interventies');

  if (choice.slugs.length > 0 || choice.unknown.length > 0) {
    const today = isoToday();
    const answers = pick(c.by.interventies, choice.slugs).map((i) => answerFor(c, i, today));
    const link = `${requestOrigin(await headers())}${answerSheetHref(choice.slugs)}`;
    return <AnswerSheet answers={answers} unknown={choice.unknown} today={today} link={link} chosen={choice.slugs} />;
  }

  return (
    <>
      <PageHeader
        title={LIST_TITLE}
        intro={<p>Interventies die de brondocumenten noemen, met de wetten, preventieniveaus en fasen die ze raken.</p>}
      />
      <ChooseForm chosen={[]} open />
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
                  <a href={`/interventies/${i.slug}`} className="text-brand-700 underline">
                    {i.naam}
                  </a>
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

/** A plain GET form: works without JavaScript; the page canonicalises what the browser sends. */
function ChooseForm({ chosen, open }: { chosen: readonly string[]; open: boolean }) {
  const c = getCatalog();
  const fields = (
    <form action="/interventies" method="get" className="mt-2">
      <fieldset>
        <legend className="font-medium">Kies een of meer interventies</legend>
        <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {c.interventies.map((i) => (
            <li key={i.slug} className="flex items-start gap-2">
              <input
                type="checkbox"
                name="kies"
                value={i.slug}
                id={`kies-${i.slug}`}
                defaultChecked={chosen.includes(i.slug)}
                className="mt-1 size-4 shrink-0 accent-brand-700"
              />
              <label htmlFor={`kies-${i.slug}`}>{i.naam}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="mt-3 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        Toon antwoordblad
      </button>
    </form>
  );
  return (
    <section aria-labelledby="kies-titel" className="no-print mb-6 rounded border border-gray-300 bg-gray-50 p-3">
      <h2 id="kies-titel" className="text-lg font-semibold text-brand-800">
        {open ? 'Antwoordblad voor meerdere interventies' : 'Andere keuze'}
      </h2>
      {open && (
        <p className="mt-1 text-sm">
          Per interventie de hoofdroute naar geld, andere routes, met wie u praat, voorwaarden en wat onzeker is, plus wat ze
          gemeen hebben. Het blad is een link om te delen en past op A4.
        </p>
      )}
      {fields}
    </section>
  );
}

const SHARED_KIND_LABEL: Record<SharedItem['kind'], string> = {
  wet: 'Wetten',
  betaler: 'Betalers',
  bron: 'Financieringsbronnen',
  gesprekspartner: 'Gesprekspartners',
};

function AnswerSheet({ answers, unknown, today, link, chosen }: { answers: Answer[]; unknown: string[]; today: string; link: string; chosen: string[] }) {
  const names = answers.map((a) => a.interventie.naam);
  const shared = sharedAcross(answers);
  const planYear = answers[0]?.planYear;
  return (
    <>
      <PageHeader
        eyebrow="Interventies"
        title={names.length > 0 ? `Antwoordblad: ${listNl(names)}` : 'Antwoordblad'}
        actions={<CopyLinkButton />}
        intro={
          <p>
            Per interventie: de hoofdroute naar geld (wet, preventieniveau, betaler), andere routes, met wie u praat, voorwaarden
            en wat onzeker is of afloopt{planYear ? ` in ${planYear}` : ''}. Stand van {formatPeildatum(today)}.
          </p>
        }
      />

      {unknown.length > 0 && (
        <p role="status" className="mb-4 rounded border border-amber-700 bg-accent-100 p-3">
          Niet gevonden als interventie: {unknown.map((u) => `“${u}”`).join(', ')}. Kies hieronder uit de lijst.
        </p>
      )}

      {answers.length > 0 && (
        <p className="mb-4 text-sm [overflow-wrap:anywhere]">
          Link naar dit antwoordblad:{' '}
          <a href={answerSheetHref(chosen)} className="text-brand-700 underline">
            {link}
          </a>
        </p>
      )}

      {answers.length > 1 && (
        <section aria-labelledby="samen" className="print-split mb-6">
          <h2 id="samen" className="text-xl font-semibold text-brand-800 print:break-after-avoid">
            Samen bekeken
          </h2>
          <TableScroll label="Hoofdroutes van de gekozen interventies" className="mt-2">
            <table className="w-full border-collapse text-sm">
              <caption className="mb-1 text-left font-semibold">Hoofdroutes</caption>
              <thead>
                <tr className="border-b-2 border-gray-400 text-left">
                  <th scope="col" className="py-1 pr-3">Interventie</th>
                  <th scope="col" className="py-1 pr-3">Wet</th>
                  <th scope="col" className="py-1 pr-3">Niveau</th>
                  <th scope="col" className="py-1 pr-3">Betaler</th>
                  <th scope="col" className="py-1">Financieringsbron</th>
                </tr>
              </thead>
              <tbody>
                {answers.map(({ interventie: i, main }) => (
                  <tr key={i.slug} className="border-b border-gray-200 align-top">
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      <a href={`#antwoord-${i.slug}`} className="text-brand-700 underline">
                        {i.naam}
                      </a>
                    </th>
                    {main.found ? (
                      <>
                        <td className="py-1 pr-3">{main.wet.korteNaam}</td>
                        <td className="py-1 pr-3">{main.niveau.naam}</td>
                        <td className="py-1 pr-3">{BETALER_LABEL[main.betaler]}</td>
                        <td className="py-1">{main.sources.map((b) => b.naam).join('; ')}</td>
                      </>
                    ) : (
                      <td colSpan={4} className="py-1">
                        Niet gevonden: de bronnen noemen geen route
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>

          <h3 className="mt-4 font-semibold text-brand-800">Wat ze delen</h3>
          {shared.length === 0 ? (
            <p className="mt-1">De gekozen interventies delen geen wet, betaler, financieringsbron of gesprekspartner.</p>
          ) : (
            (['wet', 'betaler', 'bron', 'gesprekspartner'] as const).map((kind) => {
              const items = shared.filter((s) => s.kind === kind);
              if (items.length === 0) return null;
              return (
                <div key={kind} className="mt-2">
                  <h4 className="font-medium">{SHARED_KIND_LABEL[kind]}</h4>
                  <ul className="list-disc pl-5">
                    {items.map((s) => (
                      <li key={s.key}>
                        {s.href ? (
                          <a href={s.href} className="text-brand-700 underline">
                            {s.naam}
                          </a>
                        ) : (
                          s.naam
                        )}
                        :{' '}
                        {s.by.map((b, n) => (
                          <span key={b.slug}>
                            {n > 0 && ', '}
                            {b.naam} <span className="text-muted">({b.main ? 'hoofdroute' : 'andere route'})</span>
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })
          )}
        </section>
      )}

      {answers.map((a) => (
        <AnswerBlock key={a.interventie.slug} answer={a} today={today} title="naam" />
      ))}

      <ChooseForm chosen={chosen} open={answers.length === 0} />
    </>
  );
}
