import 'server-only';
import { computeTotals, type FundingBasis, type PlanTotals } from './calculations';
import type { PlanContent } from './content';
import { getPlanContent } from './content-server';
import { cache, drop, keyOf, remember, type Entry } from './json-cache';
import { getPlan, getPlanVersion } from './repository';
import type { LineRow, NeedRow, PlanView } from './types';
import { planExportPath, planReadPath } from './urls';
import { planWarnings, type PlanWarning } from './validity';

/** The body of GET /api/plannen/<id>. */
export type PlanJson = {
  plan: Omit<PlanView, 'needs' | 'lines'>;
  needs: NeedRow[];
  lines: LineRow[];
  totals: PlanTotals;
  /** Lines that count on a source that has ended or is uncertain in their year (lib/plans/validity.ts). */
  warnings: PlanWarning[];
  links: { read: string; csv: string; xlsx: string };
};

export function planJson(plan: PlanView, content: PlanContent, basis: FundingBasis): PlanJson {
  const { needs, lines, ...fields } = plan;
  return {
    plan: fields,
    needs,
    lines,
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
