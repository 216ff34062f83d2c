import { z } from 'zod';
import { LINE_STATUSES, LOOPTIJDEN } from './schema';
import type { PlanState } from './types';

/**
 * A revision's snapshot: the complete PlanState as JSON text in
 * PlanRevision.snapshot. `format` lets a later change read old snapshots.
 * Stored JSON is parsed with zod like any other input (no casts), because the
 * column could be edited by hand or written by an older version of the app.
 */

const text = z.string();
const int = z.number().int();

export const snapshotSchema = z.object({
  format: z.literal(1),
  /** When this state was saved (the plan's updatedAt at the time), ISO 8601. */
  savedAt: z.string(),
  plan: z.object({
    municipality: text,
    title: text,
    startYear: int,
    endYear: int,
    contactNote: text.nullable(),
  }),
  needs: z.array(z.object({ costCategory: text, year: int, amount: int })),
  lines: z.array(
    z.object({
      id: text,
      costCategory: text,
      sourceSlug: text.nullable(),
      customSourceName: text.nullable(),
      year: int,
      amount: int,
      looptijd: z.enum(LOOPTIJDEN),
      status: z.enum(LINE_STATUSES),
      rejectionReason: text.nullable(),
      note: text.nullable(),
    }),
  ),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function toSnapshot(state: PlanState, savedAt: Date): Snapshot {
  const { municipality, title, startYear, endYear, contactNote, needs, lines } = state;
  return {
    format: 1,
    savedAt: savedAt.toISOString(),
    plan: { municipality, title, startYear, endYear, contactNote },
    needs: needs.map(({ costCategory, year, amount }) => ({ costCategory, year, amount })),
    lines: lines.map(({ id, costCategory, sourceSlug, customSourceName, year, amount, looptijd, status, rejectionReason, note }) => ({
      id,
      costCategory,
      sourceSlug,
      customSourceName,
      year,
      amount,
      looptijd,
      status,
      rejectionReason,
      note,
    })),
  };
}

export function snapshotState(snapshot: Snapshot): PlanState {
  return { ...snapshot.plan, needs: snapshot.needs, lines: snapshot.lines };
}

/** Parses stored snapshot text; null when it is not a snapshot this version understands. */
export function parseSnapshot(json: string): Snapshot | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
