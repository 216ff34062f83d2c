import 'server-only';
import { formatEuro } from '@/lib/money';
import { computeSplit } from '@/lib/regions/calculate';
import { getRegionContent, regionNames } from '@/lib/regions/content-server';
import { getRegion, type RegionView } from '@/lib/regions/repository';
import { parseRegionReadLink } from '@/lib/regions/urls';
import { rangeLabel } from '@/lib/regions/years';
import { getPlan, saveAuthorizedRegionShares, type PlanAuthorization } from './repository';
import type { PlanView } from './types';
import {
  MAX_REGION_LINKS,
  REGION_LINK_MESSAGES,
  countedNeeds,
  describeIgnored,
  describeShareChanges,
  ignoredNeeds,
  shareChanges,
  shareTotal,
  type RegionShare,
  type RegionShareNeed,
  type ShareAmountChange,
} from './region-shares';

/**
 * Pull (issue 9 §3): a municipality links its own plan to a regional plan,
 * from its own edit page, with the region's READ link and its member name.
 * Only the municipal plan's edit secret is needed (the page it is on); the
 * region is only read. The member's share is copied into the plan
 * (lib/plans/region-shares.ts) through the plan's versioned save
 * (saveAuthorizedRegionShares): a new version and revision, refused as a
 * conflict when the page is stale. "Bijwerken" pulls the region's newest
 * version the same way; unlinking removes the copy.
 *
 * The old push hand-off (lib/regions/handoff.ts) stays for one release.
 */

export type RegionLinkResult =
  | { ok: true; version: number; message: string }
  | { ok: false; reason: 'not-found' | 'forbidden' }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  /** Nothing written; `message` says why (Dutch). */
  | { ok: false; reason: 'refused'; message: string };

const refused = (message: string): RegionLinkResult => ({ ok: false, reason: 'refused', message });

/** The member in a regional plan by name (as listed; also with other capitals or spaces around it). */
export function findMember(region: Pick<RegionView, 'members'>, name: string): { index: number; name: string } | null {
  const wanted = name.trim().toLocaleLowerCase('nl-NL');
  const index = region.members.findIndex((m) => m.name.trim().toLocaleLowerCase('nl-NL') === wanted);
  const member = region.members[index];
  return member ? { index, name: member.name } : null;
}

/** The order of cost categories in content/ (pulled needs are listed in it). */
function categoryOrder(): string[] {
  return getRegionContent().kostensoorten.map((k) => k.slug);
}

function categoryName(slug: string): string {
  return regionNames(getRegionContent()).category(slug).toLowerCase();
}

/**
 * The member's share of the regional plan as it is now: per cost category and
 * year with an amount above 0, every year of the regional plan (the plan that
 * pulls it decides which years count). Null when the member is not (or no
 * longer) in the regional plan.
 */
export function pullShare(region: RegionView, memberName: string, now: Date = new Date()): RegionShare | null {
  const member = findMember(region, memberName);
  if (!member) return null;
  const split = computeSplit(region, regionNames(getRegionContent()));
  const share = split.members[member.index];
  const order = categoryOrder();
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  const needs: RegionShareNeed[] = (share?.years ?? [])
    .flatMap(({ year, byCategory }) => [...byCategory].filter(([, amount]) => amount > 0).map(([costCategory, amount]) => ({ costCategory, year, amount })))
    .sort((a, b) => rank(a.costCategory) - rank(b.costCategory) || a.costCategory.localeCompare(b.costCategory) || a.year - b.year);
  return { regionId: region.id, regionName: region.name, memberName: member.name, regionVersion: region.version, pulledAt: now.toISOString(), needs };
}

/** How a pulled share compares with its regional plan now (edit and read pages). */
export type ShareStatus =
  | { kind: 'current' }
  /** The regional plan has a newer version; `changes` = the amounts that "bijwerken" would change. */
  | { kind: 'newer'; latestVersion: number; changes: ShareAmountChange[] }
  | { kind: 'member-missing'; latestVersion: number }
  | { kind: 'region-missing' };

export async function shareStatus(share: RegionShare): Promise<ShareStatus> {
  const region = await getRegion(share.regionId);
  if (!region) return { kind: 'region-missing' };
  if (region.version === share.regionVersion) return { kind: 'current' };
  const fresh = pullShare(region, share.memberName);
  if (!fresh) return { kind: 'member-missing', latestVersion: region.version };
  return { kind: 'newer', latestVersion: region.version, changes: shareChanges(share, fresh, categoryOrder()) };
}

/** "Niet meegeteld, want buiten de looptijd van dit plan (2026–2027): 2028 (€ 1.200)." or ''. */
export function ignoredSentence(share: RegionShare, startYear: number, endYear: number): string {
  const ignored = ignoredNeeds(share, startYear, endYear);
  return ignored.length === 0 ? '' : `Niet meegeteld, want buiten de looptijd van dit plan (${rangeLabel(startYear, endYear)}): ${describeIgnored(ignored)}.`;
}

/** The plan as it is now, if it is still at the version the page was loaded at. */
async function currentPlan(auth: PlanAuthorization, expectedVersion: number) {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1) return { error: refused('Ongeldige versie van het plan; laad de pagina opnieuw.') };
  if (auth.version !== expectedVersion) return { error: { ok: false, reason: 'conflict', currentVersion: auth.version } as const };
  const plan = await getPlan(auth.id);
  if (!plan) return { error: { ok: false, reason: 'not-found' } as const };
  return { plan };
}

/** The plan as it is now (see currentPlan) with its link to `regionId`; refused when there is none. */
async function linkedPlan(
  auth: PlanAuthorization,
  expectedVersion: number,
  regionId: string,
): Promise<{ error: RegionLinkResult } | { error?: undefined; plan: PlanView; shares: RegionShare[]; old: RegionShare }> {
  const current = await currentPlan(auth, expectedVersion);
  if (current.error) return { error: current.error };
  const shares = current.plan.regionShares ?? [];
  const old = shares.find((r) => r.regionId === regionId);
  if (!old) return { error: refused('Dit plan is niet (meer) aan dit regionale plan gekoppeld.') };
  return { plan: current.plan, shares, old };
}

async function write(auth: PlanAuthorization, expectedVersion: number, shares: RegionShare[], message: (version: number) => string): Promise<RegionLinkResult> {
  const saved = await saveAuthorizedRegionShares(auth, expectedVersion, shares);
  if (saved.ok) return { ok: true, version: saved.version, message: message(saved.version) };
  if (saved.reason === 'invalid') return refused(Object.values(saved.errors)[0] ?? 'De koppeling kon niet worden opgeslagen.');
  return saved;
}

/** Links the plan to the regional plan behind `link`, as member `memberName`. */
export async function linkRegion(auth: PlanAuthorization, expectedVersion: number, link: string, memberName: string): Promise<RegionLinkResult> {
  const current = await currentPlan(auth, expectedVersion);
  if (current.error) return current.error;
  const { plan } = current;
  const regionId = parseRegionReadLink(link);
  if (!regionId) return refused(REGION_LINK_MESSAGES.notALink);
  const region = await getRegion(regionId);
  if (!region) return refused(REGION_LINK_MESSAGES.notFound);
  const shares = plan.regionShares ?? [];
  if (shares.some((r) => r.regionId === region.id)) {
    return refused(`Dit plan is al gekoppeld aan het regionale plan “${region.name}”. Gebruik “Bijwerken” om de nieuwste versie over te nemen.`);
  }
  if (shares.length >= MAX_REGION_LINKS) return refused(`Een plan kan aan hoogstens ${MAX_REGION_LINKS} regionale plannen gekoppeld zijn.`);
  if (memberName.trim() === '') return refused(`Kies uw gemeente in het regionale plan “${region.name}”.`);
  const share = pullShare(region, memberName);
  if (!share) return refused(`“${memberName}” is geen gemeente in het regionale plan “${region.name}”. Kies uw gemeente uit de lijst.`);

  const counted = shareTotal(countedNeeds(share, plan.startYear, plan.endYear));
  const ignored = ignoredSentence(share, plan.startYear, plan.endYear);
  return write(auth, expectedVersion, [...shares, share], (version) =>
    [
      `Gekoppeld aan het regionale plan “${region.name}” als ${share.memberName} (versie ${region.version}): ${formatEuro(counted)} telt mee als behoefte.`,
      share.needs.length === 0 ? `${share.memberName} heeft in dit regionale plan (nog) geen aandeel; komt dat er, dan kunt u bijwerken.` : '',
      ignored,
      `Opgeslagen als versie ${version}.`,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Pulls the regional plan's newest version for a linked region ("bijwerken"). */
export async function updateRegion(auth: PlanAuthorization, expectedVersion: number, regionId: string): Promise<RegionLinkResult> {
  const linked = await linkedPlan(auth, expectedVersion, regionId);
  if (linked.error) return linked.error;
  const { plan, shares, old } = linked;
  const region = await getRegion(regionId);
  if (!region) return refused(`Het regionale plan “${old.regionName}” is niet meer te vinden. Het aandeel van versie ${old.regionVersion} blijft staan tot u de koppeling verwijdert.`);
  const fresh = pullShare(region, old.memberName);
  if (!fresh) {
    return refused(`${old.memberName} staat niet meer in het regionale plan “${region.name}”. Verwijder de koppeling en koppel opnieuw met de juiste gemeente.`);
  }
  if (region.version === old.regionVersion) return refused(`Het aandeel in “${region.name}” is al bij: versie ${region.version} is de nieuwste.`);
  const changes = describeShareChanges(shareChanges(old, fresh, categoryOrder()), categoryName);
  const ignored = ignoredSentence(fresh, plan.startYear, plan.endYear);
  return write(auth, expectedVersion, shares.map((r) => (r.regionId === regionId ? fresh : r)), (version) =>
    [
      `Aandeel regio ${region.name} bijgewerkt van versie ${old.regionVersion} naar ${region.version}; opgeslagen als versie ${version}.`,
      changes.length === 0 ? 'De bedragen van uw gemeente bleven gelijk.' : `Veranderd: ${changes.join(', ')}.`,
      ignored,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** Removes a region link: its share no longer counts as need. */
export async function unlinkRegion(auth: PlanAuthorization, expectedVersion: number, regionId: string): Promise<RegionLinkResult> {
  const linked = await linkedPlan(auth, expectedVersion, regionId);
  if (linked.error) return linked.error;
  const { plan, shares, old } = linked;
  const counted = shareTotal(countedNeeds(old, plan.startYear, plan.endYear));
  return write(auth, expectedVersion, shares.filter((r) => r.regionId !== regionId), (version) =>
    `De koppeling met het regionale plan “${old.regionName}” is verwijderd; de behoefte is ${formatEuro(counted)} lager. Opgeslagen als versie ${version}.`,
  );
}

/** The edit form's region intents: "regio-koppelen", "regio-bijwerken:<regionId>", "regio-ontkoppelen:<regionId>". */
export async function regionIntent(
  auth: PlanAuthorization,
  expectedVersion: number,
  intent: string,
  fields: { link: string; member: string },
): Promise<RegionLinkResult> {
  if (intent === 'regio-koppelen') return linkRegion(auth, expectedVersion, fields.link, fields.member);
  const [action, regionId = ''] = intent.split(':', 2);
  if (action === 'regio-bijwerken') return updateRegion(auth, expectedVersion, regionId);
  if (action === 'regio-ontkoppelen') return unlinkRegion(auth, expectedVersion, regionId);
  return refused('Onbekende opdracht; laad de pagina opnieuw.');
}

/** A regional plan found by a pasted link, for the member select of the link form. */
export type RegionLookup = { id: string; name: string; version: number; members: string[] };

/** The link form's first step without JavaScript (`?regio=<link>` on the edit page). */
export async function lookupRegion(link: string): Promise<{ ok: true; region: RegionLookup } | { ok: false; message: string }> {
  const regionId = parseRegionReadLink(link);
  if (!regionId) return { ok: false, message: REGION_LINK_MESSAGES.notALink };
  const region = await getRegion(regionId);
  if (!region) return { ok: false, message: REGION_LINK_MESSAGES.notFound };
  return { ok: true, region: { id: region.id, name: region.name, version: region.version, members: region.members.map((m) => m.name) } };
}
