import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { listRevisionsWith, revisionQuery, type RevisionList, type RevisionPage } from '@/lib/revision-history';
import { insertRows, StepExpectationFailed, type Step, store } from '@/lib/store';
import { Prisma } from '@/lib/generated/prisma/client';
import { indexPlanContent, type PlanContent } from './content';
import { getPlanContent } from './content-server';
import { diffStates, type PlanChange } from './diff';
import { forgetPlan } from './json-cache';
import { LINE_STATUSES, LOOPTIJDEN, PLAN_LIMITS, fieldErrors, planSchemas, type LineStatus, type Looptijd, type SavePlanData } from './schema';
import { hashSecret, looksLikeToken, newEditSecret, newLineId, newLineIds, newPlanId, secretMatches } from './secret';
import { parseSnapshot, snapshotState, toSnapshot } from './snapshot';
import { normalizeAmounts } from './lines';
import { MAX_REGION_LINKS, type RegionShare, type RegionShareNeed } from './region-shares';
import type { LineRow, NeedRow, PlanFields, PlanState, PlanView, YearAmount } from './types';

/**
 * Storage of funding plans (server-only). Every write function validates its
 * input itself and returns a typed result instead of throwing for expected
 * refusals, so the JSON API and the Server Actions map the same outcomes to
 * HTTP statuses or form messages. A refused call never writes anything.
 *
 * Concurrency (optimistic): the version is checked and bumped by ONE
 * conditional update `WHERE id = ? AND version = expected` inside the
 * transaction that also writes the new revision and rows. Of any number of
 * concurrent saves with the same expected version, exactly one updates the
 * row; the others roll back and get `conflict` with the current version. The
 * key (planId, version) of PlanRevision is a second guard: two transactions
 * can never both create version n + 1.
 *
 * Revisions: revision n is the full state of version n, written by the
 * transaction that creates version n (createPlan writes revision 1). So the
 * state before a save is always kept, without reading it back inside the
 * save's transaction (which with SQLite holds the only write lock).
 *
 * Secrets: compared with secretMatches (constant time). Secrets are never
 * logged or returned, except the new one from createPlan / rotateSecret.
 */

export type Options = { content?: PlanContent };

export type Refusal =
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'conflict'; currentVersion: number }
  | { ok: false; reason: 'invalid'; errors: Record<string, string> };

export type CreatePlanResult = { ok: true; plan: PlanView; editSecret: string } | { ok: false; reason: 'invalid'; errors: Record<string, string> };
export type SavePlanResult = { ok: true; version: number; updatedAt: Date } | Refusal;
export type RotateSecretResult = { ok: true; editSecret: string } | { ok: false; reason: 'not-found' | 'forbidden' };
export type VerifySecretResult = 'ok' | 'not-found' | 'forbidden';

// ---------------------------------------------------------------------------
// Reading rows. Status and looptijd are strings in the database; they are
// checked on the way out instead of cast, so corrupt rows fail loudly.
// ---------------------------------------------------------------------------

function asLooptijd(value: string): Looptijd {
  const found = LOOPTIJDEN.find((l) => l === value);
  if (!found) throw new Error(`PlanLine heeft een onbekende looptijd: ${value}`);
  return found;
}

function asStatus(value: string): LineStatus {
  const found = LINE_STATUSES.find((s) => s === value);
  if (!found) throw new Error(`PlanLine heeft een onbekende status: ${value}`);
  return found;
}

const amountsSchema = z.array(z.object({ year: z.number().int(), amount: z.number().int() }));

/** PlanLine.amounts is JSON text: parsed with zod (never cast), so a corrupt row fails loudly. */
function parseAmounts(json: string): YearAmount[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('PlanLine.amounts is geen geldige JSON');
  }
  return normalizeAmounts(amountsSchema.parse(data));
}

const shareNeedsSchema = z.array(z.object({ costCategory: z.string(), year: z.number().int(), amount: z.number().int() }));

/** PlanRegionLink.needs is JSON text, parsed like PlanLine.amounts. */
function parseShareNeeds(json: string): RegionShareNeed[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('PlanRegionLink.needs is geen geldige JSON');
  }
  return shareNeedsSchema.parse(data);
}

const planInclude = {
  needs: { orderBy: [{ costCategory: 'asc' }, { year: 'asc' }] },
  lines: { orderBy: { position: 'asc' } },
  regionLinks: { orderBy: { position: 'asc' } },
} satisfies Prisma.PlanInclude;

type PlanWithRows = Prisma.PlanGetPayload<{ include: typeof planInclude }>;

function toView(row: PlanWithRows): PlanView {
  return {
    id: row.id,
    municipality: row.municipality,
    title: row.title,
    startYear: row.startYear,
    endYear: row.endYear,
    contactNote: row.contactNote,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    needs: row.needs.map((n): NeedRow => ({ costCategory: n.costCategory, year: n.year, amount: n.amount })),
    lines: row.lines.map(
      (l): LineRow => ({
        id: l.id,
        costCategory: l.costCategory,
        sourceSlug: l.sourceSlug,
        customSourceName: l.customSourceName,
        amounts: parseAmounts(l.amounts),
        looptijd: asLooptijd(l.looptijd),
        status: asStatus(l.status),
        rejectionReason: l.rejectionReason,
        note: l.note,
      }),
    ),
    regionShares: row.regionLinks.map(
      (r): RegionShare => ({
        regionId: r.regionId,
        regionName: r.regionName,
        memberName: r.memberName,
        regionVersion: r.regionVersion,
        pulledAt: r.pulledAt.toISOString(),
        needs: parseShareNeeds(r.needs),
      }),
    ),
  };
}

// ---------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------

/**
 * Seed lines from a worked example's funding mix: one line per mix entry,
 * without amounts, status idee. We never invent amounts: the examples name
 * sources, not sums for another municipality's plan.
 * Category: the first of the source's cost categories (catalogue order).
 * Looptijd: the source's own when it has only one; otherwise the mix entry's
 * financieringsvorm (voorfinanciering → tijdelijk, borging → structureel);
 * otherwise tijdelijk.
 */
export function seedLinesFromExample(content: PlanContent, exampleSlug: string): Omit<LineRow, 'id'>[] {
  const index = indexPlanContent(content);
  const example = index.examples.get(exampleSlug);
  if (!example) return [];
  const categoryOrder = content.kostensoorten.map((k) => k.slug);
  return example.financieringsmix.flatMap((entry) => {
    const source = index.sources.get(entry.financieringsbron);
    if (!source) return [];
    const costCategory = categoryOrder.find((c) => source.kostensoorten.includes(c)) ?? categoryOrder[0];
    if (!costCategory) return [];
    const formLooptijd = entry.financieringsvorm ? index.forms.get(entry.financieringsvorm)?.looptijd : undefined;
    // Only a source that is purely temporary or purely structural decides; 'beide'
    // and 'onbekend' fall back to the example's financieringsvorm.
    const looptijd: Looptijd = source.looptijd === 'tijdelijk' || source.looptijd === 'structureel' ? source.looptijd : (formLooptijd ?? 'tijdelijk');
    const note = `Uit het voorbeeld ${example.naam}: ${entry.toelichting}`;
    return [
      {
        costCategory,
        sourceSlug: source.slug,
        customSourceName: null,
        amounts: [],
        looptijd,
        status: 'idee' as const,
        rejectionReason: null,
        note: note.length > PLAN_LIMITS.note ? `${note.slice(0, PLAN_LIMITS.note - 1)}…` : note,
      },
    ];
  });
}

/** Creates a plan (version 1, with revision 1). The edit secret is returned once; only its hash is stored. */
export async function createPlan(input: unknown, options: Options = {}): Promise<CreatePlanResult> {
  const content = options.content ?? getPlanContent();
  const parsed = planSchemas(content).createPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  const { voorbeeld, ...fields } = parsed.data;

  const id = newPlanId();
  const editSecret = newEditSecret();
  const now = new Date();
  const lines: LineRow[] = (voorbeeld ? seedLinesFromExample(content, voorbeeld) : []).map((line) => ({
    ...line,
    id: newLineId(),
  }));
  const state: PlanState = { ...fields, needs: [], lines };
  const row = await db.plan.create({
    data: {
      id,
      ...fields,
      editSecretHash: hashSecret(editSecret),
      version: 1,
      createdAt: now,
      updatedAt: now,
      lines: { createMany: { data: lines.map(({ amounts, ...line }, position) => ({ ...line, amounts: JSON.stringify(amounts), position })) } },
      revisions: { create: { version: 1, snapshot: JSON.stringify(toSnapshot(state, now)), createdAt: now } },
    },
    include: planInclude,
  });
  return { ok: true, plan: toView(row), editSecret };
}

// ---------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------

export async function getPlan(id: string): Promise<PlanView | null> {
  if (!looksLikeToken(id)) return null;
  const row = await db.plan.findUnique({ where: { id }, include: planInclude });
  return row ? toView(row) : null;
}

/**
 * What a preview image of the plan's read page may show: its title and
 * municipality, read alone. The lines (and so every amount) are not read, so
 * the image route (app/og) cannot put them on a picture.
 */
export async function getPlanCard(id: string): Promise<{ title: string; municipality: string } | null> {
  if (!looksLikeToken(id)) return null;
  return db.plan.findUnique({ where: { id }, select: { title: true, municipality: true } });
}

/**
 * Only the version: the cheapest question the database can answer about a
 * plan, asked on every GET of the JSON API to validate its cached body
 * (lib/plans/plan-json.ts). A prepared statement on the store's driver (lib/store/).
 */
export async function getPlanVersion(id: string): Promise<number | null> {
  if (!looksLikeToken(id)) return null;
  const row = await store().get('SELECT "version" FROM "Plan" WHERE "id" = ?', [id]);
  return row === undefined ? null : versionRowSchema.parse(row).version;
}

// ---------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------

/** What a save needs to know about the plan it changes, read while checking the secret. */
export type PlanAuthorization = {
  id: string;
  version: number;
  municipality: string;
  title: string;
  startYear: number;
  endYear: number;
  contactNote: string | null;
  editSecretHash: string;
};
export type AuthorizeResult = { ok: true; plan: PlanAuthorization } | { ok: false; reason: 'not-found' | 'forbidden' };

// Raw rows are parsed, not cast (the store returns integers as numbers).
const int = z.number().int();
const authRowSchema = z.object({
  id: z.string(),
  version: int,
  municipality: z.string(),
  title: z.string(),
  startYear: int,
  endYear: int,
  contactNote: z.string().nullable(),
  editSecretHash: z.string(),
});
const versionRowSchema = z.object({ version: int });

/** The plan row a save needs: asked on every save and edit-page view, so a prepared statement (lib/store/). */
async function authRow(id: string): Promise<PlanAuthorization | null> {
  const row = await store().get(
    'SELECT "id", "version", "municipality", "title", "startYear", "endYear", "contactNote", "editSecretHash" FROM "Plan" WHERE "id" = ?',
    [id],
  );
  return row === undefined ? null : authRowSchema.parse(row);
}

/**
 * Checks the edit secret (constant time). The JSON API calls this before it
 * reads the body, so a client without the secret learns nothing about input
 * rules; verifySecret() is the same as a yes/no.
 */
export async function authorizePlan(id: string, secret: string): Promise<AuthorizeResult> {
  if (!looksLikeToken(id)) return { ok: false, reason: 'not-found' };
  const row = await authRow(id);
  if (!row) return { ok: false, reason: 'not-found' };
  if (!secretMatches(secret, row.editSecretHash)) return { ok: false, reason: 'forbidden' };
  return { ok: true, plan: row };
}

export async function verifySecret(id: string, secret: string): Promise<VerifySecretResult> {
  const auth = await authorizePlan(id, secret);
  return auth.ok ? 'ok' : auth.reason;
}

/** Replaces the edit secret: the old edit link stops working at once. Does not change the version. */
export async function rotateSecret(id: string, secret: string): Promise<RotateSecretResult> {
  const auth = await authorizePlan(id, secret);
  if (!auth.ok) return auth;
  const editSecret = newEditSecret();
  // Conditional on the old hash: of two concurrent rotations only one wins.
  const { count } = await db.plan.updateMany({
    where: { id, editSecretHash: auth.plan.editSecretHash },
    data: { editSecretHash: hashSecret(editSecret) },
  });
  return count === 1 ? { ok: true, editSecret } : { ok: false, reason: 'forbidden' };
}

// ---------------------------------------------------------------------------
// Save and restore
// ---------------------------------------------------------------------------

// Plain, portable SQL on the store's driver (lib/store/); each text is
// prepared once per connection. Dates go in as Date: each store writes them
// as its Prisma client stores a DateTime, so Prisma reads them back unchanged.
const SQL = {
  guard: `UPDATE "Plan" SET "municipality" = ?, "title" = ?, "startYear" = ?, "endYear" = ?, "contactNote" = ?,
      "version" = ?, "updatedAt" = ? WHERE "id" = ? AND "version" = ? AND "editSecretHash" = ?`,
  revision: 'INSERT INTO "PlanRevision" ("planId", "version", "snapshot", "createdAt") VALUES (?, ?, ?, ?)',
  deleteNeeds: 'DELETE FROM "PlanNeed" WHERE "planId" = ?',
  deleteLines: 'DELETE FROM "PlanLine" WHERE "planId" = ?',
  regionLinks: `SELECT "regionId", "regionName", "memberName", "regionVersion", "needs", "pulledAt" FROM "PlanRegionLink"
      WHERE "planId" = ? ORDER BY "position"`,
  deleteRegionLinks: 'DELETE FROM "PlanRegionLink" WHERE "planId" = ?',
} as const;

const regionLinkRowSchema = z.object({
  regionId: z.string(),
  regionName: z.string(),
  memberName: z.string(),
  regionVersion: int,
  needs: z.string(),
  pulledAt: z.string(),
});

/** The plan's region links as stored now (driver, for the snapshot of a save that keeps them). */
async function storedRegionShares(planId: string): Promise<RegionShare[]> {
  return (await store().all(SQL.regionLinks, [planId]))
    .map((row) => {
      const r = regionLinkRowSchema.parse(row);
      return { ...r, pulledAt: new Date(r.pulledAt).toISOString(), needs: parseShareNeeds(r.needs) };
    });
}

/** What writeState stores: a parsed save body, or the stored rows themselves (a change of region links only). */
type StateInput = Partial<PlanFields> & { needs: readonly NeedRow[]; lines: readonly (Omit<LineRow, 'id'> & { id?: string | undefined })[] };


/**
 * Writes `data` as version expectedVersion + 1, if the plan is still at
 * expectedVersion and still has the secret hash `auth` was checked against.
 * Line ids from `data` are kept (they only need to be unique within the plan,
 * which the schema checks); new lines get a random id.
 *
 * Region links: `regionShares` replaces them (link, update, unlink, restore);
 * undefined keeps them as they are (every ordinary save: the form and the API
 * never send them). They are read for the snapshot before the transaction;
 * that is safe because links change only through this function, which bumps
 * the version, so links changed in between make the guard refuse this save.
 */
async function writeState(auth: PlanAuthorization, expectedVersion: number, data: SavePlanData | StateInput, regionShares?: readonly RegionShare[]): Promise<SavePlanResult> {
  const now = new Date();
  const version = expectedVersion + 1;
  const fields = {
    municipality: data.municipality ?? auth.municipality,
    title: data.title ?? auth.title,
    startYear: data.startYear ?? auth.startYear,
    endYear: data.endYear ?? auth.endYear,
    contactNote: data.contactNote === undefined ? auth.contactNote : data.contactNote,
  };
  const needs: NeedRow[] = data.needs.map(({ costCategory, year, amount }) => ({ costCategory, year, amount }));
  const fresh = newLineIds(data.lines.filter((l) => !l.id).length);
  const lines: LineRow[] = data.lines.map(({ id, ...line }) => ({ ...line, id: id ?? fresh.pop() ?? newLineId() }));
  const shares = regionShares ? [...regionShares] : await storedRegionShares(auth.id);
  // Everything is serialised before the transaction: nothing slow happens while it holds the lock.
  const snapshot = JSON.stringify(toSnapshot({ ...fields, needs, lines, regionShares: shares }, now));

  // One transaction, all or nothing. The guard first: one conditional UPDATE;
  // the hash is part of it so a secret rotated since authorizePlan also
  // refuses this save.
  const steps: Step[] = [
    {
      sql: SQL.guard,
      params: [fields.municipality, fields.title, fields.startYear, fields.endYear, fields.contactNote, version, now, auth.id, expectedVersion, auth.editSecretHash],
      expect: 'one-row',
    },
    { sql: SQL.revision, params: [auth.id, version, snapshot, now] },
    { sql: SQL.deleteNeeds, params: [auth.id] },
    { sql: SQL.deleteLines, params: [auth.id] },
    ...insertRows(
      'PlanNeed',
      ['planId', 'costCategory', 'year', 'amount'],
      needs.map((n) => [auth.id, n.costCategory, n.year, n.amount]),
    ),
    ...insertRows(
      'PlanLine',
      ['id', 'planId', 'costCategory', 'sourceSlug', 'customSourceName', 'amounts', 'looptijd', 'status', 'rejectionReason', 'note', 'position'],
      lines.map((l, position) => [l.id, auth.id, l.costCategory, l.sourceSlug, l.customSourceName, JSON.stringify(l.amounts), l.looptijd, l.status, l.rejectionReason, l.note, position]),
    ),
  ];
  if (regionShares) {
    steps.push(
      { sql: SQL.deleteRegionLinks, params: [auth.id] },
      ...insertRows(
        'PlanRegionLink',
        ['planId', 'regionId', 'regionName', 'memberName', 'regionVersion', 'needs', 'pulledAt', 'position'],
        shares.map((r, position) => [auth.id, r.regionId, r.regionName, r.memberName, r.regionVersion, JSON.stringify(r.needs), new Date(r.pulledAt), position]),
      ),
    );
  }
  try {
    await store().batch(steps);
  } catch (error) {
    // Lost the race (or the secret changed): nothing was written. Say why.
    // (A unique violation on PlanRevision means the same, from another process.)
    if (error instanceof StepExpectationFailed || store().isUniqueViolation(error)) {
      const current = await authRow(auth.id);
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.editSecretHash !== auth.editSecretHash) return { ok: false, reason: 'forbidden' };
      return { ok: false, reason: 'conflict', currentVersion: current.version };
    }
    throw error;
  } finally {
    // Also after a failure: a cached read must never outlive a possible write.
    forgetPlan(auth.id);
  }
  return { ok: true, version, updatedAt: now };
}

/**
 * Saves for a plan whose secret was checked by authorizePlan. The transaction
 * re-checks the secret's hash and the version, so a secret rotated or a save
 * made in between still refuses this one.
 */
export async function saveAuthorizedPlan(
  auth: PlanAuthorization,
  expectedVersion: number,
  input: unknown,
  options: Options = {},
): Promise<SavePlanResult> {
  if (auth.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: auth.version };
  const content = options.content ?? getPlanContent();
  const parsed = planSchemas(content).savePlanSchema(auth).safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  return writeState(auth, expectedVersion, parsed.data);
}

/**
 * Saves a plan: `input` is the request body or form data object (validated
 * here with savePlanSchema against the plan's years and the catalogue).
 * Order of checks: not-found → forbidden (secret) → conflict (version) →
 * invalid (input). Refusals change nothing.
 */
export async function savePlan(
  id: string,
  secret: string,
  expectedVersion: number,
  input: unknown,
  options: Options = {},
): Promise<SavePlanResult> {
  const auth = await authorizePlan(id, secret);
  if (!auth.ok) return auth;
  return saveAuthorizedPlan(auth.plan, expectedVersion, input, options);
}

/** Revisions, newest first, `limit` per page (default 50, at most 200). Null for an unknown plan. */
export async function listRevisions(id: string, page: RevisionPage = {}): Promise<RevisionList | null> {
  if (!looksLikeToken(id)) return null;
  const plan = await db.plan.findUnique({ where: { id }, select: { version: true } });
  return listRevisionsWith(page, plan?.version ?? null, (query) => {
    const { where, ...rest } = revisionQuery(query);
    return db.planRevision.findMany({ where: { planId: id, ...where }, ...rest });
  });
}

/** The state of one version. Null when the plan or the version is unknown. */
export async function getRevision(id: string, version: number): Promise<{ version: number; savedAt: Date; state: PlanState } | null> {
  if (!looksLikeToken(id) || !Number.isSafeInteger(version)) return null;
  const row = await db.planRevision.findUnique({ where: { planId_version: { planId: id, version } } });
  const snapshot = row ? parseSnapshot(row.snapshot) : null;
  if (snapshot) return { version, savedAt: row?.createdAt ?? new Date(snapshot.savedAt), state: snapshotState(snapshot) };
  // The current version is also in the plan's own rows.
  const plan = await getPlan(id);
  return plan && plan.version === version ? { version, savedAt: plan.updatedAt, state: plan } : null;
}

/** What changed from version `from` to version `to` (e.g. n − 1 and n: what one save changed). */
export async function compareVersions(id: string, from: number, to: number): Promise<PlanChange[] | null> {
  const [a, b] = await Promise.all([getRevision(id, from), getRevision(id, to)]);
  return a && b ? diffStates(a.state, b.state) : null;
}

/**
 * Makes an earlier version the current one, as a new version (history is
 * never rewritten). The snapshot is validated like a save, against today's
 * catalogue: a source that has left the catalogue makes the restore `invalid`,
 * naming the line, instead of storing something the form could not save.
 */
export async function restoreRevision(
  id: string,
  secret: string,
  expectedVersion: number,
  revisionVersion: number,
  options: Options = {},
): Promise<SavePlanResult | { ok: false; reason: 'revision-not-found' }> {
  const auth = await authorizePlan(id, secret);
  if (!auth.ok) return auth;
  if (auth.plan.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: auth.plan.version };
  const revision = await getRevision(id, revisionVersion);
  if (!revision) return { ok: false, reason: 'revision-not-found' };
  const content = options.content ?? getPlanContent();
  const { regionShares = [], ...state } = revision.state;
  const parsed = planSchemas(content).savePlanSchema(state).safeParse(state);
  if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
  // The region links of that version come back too (a version before any link: none).
  return writeState(auth.plan, expectedVersion, parsed.data, regionShares);
}

// ---------------------------------------------------------------------------
// Region links (lib/plans/region-link.ts decides what to write)
// ---------------------------------------------------------------------------

/**
 * Replaces the plan's region links with `shares`, as a new version with its
 * revision (the plan's versioned save: refused as `conflict` when the plan is
 * no longer at expectedVersion). Needs and lines are written back exactly as
 * stored: they were valid when saved, and a region link must not fail on, say,
 * a source that has since left the catalogue.
 */
export async function saveAuthorizedRegionShares(auth: PlanAuthorization, expectedVersion: number, shares: readonly RegionShare[]): Promise<SavePlanResult> {
  if (auth.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: auth.version };
  if (shares.length > MAX_REGION_LINKS) {
    return { ok: false, reason: 'invalid', errors: { regionShares: `Een plan kan aan hoogstens ${MAX_REGION_LINKS} regionale plannen gekoppeld zijn.` } };
  }
  if (new Set(shares.map((r) => r.regionId)).size !== shares.length) {
    return { ok: false, reason: 'invalid', errors: { regionShares: 'Dit plan is al aan dit regionale plan gekoppeld.' } };
  }
  const plan = await getPlan(auth.id);
  if (!plan) return { ok: false, reason: 'not-found' };
  if (plan.version !== expectedVersion) return { ok: false, reason: 'conflict', currentVersion: plan.version };
  return writeState(auth, expectedVersion, { needs: plan.needs, lines: plan.lines }, shares);
}

/** Which municipal plans link to a regional plan (for its read page): plan id, member and the version pulled. */
export async function listRegionLinks(regionId: string): Promise<{ planId: string; memberName: string; regionVersion: number; pulledAt: Date }[]> {
  if (!looksLikeToken(regionId)) return [];
  return db.planRegionLink.findMany({
    where: { regionId },
    orderBy: [{ memberName: 'asc' }, { pulledAt: 'asc' }],
    select: { planId: true, memberName: true, regionVersion: true, pulledAt: true },
  });
}
