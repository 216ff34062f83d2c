import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RememberEditLink } from '@/components/my-plans';
import { PageHeader } from '@/components/page-header';
import { guardEditPage } from '@/lib/edit-page-guard';
import { membersPlace } from '@/lib/my-plans';
import { EDIT_SECRET_PARAM } from '@/lib/plans/urls';
import { RevisionHistory } from '@/components/revision-history';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { describeRegionChanges } from '@/lib/regions/diff';
import { REGION_FORM_ID, stateToFormValues, type EditorState, type HandoffState } from '@/lib/regions/form';
import { authorizeRegion, getRegion, getRegionRevision, listRegionRevisions } from '@/lib/regions/repository';
import { SPLIT_KEYS, TRAJECTORY_BASES, TRAJECTORY_BASIS_LABEL, type RegionState } from '@/lib/regions/schema';
import { SPLIT_KEY_LABEL } from '@/lib/regions/split';
import { regionReadPath } from '@/lib/regions/urls';
import { yearsOf } from '@/lib/regions/years';
import { revisionHistory } from '@/lib/revision-history';
import { rotateRegionSecretAction } from './actions';
import { HandoffForm, RegionEditor } from './region-editor';

/** How many versions the history shows with their changes. */
const HISTORY_LIMIT = 10;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: 'Regionaal plan bewerken' };

export default async function EditRegionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const secretParam = query[EDIT_SECRET_PARAM];
  const secret = typeof secretParam === 'string' ? secretParam : '';

  const region = await getRegion(id);
  if (!region) notFound();
  await guardEditPage(secret, (s) => authorizeRegion(id, s));

  const content = getRegionContent();
  const initial: EditorState = {
    status: 'editing',
    values: stateToFormValues(region),
    errors: {},
    message: null,
    version: region.version,
    years: yearsOf(region.startYear, region.endYear),
    conflict: null,
  };
  const names = regionNames(content);
  const history = await revisionHistory<RegionState>({
    list: await listRegionRevisions(region.id, { limit: HISTORY_LIMIT }),
    load: async (version) => (await getRegionRevision(region.id, version))?.state ?? null,
    describe: (before, after) => describeRegionChanges(before, after, names),
    created: 'Regionaal plan gemaakt',
  });
  const handoffInitial: HandoffState = { status: 'idle', values: { member: '0', planLink: '', looptijd: 'structureel' }, errors: {}, message: null };
  return (
    <>
      <PageHeader
        eyebrow="Regionaal plan bewerken"
        title={region.name}
        intro={
          <p>
            Versie {region.version}.{' '}
            <Link href={regionReadPath(region.id)} className="text-brand-700 underline">
              Verdeling bekijken (leeslink)
            </Link>
            {' · '}
            <a href="#geschiedenis" className="text-brand-700 underline">
              Geschiedenis
            </a>
          </p>
        }
      />
      {query.melding === 'nieuwe-link' && (
        <section aria-labelledby="nieuwe-link-titel" className="mb-6 max-w-3xl rounded border-2 border-amber-700 p-4">
          <h2 id="nieuwe-link-titel" className="text-xl font-semibold">
            Nieuwe bewerkingslink gemaakt
          </h2>
          <p className="mt-1">
            De oude bewerkingslink werkt niet meer. De nieuwe staat in de adresbalk: bewaar hem nu, want hij wordt niet opnieuw getoond.
          </p>
        </section>
      )}
      <RememberEditLink kind="regio" id={region.id} title={region.name} place={membersPlace(region.members.length)} secret={secret} noun="dit regionale plan" />
      <RegionEditor
        regionId={region.id}
        secret={secret}
        readPath={regionReadPath(region.id)}
        initial={initial}
        categories={content.kostensoorten.map((k) => ({ value: k.slug, label: k.naam }))}
        interventions={content.interventies.map((i) => ({ value: i.slug, label: i.naam }))}
        splitKeys={SPLIT_KEYS.map((k) => ({ value: k, label: SPLIT_KEY_LABEL[k] }))}
        bases={TRAJECTORY_BASES.map((b) => ({ value: b, label: TRAJECTORY_BASIS_LABEL[b] }))}
      />
      <RevisionHistory
        history={history}
        formId={REGION_FORM_ID}
        caption="Versies van dit regionale plan, nieuwste eerst"
        intro="Elke keer opslaan maakt een nieuwe versie; oudere versies blijven bewaard. Terugzetten maakt van een oude versie de nieuwste (de huidige blijft in de geschiedenis). Niet-opgeslagen wijzigingen hierboven vervallen dan."
      />
      <section aria-labelledby="overdragen" className="mt-12 border-t border-gray-300 pt-8">
        <h2 id="overdragen" className="text-2xl font-bold text-brand-800">
          Aandeel overnemen in een financieringsplan
        </h2>
        <p className="mt-1 max-w-3xl">
          Een gemeente kan haar aandeel als financieringsregels in haar eigen{' '}
          <Link href="/plannen/nieuw" className="text-brand-700 underline">
            financieringsplan
          </Link>{' '}
          zetten: per kostensoort en jaar één regel met financieringsbron ‘Regionaal budget’. Het financieringsplan krijgt daarmee een nieuwe versie;
          is het intussen door iemand anders opgeslagen, dan wordt er niets overgenomen.
        </p>
        <p className="mt-2 max-w-3xl border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-sm">
          <strong>Nieuw: laat de gemeente zelf koppelen.</strong> Geef haar de leeslink van dit regionale plan. In haar eigen financieringsplan
          kiest zij bij ‘Regionale plannen’ haar gemeente; haar aandeel telt dan mee als behoefte, en bij een nieuwere versie van dit plan kan zij
          bijwerken. Niemand heeft daarvoor een bewerkingslink van een ander nodig. Overdragen zoals hieronder kan nog tot de volgende release.
        </p>
        <HandoffForm regionId={region.id} secret={secret} members={region.members.map((m) => m.name)} initial={handoffInitial} />
      </section>
      <section aria-labelledby="link-vervangen" className="mt-12 border-t border-gray-300 pt-8">
        <h2 id="link-vervangen" className="text-2xl font-bold text-brand-800">
          Bewerkingslink vervangen
        </h2>
        <p className="mt-1 max-w-3xl">
          Heeft iemand de bewerkingslink die dat niet meer mag hebben? Maak dan een nieuwe. De huidige link werkt daarna niet meer, ook
          niet voor u. De leeslink blijft hetzelfde.
        </p>
        <form action={rotateRegionSecretAction} className="mt-3">
          <input type="hidden" name="regionId" value={region.id} />
          <input type="hidden" name="sleutel" value={secret} />
          <button type="submit" className="rounded border-2 border-red-700 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-50">
            Nieuwe bewerkingslink maken
          </button>
        </form>
      </section>
    </>
  );
}
