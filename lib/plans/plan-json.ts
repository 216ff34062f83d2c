import 'server-only';
import { computeTotals, type FundingBasis, type PlanTotals } from './calculations';
import type { PlanContent } from './content';
import { getPlanContent } from './content-server';
import { cache, drop, keyOf, remember, type Entry } from './json-cache';
import { getPlan, getPlanVersion } from './repository';
import { countedNeeds, ignoredNeeds, type RegionShareNeed } from './region-shares';
import type { LineRow, NeedRow, PlanView } from './types';
import { planExportPath, planReadPath } from './urls';
import { regionReadPath } from '@/lib/regions/urls';
import { planWarnings, type PlanWarning } from './validity';

/** A regional share in the API answer: `needs` count in the totals; `ignored` lie outside the plan's years. */
export type RegionShareJson = {
  regionId: string;
  regionName: string;
  member: string;
  /** The regional plan's version the amounts were pulled from. */
  version: number;
  pulledAt: string;
  readUrl: string;
  needs: RegionShareNeed[];
  ignored: RegionShareNeed[];
};

/** The body of GET /api/plannen/<id>. */
export type PlanJson = {
  plan: Omit<PlanView, 'needs' | 'lines' | 'regionShares'>;
  /** The plan's own needs (as entered). */
  needs: NeedRow[];
  lines: LineRow[];
  /** Shares of linked regional plans: need too, included in `totals` (read-only here; linked on the edit page). */
  regionShares: RegionShareJson[];
  totals: PlanTotals;
  /** Lines that count on a source that has ended or is uncertain in their year (lib/plans/validity.ts). */
  warnings: PlanWarning[];
  links: { read: string; csv: string; xlsx: string };
};

export function planJson(plan: PlanView, content: PlanContent, basis: FundingBasis): PlanJson {
  const { needs, lines, regionShares = [], ...fields } = plan;
  return {
    plan: fields,
    needs,
    lines,
    regionShares: regionShares.map((r) => ({
      regionId: r.regionId,
      regionName: r.regionName,
      member: r.memberName,
      version: r.regionVersion,
      pulledAt: r.pulledAt,
      readUrl: regionReadPath(r.regionId),
      needs: countedNeeds(r, plan.startYear, plan.endYear),
      ignored: ignoredNeeds(r, plan.startYear, plan.endYear),
    })),
    totals: computeTotals(plan, content, basis),
    warnings: planWarnings(lines, content),
    links: { read: planReadPath(plan.id), csv: planExportPath(plan.id, 'csv'), xlsx: planExportPath(plan.id, 'xlsx') },
  };
}

const encoder = new TextEncoder();

/**
 * The GET body of a plan as UTF-8 JSON, with its version (for the ETag); null
 * for an unknown plan. Served from the cache in json-cache.ts when the
 * database still has the version it was built from.
 */
export async function planJsonBytes(id: string, basis: FundingBasis): Promise<{ version: number; body: Uint8Array<ArrayBuffer> } | null> {
  const key = keyOf(id, basis);
  const hit = cache.entries.get(key);
  if (hit) {
    const version = await getPlanVersion(id);
    if (version === null) {
      drop(key);
      return null;
    }
    if (version === hit.version) return hit;
  }
  const generation = cache.generation.get(id) ?? 0;
  const plan = await getPlan(id);
  if (!plan) return null;
  const body = encoder.encode(JSON.stringify(planJson(plan, getPlanContent(), basis)));
  const entry: Entry = { version: plan.version, body };
  if ((cache.generation.get(id) ?? 0) === generation) remember(key, entry);
  return entry;
}
