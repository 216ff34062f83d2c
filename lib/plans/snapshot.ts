import { z } from 'zod';
import { LINE_STATUSES, LOOPTIJDEN } from './schema';
import { mergeYearLines, normalizeAmounts } from './lines';
import type { PlanState } from './types';

/**
 * A revision's snapshot: the complete PlanState as JSON text in
 * PlanRevision.snapshot. `format` lets a later change read old snapshots:
 * format 1 (before amounts per year) is read and converted, never written.
 * Stored JSON is parsed with zod like any other input (no casts), because the
 * column could be edited by hand or written by an older version of the app.
 */

const text = z.string();
const int = z.number().int();

const planFields = z.object({
  municipality: text,
  title: text,
  startYear: int,
  endYear: int,
  contactNote: text.nullable(),
});
const needs = z.array(z.object({ costCategory: text, year: int, amount: int }));
const lineFields = {
  id: text,
  costCategory: text,
  sourceSlug: text.nullable(),
  customSourceName: text.nullable(),
  looptijd: z.enum(LOOPTIJDEN),
  status: z.enum(LINE_STATUSES),
  rejectionReason: text.nullable(),
  note: text.nullable(),
};

/** A regional share pulled into the plan (lib/plans/region-shares.ts). */
const regionShare = z.object({
  regionId: text,
  regionName: text,
  memberName: text,
  regionVersion: int,
  pulledAt: text,
  needs,
});

/**
 * Format 2 (issue 9): lines with an amount per year. `regionShares` was added
 * later within format 2 as an optional field: snapshots written before
 * regional links existed lack it and read as "no links" (older code reading
 * a newer snapshot drops it, as zod strips unknown keys). It is written only
 * when the plan has a link, so other snapshots stay as they were.
 */
export const snapshotSchema = z.object({
  format: z.literal(2),
  /** When this state was saved (the plan's updatedAt at the time), ISO 8601. */
  savedAt: z.string(),
  plan: planFields,
  needs,
  lines: z.array(z.object({ ...lineFields, amounts: z.array(z.object({ year: int, amount: int })) })),
  regionShares: z.array(regionShare).optional(),
});

/** Format 1: one year and one amount per line. Read (merged with mergeYearLines), never written. */
const snapshotV1Schema = z.object({
  format: z.literal(1),
  savedAt: z.string(),
  plan: planFields,
  needs,
  lines: z.array(z.object({ ...lineFields, year: int, amount: int })),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function toSnapshot(state: PlanState, savedAt: Date): Snapshot {
  const { municipality, title, startYear, endYear, contactNote, needs, lines, regionShares = [] } = state;
  return {
    format: 2,
    savedAt: savedAt.toISOString(),
    plan: { municipality, title, startYear, endYear, contactNote },
    needs: needs.map(({ costCategory, year, amount }) => ({ costCategory, year, amount })),
    lines: lines.map(({ id, costCategory, sourceSlug, customSourceName, amounts, looptijd, status, rejectionReason, note }) => ({
      id,
      costCategory,
      sourceSlug,
      customSourceName,
      amounts: amounts.map(({ year, amount }) => ({ year, amount })),
      looptijd,
      status,
      rejectionReason,
      note,
    })),
    ...(regionShares.length > 0
      ? {
          regionShares: regionShares.map(({ regionId, regionName, memberName, regionVersion, pulledAt, needs: shareNeeds }) => ({
            regionId,
            regionName,
            memberName,
            regionVersion,
            pulledAt,
            needs: shareNeeds.map(({ costCategory, year, amount }) => ({ costCategory, year, amount })),
          })),
        }
      : {}),
  };
}

export function snapshotState(snapshot: Snapshot): PlanState {
  return {
    ...snapshot.plan,
    needs: snapshot.needs,
    lines: snapshot.lines.map((l) => ({ ...l, amounts: normalizeAmounts(l.amounts) })),
    regionShares: snapshot.regionShares ?? [],
  };
}

/** Parses stored snapshot text (either format); null when it is not a snapshot this version understands. */
export function parseSnapshot(json: string): Snapshot | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const v1 = snapshotV1Schema.safeParse(data);
  if (!v1.success) return null;
  return { ...v1.data, format: 2, lines: mergeYearLines(v1.data.lines) };
}
