import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CopyLink } from '@/components/copy-link';
import { PageHeader } from '@/components/page-header';
import { getCatalog } from '@/lib/content';
import { guardEditPage } from '@/lib/edit-page-guard';
import { formatDateTime } from '@/lib/dates';
import { getPlanContent } from '@/lib/plans/content-server';
import { sourcesForCategory } from '@/lib/plans/content';
import { describeChange, diffStates } from '@/lib/plans/diff';
import { planToFormValues, type EditorState } from '@/lib/plans/form';
import { authorizePlan, getPlan, getRevision, listRevisions } from '@/lib/plans/repository';
import { EDIT_SECRET_PARAM, planEditPath, planExportPath, planReadPath } from '@/lib/plans/urls';
import { requestOrigin } from '@/lib/request-origin';
import { wegwijzerHref } from '@/lib/wegwijzer-url';
import type { PlanState } from '@/lib/plans/types';
import { rotateSecretAction } from './actions';
import { FORM_ID, PlanEditor, type EditorCategory } from './plan-editor';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'Financieringsplan bewerken' };

/** How many versions the history shows with their changes. */
const HISTORY_LIMIT = 10;

export default async function EditPlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const secretParam = query[EDIT_SECRET_PARAM];
  const secret = typeof secretParam === 'string' ? secretParam : '';

  const plan = await getPlan(id);
  if (!plan) notFound();

  const requestHeaders = await headers();
  await guardEditPage(requestHeaders, secret, (s) => authorizePlan(id, s));

  const catalog = getCatalog();
  const content = getPlanContent();
  const categories: EditorCategory[] = content.kostensoorten.map((k) => ({
    slug: k.slug,
    naam: k.naam,
    sources: sourcesForCategory(content, k.slug).map((s) => {
      const niveaus = catalog.by.financieringsbronnen.get(s.slug)?.niveaus ?? [];
      return {
        slug: s.slug,
        naam: s.naam,
        looptijd: s.looptijd,
        page: `/bronnen/${s.slug}`,
        wegwijzer: wegwijzerHref({ wet: s.wetten[0], niveau: niveaus.length === 1 ? niveaus[0] : undefined, kosten: k.slug }, {}, '#detail'),
      };
    }),
  }));
  const sourceNames = Object.fromEntries(content.bronnen.map((b) => [b.slug, b.naam]));
  const initial: EditorState = {
    status: 'idle',
    nonce: `v${plan.version}`,
    version: plan.version,
    values: planToFormValues(plan),
    errors: {},
    message: null,
    conflict: null,
    focus: null,
  };
  const readPath = planReadPath(plan.id);
  const newLink = query.melding === 'nieuwe-link';
  const history = await planHistory(plan.id);

  return (
    <>
      <PageHeader
        eyebrow="Financieringsplan bewerken"
        title={plan.title}
        intro={
          <p>
            {plan.municipality}, {plan.startYear}–{plan.endYear}. Laatst opgeslagen op {formatDateTime(plan.updatedAt)} (versie{' '}
            {plan.version}).
          </p>
        }
      />

      {newLink && (
        <section aria-labelledby="nieuwe-link-titel" className="mb-6 max-w-3xl rounded border-2 border-amber-700 p-4">
          <h2 id="nieuwe-link-titel" className="text-xl font-semibold">
            Nieuwe bewerkingslink gemaakt
          </h2>
          <p className="mt-1">De oude bewerkingslink werkt niet meer. Dit is de nieuwe; hij staat ook in de adresbalk.</p>
          <p className="mt-2 border-l-4 border-amber-700 bg-accent-100 px-3 py-2 font-semibold">
            Iedereen met deze link kan het plan wijzigen. Bewaar hem goed; hij wordt maar één keer getoond.
          </p>
          <CopyLink id="nieuwe-bewerkingslink" url={requestOrigin(requestHeaders) + planEditPath(plan.id, secret)} buttonLabel="Bewerkingslink kopiëren" />
        </section>
      )}

      <nav aria-label="Dit plan" className="no-print mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={readPath} className="text-brand-700 underline">
              Plan bekijken (leeslink, om te delen)
            </Link>
          </li>
          <li>
            <a href={planExportPath(plan.id, 'csv')} className="text-brand-700 underline">
              Download CSV
            </a>
          </li>
          <li>
            <a href={planExportPath(plan.id, 'xlsx')} className="text-brand-700 underline">
              Download Excel (.xlsx)
            </a>
          </li>
          <li>
            <a href="#geschiedenis" className="text-brand-700 underline">
              Geschiedenis
            </a>
          </li>
        </ul>
      </nav>

      <p className="mb-6 max-w-3xl border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-sm">
        Dit is de bewerkingspagina. Iedereen met de link in de adresbalk kan het plan wijzigen: deel hem alleen met wie mee mag
        schrijven. Wie alleen moet lezen, krijgt de leeslink.
      </p>

      <PlanEditor
        planId={plan.id}
        secret={secret}
        readPath={readPath}
        initial={initial}
        categories={categories}
        sourceNames={sourceNames}
        stored={{ startYear: plan.startYear, endYear: plan.endYear }}
      />

      <section id="geschiedenis" aria-labelledby="geschiedenis-titel" className="mt-10 scroll-mt-4">
        <h2 id="geschiedenis-titel" className="text-xl font-semibold text-brand-800">
          Geschiedenis
        </h2>
        <p className="mt-1 max-w-3xl">
          Elke keer opslaan maakt een nieuwe versie; oudere versies blijven bewaard. Terugzetten maakt van een oude versie de
          nieuwste (de huidige blijft in de geschiedenis). Niet-opgeslagen wijzigingen hierboven vervallen dan.
        </p>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Versies van dit plan, nieuwste eerst</caption>
            <thead>
              <tr className="border-b-2 border-gray-400 text-left">
                <th scope="col" className="py-1 pr-3">
                  Versie
                </th>
                <th scope="col" className="py-1 pr-3">
                  Opgeslagen
                </th>
                <th scope="col" className="py-1 pr-3">
                  Wat er veranderde
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">Terugzetten</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.entries.map((entry) => (
                <tr key={entry.version} className="border-b border-gray-200 align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium whitespace-nowrap">
                    {entry.version}
                    {entry.current && <span className="block font-normal text-muted">huidige</span>}
                  </th>
                  <td className="py-2 pr-3">{formatDateTime(entry.savedAt)}</td>
                  <td className="py-2 pr-3">
                    {entry.changes.length === 0 ? (
                      <span className="text-muted">Geen wijzigingen</span>
                    ) : (
                      <ul className="list-disc pl-4">
                        {entry.changes.map((c, i) => (
                          <li key={i}>{c}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="py-2">
                    {!entry.current && (
                      <button
                        type="submit"
                        form={FORM_ID}
                        name="intent"
                        value={`restore:${entry.version}`}
                        className="no-print rounded border border-brand-700 px-2 py-1 whitespace-nowrap text-brand-700 hover:bg-brand-50"
                      >
                        Versie {entry.version} terugzetten
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {history.more > 0 && <p className="mt-2 text-sm text-muted">En {history.more} oudere versies.</p>}
      </section>

      <section aria-labelledby="link-vervangen-titel" className="no-print mt-10 max-w-3xl">
        <h2 id="link-vervangen-titel" className="text-xl font-semibold text-brand-800">
          Nieuwe bewerkingslink maken
        </h2>
        <p className="mt-1">
          Heeft iemand de bewerkingslink die dat niet meer mag hebben? Maak dan een nieuwe. De huidige link werkt daarna niet meer,
          ook niet voor u: u gaat verder met de nieuwe, die u één keer te zien krijgt. De leeslink blijft hetzelfde.
        </p>
        <form action={rotateSecretAction} className="mt-3">
          <input type="hidden" name="planId" value={plan.id} />
          <input type="hidden" name="sleutel" value={secret} />
          <button type="submit" className="rounded border-2 border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50">
            Nieuwe bewerkingslink maken
          </button>
        </form>
      </section>
    </>
  );
}

type HistoryEntry = { version: number; savedAt: Date; current: boolean; changes: string[] };

/** The latest versions with what each one changed compared to the one before. */
async function planHistory(id: string): Promise<{ entries: HistoryEntry[]; more: number }> {
  const list = await listRevisions(id, { limit: HISTORY_LIMIT });
  if (!list) return { entries: [], more: 0 };
  const content = getPlanContent();
  // Newest first; the first one is the current version.
  const versions = list.revisions.map((r) => ({ version: r.version, savedAt: r.savedAt, current: r.version === list.currentVersion }));
  // Each state once; version v is compared with v − 1.
  const wanted = [...new Set(versions.flatMap((v) => [v.version, v.version - 1]).filter((v) => v >= 1))];
  const states = new Map<number, PlanState>();
  await Promise.all(
    wanted.map(async (v) => {
      const revision = await getRevision(id, v);
      if (revision) states.set(v, revision.state);
    }),
  );
  const entries = versions.map((v): HistoryEntry => {
    const after = states.get(v.version);
    const before = states.get(v.version - 1);
    const changes =
      v.version === 1 ? ['Plan gemaakt'] : after && before ? diffStates(before, after).map((c) => describeChange(c, content)) : ['(niet meer te vergelijken)'];
    return { ...v, changes };
  });
  const more = Math.max(0, (entries.at(-1)?.version ?? 1) - 1);
  return { entries, more };
}
