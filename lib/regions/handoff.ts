import 'server-only';
import { authorizePlan, getPlan, saveAuthorizedPlan } from '@/lib/plans/repository';
import { LOOPTIJDEN, type LineStatus, type Looptijd } from '@/lib/plans/schema';
import { normalizeAmounts } from '@/lib/plans/lines';
import type { LineRow, YearAmount } from '@/lib/plans/types';
import { computeSplit } from './calculate';
import { getRegionContent, regionNames } from './content-server';
import { authorizeRegion, getRegion, recordHandoff } from './repository';
import { parsePlanEditLink } from './urls';

/**
 * Hand-off: a member turns its share of the regional plan into funding lines
 * of its own municipal plan.
 *
 * - Both plans are authorised: the regional plan by its edit secret (only the
 *   coordinator's link can hand off), the municipal plan by its edit link,
 *   pasted by the member.
 * - The lines go through the municipal plan's own save path
 *   (saveAuthorizedPlan: validation, version check, new revision), so nothing
 *   is silently overwritten: a save made in between refuses the hand-off.
 * - One line per cost category, with the share of each year > 0 as that
 *   year's amount (a one-off cost is in its own year only), source
 *   'regionaal-budget', status 'idee' (the split is the coordinator's
 *   calculation; the municipality marks it 'toegezegd' once its council has
 *   committed), looptijd as chosen (default structureel: the examples say
 *   regional costs must be "structureel geborgd").
 * - Line ids are "regio-<regionId>-<category>": handing off again
 *   replaces the earlier lines from this region instead of adding duplicates,
 *   also when the share has become zero (the old lines are then removed).
 *   Years outside the municipal plan's range are skipped and reported.
 */

export const HANDOFF_SOURCE = 'regionaal-budget';
export const HANDOFF_STATUS: LineStatus = 'idee';
export const DEFAULT_HANDOFF_LOOPTIJD: Looptijd = 'structureel';

export type HandoffInput = { regionId: string; regionSecret: string; member: unknown; planLink: unknown; looptijd: unknown };

export type HandoffResult =
  | {
      ok: true;
      memberName: string;
      planId: string;
      planVersion: number;
      /** Lines written now. */
      lineCount: number;
      /** Lines from an earlier hand-off of this region that these replaced (0 the first time). */
      removedLines: number;
      skippedYears: number[];
    }
  | { ok: false; reason: 'region-not-found' | 'region-forbidden' }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> }
  | { ok: false; reason: 'plan-not-found' | 'plan-forbidden' | 'plan-conflict' | 'no-overlap' | 'nothing-to-hand-off' | 'nothing-in-plan-years' }
  | { ok: false; reason: 'plan-invalid'; message: string };

export const lineIdPrefix = (regionId: string) => `regio-${regionId}-`;

/**
 * Whose secret was wrong when a hand-off was refused for it (the regional
 * plan's or the pasted plan link's), to count it against that document's
 * limit (lib/secret-attempts.ts); null for other refusals.
 */
export function wrongSecretDocument(input: Pick<HandoffInput, 'regionId' | 'planLink'>, result: HandoffResult): { kind: 'plan' | 'regio'; id: string } | null {
  if (result.ok) return null;
  if (result.reason === 'region-forbidden') return { kind: 'regio', id: input.regionId };
  if (result.reason !== 'plan-forbidden') return null;
  const link = typeof input.planLink === 'string' ? parsePlanEditLink(input.planLink) : null;
  return link ? { kind: 'plan', id: link.planId } : null;
}

export async function handOff(input: HandoffInput): Promise<HandoffResult> {
  const auth = await authorizeRegion(input.regionId, input.regionSecret);
  if (!auth.ok) return { ok: false, reason: auth.reason === 'not-found' ? 'region-not-found' : 'region-forbidden' };
  const region = await getRegion(input.regionId);
  if (!region) return { ok: false, reason: 'region-not-found' };

  const errors: Record<string, string> = {};
  const memberIndex = typeof input.member === 'string' && /^\d{1,3}$/.test(input.member) ? Number(input.member) : typeof input.member === 'number' ? input.member : -1;
  const member = region.members[memberIndex];
  if (!member) errors.member = 'Kies de gemeente die haar aandeel overneemt.';
  const link = typeof input.planLink === 'string' ? parsePlanEditLink(input.planLink) : null;
  if (!link) errors.planLink = 'Plak de bewerkingslink van het financieringsplan van de gemeente (…/plannen/…/bewerken?sleutel=…).';
  const looptijd = input.looptijd === undefined || input.looptijd === '' ? DEFAULT_HANDOFF_LOOPTIJD : LOOPTIJDEN.find((l) => l === input.looptijd);
  if (!looptijd) errors.looptijd = 'Kies tijdelijk of structureel.';
  if (!member || !link || !looptijd) return { ok: false, reason: 'invalid', errors };

  const planAuth = await authorizePlan(link.planId, link.secret);
  if (!planAuth.ok) return { ok: false, reason: planAuth.reason === 'not-found' ? 'plan-not-found' : 'plan-forbidden' };
  const plan = await getPlan(link.planId);
  if (!plan) return { ok: false, reason: 'plan-not-found' };
  if (plan.version !== planAuth.plan.version) return { ok: false, reason: 'plan-conflict' };

  const split = computeSplit(region, regionNames(getRegionContent()));
  const share = split.members[memberIndex];
  const prefix = lineIdPrefix(region.id);
  const earlier = plan.lines.filter((l) => l.id.startsWith(prefix)).length;
  if ((!share || share.total === 0) && earlier === 0) return { ok: false, reason: 'nothing-to-hand-off' };
  const inPlan = (year: number) => year >= plan.startYear && year <= plan.endYear;
  if (!split.years.some(inPlan)) return { ok: false, reason: 'no-overlap' };
  // Only years in which the member pays something are worth reporting as skipped.
  const skippedYears = (share?.years ?? []).filter((y) => !inPlan(y.year) && y.total > 0).map((y) => y.year);

  const note = `Aandeel van ${member.name} in het regionale plan “${region.name}” (versie ${region.version}).`.slice(0, 1000);
  const byCategory = new Map<string, YearAmount[]>();
  for (const { year, byCategory: shares } of share?.years ?? []) {
    if (!inPlan(year)) continue;
    for (const [costCategory, amount] of shares) {
      if (amount > 0) byCategory.set(costCategory, [...(byCategory.get(costCategory) ?? []), { year, amount }]);
    }
  }
  const newLines: LineRow[] = [...byCategory].map(([costCategory, amounts]) => ({
    id: `${prefix}${costCategory}`,
    costCategory,
    sourceSlug: HANDOFF_SOURCE,
    customSourceName: null,
    amounts: normalizeAmounts(amounts),
    looptijd,
    status: HANDOFF_STATUS,
    rejectionReason: null,
    note,
  }));
  // Nothing to write and nothing written before: say so. With earlier lines
  // from this region, the hand-off still saves: the share is now zero in the
  // plan's years, and the plan must not keep showing the old amounts.
  if (newLines.length === 0 && earlier === 0) return { ok: false, reason: 'nothing-in-plan-years' };
  const kept = plan.lines.filter((l) => !l.id.startsWith(prefix));
  const saved = await saveAuthorizedPlan(planAuth.plan, plan.version, { needs: plan.needs, lines: [...kept, ...newLines] });
  if (!saved.ok) {
    if (saved.reason === 'conflict') return { ok: false, reason: 'plan-conflict' };
    if (saved.reason === 'not-found') return { ok: false, reason: 'plan-not-found' };
    if (saved.reason === 'forbidden') return { ok: false, reason: 'plan-forbidden' };
    return { ok: false, reason: 'plan-invalid', message: Object.values(saved.errors)[0] ?? 'Het financieringsplan kon de regels niet opnemen.' };
  }
  await recordHandoff(region.id, { memberName: member.name, planId: plan.id, planVersion: saved.version, regionVersion: region.version });
  return { ok: true, memberName: member.name, planId: plan.id, planVersion: saved.version, lineCount: newLines.length, removedLines: earlier, skippedYears };
}

export const HANDOFF_MESSAGES: Record<Exclude<HandoffResult, { ok: true }>['reason'], string> = {
  'region-not-found': 'Dit regionale plan bestaat niet (meer).',
  'region-forbidden': 'De bewerkingslink van het regionale plan klopt niet (meer).',
  invalid: 'Controleer de gemarkeerde velden.',
  'plan-not-found': 'Het financieringsplan uit deze link bestaat niet. Controleer de link.',
  'plan-forbidden': 'Deze bewerkingslink hoort niet (meer) bij het financieringsplan. Gebruik de nieuwste bewerkingslink.',
  'plan-conflict': 'Het financieringsplan is intussen door iemand anders opgeslagen. Er is niets overgenomen; probeer het opnieuw.',
  'no-overlap': 'De looptijd van het financieringsplan overlapt niet met die van het regionale plan; er is niets overgenomen.',
  'nothing-to-hand-off': 'Deze gemeente heeft in dit regionale plan (nog) geen aandeel; er is niets overgenomen.',
  'nothing-in-plan-years': 'Deze gemeente heeft in de jaren van het financieringsplan geen aandeel; er is niets overgenomen.',
  'plan-invalid': 'Het financieringsplan kon de regels niet opnemen.',
};
