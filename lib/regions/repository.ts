import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { StepExpectationFailed, store } from '@/lib/store';
import { hashSecret, looksLikeToken, newEditSecret, newLineId, newPlanId, secretMatches } from '@/lib/plans/secret';
import { listRevisionsWith, revisionQuery, type RevisionList, type RevisionPage } from '@/lib/revision-history';
import { getRegionContent } from './content-server';
import { diffRegions, type RegionChange } from './diff';
import { fieldErrors, regionSchemas, storedDocumentSchema, type RegionContent, type RegionDocument, type RegionState } from './schema';

/**
 * Storage of regional plans (server-only), on the model of lib/plans/repository.ts:
 * typed results instead of exceptions for expected refusals, secrets compared
 * in constant time and never returned (except the new one from createRegion),
 * optimistic concurrency by one conditional UPDATE on (id, version, secret
 * hash) in the transaction that writes revision n + 1.
 */

export type RegionHandoffView = { memberName: string; planId: string; planVersion: number; regionVersion: number; createdAt: Date };
export type RegionView = RegionState & { id: string; version: number; createdAt: Date; updatedAt: Date; handoffs: RegionHandoffView[] };

export type RegionRefusal =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export type Options = { content?: RegionContent };
export type RegionAuthorization = { id: string; version: number; editSecretHash: string; startYear: number; endYear: number };

function documentOf(state: RegionState): string {
  const doc: RegionDocument = { members: state.members, sharedItems: state.sharedItems, trajectoryItems: state.trajectoryItems };
  return JSON.stringify(doc);
}

function parseDocument(json: string, startYear: number, endYear: number): RegionDocument {
  // Parsed, not cast: a corrupt row fails loudly here instead of somewhere in a page.
  return storedDocumentSchema(startYear, endYear).parse(JSON.parse(json));
}

/** A revision's snapshot: the whole state plus when it was saved (written by createRegion and saveAuthorizedRegion). */
function snapshotOf(state: RegionState, savedAt: Date): string {
  return JSON.stringify({ ...state, savedAt: savedAt.toISOString() });
}

const snapshotFields = z.object({ name: z.string(), startYear: z.number().int(), endYear: z.number().int(), savedAt: z.string() });

/**
 * A stored snapshot → the state of that version; null when it cannot be read
 * (the history then says so instead of failing). Snapshots written before
 * amounts and trajectories per year read like old documents.
 */
function parseSnapshot(json: string): RegionState | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const fields = snapshotFields.safeParse(data);
  if (!fields.success) return null;
  const { name, startYear, endYear } = fields.data;
  const doc = storedDocumentSchema(startYear, endYear).safeParse(data);
  return doc.success ? { name, startYear, endYear, ...doc.data } : null;
}

export async function createRegion(
  input: unknown,
  options: Options = {},
): Promise<{ ok: true; region: RegionView; editSecret: string } | { ok: false; reason: 'invalid'; errors: Record<string, string> }> {
  const parsed = regionSchemas(options.content ?? getRegionContent()).regionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  const state = parsed.data;
  const id = newPlanId();
  const editSecret = newEditSecret();
  const now = new Date();
  const document = documentOf(state);
  await db.region.create({
    data: {
      id,
      name: state.name,
      startYear: state.startYear,
      endYear: state.endYear,
      document,
      editSecretHash: hashSecret(editSecret),
      version: 1,
      createdAt: now,
      updatedAt: now,
      revisions: { create: { version: 1, snapshot: snapshotOf(state, now), createdAt: now } },
    },
  });
  return { ok: true, region: { ...state, id, version: 1, createdAt: now, updatedAt: now, handoffs: [] }, editSecret };
}

/** What a preview image of the region's read page may show: its name only (no members, no amounts). */
export async function getRegionCard(id: string): Promise<{ name: string } | null> {
  if (!looksLikeToken(id)) return null;
  return db.region.findUnique({ where: { id }, select: { name: true } });
}

export async function getRegion(id: string): Promise<RegionView | null> {
  if (!looksLikeToken(id)) return null;
  const row = await db.region.findUnique({ where: { id }, include: { handoffs: { orderBy: { createdAt: 'asc' } } } });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    startYear: row.startYear,
    endYear: row.endYear,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...parseDocument(row.document, row.startYear, row.endYear),
    handoffs: row.handoffs.map((h) => ({
      memberName: h.memberName,
      planId: h.planId,
      planVersion: h.planVersion,
      regionVersion: h.regionVersion,
      createdAt: h.createdAt,
    })),
  };
}

export async function authorizeRegion(
  id: string,
  secret: string,
): Promise<{ ok: true; region: RegionAuthorization } | { ok: false; reason: 'not-found' | 'forbidden' }> {
  if (!looksLikeToken(id)) return { ok: false, reason: 'not-found' };
  const row = await db.region.findUnique({ where: { id }, select: { id: true, version: true, editSecretHash: true, startYear: true, endYear: true } });
  if (!row) return { ok: false, reason: 'not-found' };
  if (!secretMatches(secret, row.editSecretHash)) return { ok: false, reason: 'forbidden' };
  return { ok: true, region: row };
}


/**
 * Replaces the whole regional plan with `input` as version expectedVersion + 1,
 * if it is still at expectedVersion under the same secret. Refusals write nothing.
 */
export async function saveAuthorizedRegion(
  auth: RegionAuthorization,
  expectedVersion: number,
  input: unknown,
  options: Options = {},
): Promise<{ ok: true; version: number; updatedAt: Date } | RegionRefusal> {
  if (auth.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: auth.version };
  const parsed = regionSchemas(options.content ?? getRegionContent()).regionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  const state = parsed.data;
  const now = new Date();
  const version = expectedVersion + 1;
  const document = documentOf(state);
  const snapshot = snapshotOf(state, now);
  try {
    // On the store's driver (lib/store/), like plan saves: while another process holds SQLite's writer lock the
    // save waits asynchronously, instead of blocking this worker inside Prisma's busy timeout (issue 11).
    await store().batch([
      {
        sql: REGION_SQL.guard,
        params: [state.name, state.startYear, state.endYear, document, version, now, auth.id, expectedVersion, auth.editSecretHash],
        expect: 'one-row',
      },
      { sql: REGION_SQL.revision, params: [auth.id, version, snapshot, now] },
    ]);
  } catch (error) {
    if (error instanceof StepExpectationFailed || store().isUniqueViolation(error)) {
      const current = await db.region.findUnique({ where: { id: auth.id }, select: { version: true, editSecretHash: true } });
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.editSecretHash !== auth.editSecretHash) return { ok: false, reason: 'forbidden' };
      return { ok: false, reason: 'conflict', currentVersion: current.version };
    }
    throw error;
  }
  return { ok: true, version, updatedAt: now };
}

const REGION_SQL = {
  // The guard: one conditional UPDATE; the hash is part of it so a secret rotated since authorizeRegion also refuses.
  guard: `UPDATE "Region" SET "name" = ?, "startYear" = ?, "endYear" = ?, "document" = ?, "version" = ?, "updatedAt" = ?
    WHERE "id" = ? AND "version" = ? AND "editSecretHash" = ?`,
  revision: 'INSERT INTO "RegionRevision" ("regionId", "version", "snapshot", "createdAt") VALUES (?, ?, ?, ?)',
} as const;

/** Revisions, newest first, `limit` per page (default 50, at most 200). Null for an unknown regional plan. */
export async function listRegionRevisions(id: string, page: RevisionPage = {}): Promise<RevisionList | null> {
  if (!looksLikeToken(id)) return null;
  const region = await db.region.findUnique({ where: { id }, select: { version: true } });
  return listRevisionsWith(page, region?.version ?? null, (query) => {
    const { where, ...rest } = revisionQuery(query);
    return db.regionRevision.findMany({ where: { regionId: id, ...where }, ...rest });
  });
}

/** The state of one version; null when the regional plan or the version is unknown (or its snapshot unreadable). */
export async function getRegionRevision(id: string, version: number): Promise<{ version: number; savedAt: Date; state: RegionState } | null> {
  if (!looksLikeToken(id) || !Number.isSafeInteger(version)) return null;
  const row = await db.regionRevision.findUnique({ where: { regionId_version: { regionId: id, version } } });
  const state = row ? parseSnapshot(row.snapshot) : null;
  return row && state ? { version, savedAt: row.createdAt, state } : null;
}

/** What changed from version `from` to version `to` (e.g. what the save that won a race changed). */
export async function compareRegionVersions(id: string, from: number, to: number): Promise<RegionChange[] | null> {
  const [a, b] = await Promise.all([getRegionRevision(id, from), getRegionRevision(id, to)]);
  return a && b ? diffRegions(a.state, b.state) : null;
}

/**
 * Makes an earlier version the current one, as a new version (history is
 * never rewritten), through the same versioned save as an edit: a stale
 * expectedVersion is a conflict, and the old state is validated against
 * today's catalogue (an intervention that left content/ makes it `invalid`).
 */
export async function restoreAuthorizedRegion(
  auth: RegionAuthorization,
  expectedVersion: number,
  revisionVersion: number,
  options: Options = {},
): Promise<{ ok: true; version: number; updatedAt: Date } | RegionRefusal | { ok: false; reason: 'revision-not-found' }> {
  if (auth.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: auth.version };
  const revision = await getRegionRevision(auth.id, revisionVersion);
  if (!revision) return { ok: false, reason: 'revision-not-found' };
  return saveAuthorizedRegion(auth, expectedVersion, revision.state, options);
}

/**
 * Records that a member handed its share to a municipal plan. A record, not a
 * change of the regional plan's content, so it does not bump the version (an
 * open edit form of the coordinator stays valid).
 */
export async function recordHandoff(regionId: string, entry: Omit<RegionHandoffView, 'createdAt'>): Promise<void> {
  await db.regionHandoff.create({ data: { id: newLineId(), regionId, ...entry } });
}

/** Replaces the edit secret: the old edit link stops working at once. Does not change the version. */
export async function rotateRegionSecret(id: string, secret: string): Promise<{ ok: true; editSecret: string } | { ok: false; reason: 'not-found' | 'forbidden' }> {
  const auth = await authorizeRegion(id, secret);
  if (!auth.ok) return auth;
  const editSecret = newEditSecret();
  // Conditional on the old hash: of two concurrent rotations only one wins.
  const { count } = await db.region.updateMany({ where: { id, editSecretHash: auth.region.editSecretHash }, data: { editSecretHash: hashSecret(editSecret) } });
  return count === 1 ? { ok: true, editSecret } : { ok: false, reason: 'forbidden' };
}
