import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CopyLink } from '@/components/copy-link';
import { RememberEditLink } from '@/components/my-plans';
import { PageHeader } from '@/components/page-header';
import { RevisionHistory } from '@/components/revision-history';
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
import { revisionHistory, type History } from '@/lib/revision-history';
import { wegwijzerHref } from '@/lib/wegwijzer-url';
import type { PlanState } from '@/lib/plans/types';
import { lookupRegion, shareStatus } from '@/lib/plans/region-link';
import { lineIdPrefix } from '@/lib/regions/handoff';
import { rotateSecretAction } from './actions';
import { FORM_ID, PlanEditor, type EditorCategory } from './plan-editor';
import { RegionLinks } from './region-links';

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
  await guardEditPage(secret, (s) => authorizePlan(id, s));

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
  // Only the dates: the editor warns live when a line's source has ended or is uncertain in the chosen year.
  const validity = content.bronnen.map(({ slug, naam, geldigheid: { vanaf, tot, bekendTot, opvolger } }) => ({
    slug,
    naam,
    geldigheid: { vanaf, tot, bekendTot, opvolger },
  }));
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

  // Regional plans (pull): the linked shares with their status, and the link form's first step without JavaScript (?regio=<link>).
  const regionShares = plan.regionShares ?? [];
  const shareStatuses = await Promise.all(regionShares.map(async (share) => ({ share, status: await shareStatus(share) })));
  const regionParam = typeof query.regio === 'string' ? query.regio.slice(0, 500) : '';
  const found = regionParam ? await lookupRegion(regionParam) : null;
  const categoryNames = new Map(content.kostensoorten.map((k) => [k.slug, k.naam]));
  const handoffLines = Object.fromEntries(
    regionShares.map((r) => [r.regionId, plan.lines.filter((l) => l.id.startsWith(lineIdPrefix(r.regionId))).length]),
  );

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
      <RememberEditLink kind="plan" id={plan.id} title={plan.title} place={plan.municipality} secret={secret} noun="dit plan" />

      <RegionLinks
        key={`regio-v${plan.version}`}
        formId={FORM_ID}
        editPath={`/plannen/${encodeURIComponent(plan.id)}/bewerken`}
        secret={secret}
        plan={plan}
        shares={shareStatuses}
        categoryName={(slug) => categoryNames.get(slug) ?? slug}
        lookup={{ link: regionParam, region: found?.ok ? found.region : null, error: found && !found.ok ? found.message : null }}
        handoffLines={handoffLines}
      />

      <PlanEditor
        planId={plan.id}
        secret={secret}
        readPath={readPath}
        initial={initial}
        categories={categories}
        sourceNames={sourceNames}
        validity={validity}
        stored={{ startYear: plan.startYear, endYear: plan.endYear }}
        regionShares={regionShares}
      />

      <RevisionHistory
        history={history}
        formId={FORM_ID}
        caption="Versies van dit plan, nieuwste eerst"
        intro="Elke keer opslaan maakt een nieuwe versie; oudere versies blijven bewaard. Terugzetten maakt van een oude versie de nieuwste (de huidige blijft in de geschiedenis). Niet-opgeslagen wijzigingen hierboven vervallen dan."
      />

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

/** The latest versions with what each one changed compared to the one before. */
async function planHistory(id: string): Promise<History> {
  const content = getPlanContent();
  return revisionHistory<PlanState>({
    list: await listRevisions(id, { limit: HISTORY_LIMIT }),
    load: async (version) => (await getRevision(id, version))?.state ?? null,
    describe: (before, after) => diffStates(before, after).map((c) => describeChange(c, content)),
    created: 'Plan gemaakt',
  });
}
