import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseOn, migrateFile, migratePostgres, onCluster, testPostgresUrl } from './support/temp-db';

/*
 * `npm run db:copy` (scripts/db-copy.ts, lib/store/copy.ts): a database of 200
 * funding plans (several versions each, lines with amounts over four years,
 * links to regional plans) and 10 regional plans (revisions, hand-offs), built
 * through the app's own repository functions on SQLite, copied
 * SQLite → PostgreSQL → a new SQLite file. Every table's row count and
 * checksum must match, and the app must read the same plans and regions from
 * all three. The PostgreSQL legs need TEST_POSTGRES_URL (CI sets it); the
 * SQLite → SQLite copy, the refusal of a non-empty target and --replace run
 * without it.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const admin = testPostgresUrl();
const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-copy-'));
const sourceUrl = `file:${path.join(dir, 'source.db')}`;
const pgName = `wegwijzer_copy_${randomUUID().replaceAll('-', '')}`;
const pgUrl = admin ? databaseOn(admin, pgName) : '';

type CopyModule = typeof import('@/lib/store/copy');
let copy: CopyModule;
const planIds: string[] = [];
const regionIds: string[] = [];
let extraPlan: { id: string; secret: string; version: number };

/** The app's modules on `url`: a fresh import, so lib/db.ts creates its client for that database. */
async function appOn(url: string) {
  process.env.DATABASE_URL = url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.resetModules();
  return {
    repo: await import('@/lib/plans/repository'),
    regions: await import('@/lib/regions/repository'),
    link: await import('@/lib/plans/region-link'),
    db: (await import('@/lib/db')).db,
  };
}
type App = Awaited<ReturnType<typeof appOn>>;

/** What the app reads of every plan and region: views, revision lists, the first and last revision, region links. */
async function appReads(url: string) {
  const app = await appOn(url);
  try {
    const plans = [];
    for (const id of planIds) {
      const plan = await app.repo.getPlan(id);
      const revisions = await app.repo.listRevisions(id, { limit: 200 });
      plans.push({ plan, revisions, first: await app.repo.getRevision(id, 1), last: plan && (await app.repo.getRevision(id, plan.version)) });
    }
    const regions = [];
    for (const id of regionIds) {
      regions.push({ region: await app.regions.getRegion(id), revisions: await app.regions.listRegionRevisions(id, { limit: 200 }), links: await app.repo.listRegionLinks(id) });
    }
    return { plans, regions };
  } finally {
    await app.db.$disconnect();
  }
}

const YEARS = [2026, 2027, 2028, 2029];
const amounts = (base: number) => YEARS.map((year, i) => ({ year, amount: base + i * 1_000 }));
const REGION = (n: number) => ({
  name: `Regio ${n}`,
  startYear: 2026,
  endYear: 2029,
  members: [
    { name: `Gemeente ${n}A`, children0to4: 7000 + n, children0to18: 30000 },
    { name: `Gemeente ${n}B`, children0to4: 6000, children0to18: 25000 + n },
    { name: `Gemeente ${n}C`, children0to4: 1000, children0to18: 6000 },
  ],
  sharedItems: [{ costCategory: 'voorinvesteringen', description: `Training ${n}`, amountPerYear: 10_000 + n, splitKey: 'kinderen-0-4' }],
  trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch', trajectories: [2, 1, n % 3] }],
});

async function build(app: App): Promise<void> {
  const regions: { id: string; members: string[]; version: number }[] = [];
  for (let n = 0; n < 10; n++) {
    const created = await app.regions.createRegion(REGION(n));
    if (!created.ok) throw new Error(`region: ${JSON.stringify(created.errors)}`);
    const auth = await app.regions.authorizeRegion(created.region.id, created.editSecret);
    if (!auth.ok) throw new Error('region auth');
    const saved = await app.regions.saveAuthorizedRegion(auth.region, 1, { ...REGION(n), name: `Regio ${n} (herzien)` });
    if (!saved.ok) throw new Error(`region save: ${saved.reason}`);
    regions.push({ id: created.region.id, members: REGION(n).members.map((m) => m.name), version: saved.version });
    regionIds.push(created.region.id);
  }
  for (let i = 0; i < 200; i++) {
    const created = await app.repo.createPlan({ municipality: `Gemeente ${i}`, title: `Kansrijke Start ${i}`, startYear: 2026, endYear: 2029 });
    if (!created.ok) throw new Error(`plan: ${JSON.stringify(created.errors)}`);
    const { id } = created.plan;
    const secret = created.editSecret;
    planIds.push(id);
    const lines = [
      { costCategory: 'interventies', sourceSlug: 'wpg-budget', looptijd: 'structureel', status: 'toegezegd', amounts: amounts(10_000 + i) },
      { costCategory: 'proceskosten', customSourceName: `Fonds ${i} — “€”`, looptijd: 'tijdelijk', status: 'idee', note: `Notitie ${i}\nmet regel`, amounts: amounts(500 + i) },
    ];
    const needs = YEARS.map((year) => ({ costCategory: 'interventies', year, amount: 20_000 + i }));
    let version = 1;
    for (const round of [0, 1, 2]) {
      const saved = await app.repo.savePlan(id, secret, version, {
        title: `Kansrijke Start ${i} v${round + 2}`,
        needs,
        lines: round === 2 ? [{ ...lines[0], status: 'afgewezen', rejectionReason: 'Budget op' }] : lines,
      });
      if (!saved.ok) throw new Error(`save: ${saved.reason}`);
      version = saved.version;
    }
    if (i % 10 === 0) {
      const region = regions[(i / 10) % regions.length];
      if (!region) throw new Error('no region');
      const auth = await app.repo.authorizePlan(id, secret);
      if (!auth.ok) throw new Error('plan auth');
      const member = region.members[i % 3] ?? '';
      const linked = await app.link.linkRegion(auth.plan, version, `/regio/${region.id}`, member);
      if (!linked.ok) throw new Error(`link: ${JSON.stringify(linked)}`);
      version = linked.version;
      await app.regions.recordHandoff(region.id, { memberName: member, planId: id, planVersion: version, regionVersion: region.version });
    }
    if (i === 0) extraPlan = { id, secret, version };
  }
  // Rate-limit windows: the one BigInt column.
  await app.db.rateLimitWindow.createMany({
    data: [
      { limiter: 'SECRET', key: '127.0.0.1', windowStart: BigInt(Date.UTC(2026, 11, 2, 15, 0, 0, 123)), count: 3 },
      { limiter: 'CREATE', key: '::1/64', windowStart: 2n ** 40n, count: 1 },
    ],
  });
}

type Run = { code: number | null; stdout: string; stderr: string };
function cli(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'db-copy.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Row counts and checksums of every table at `url`. */
async function sums(url: string) {
  const endpoint = copy.openEndpoint(url);
  try {
    return await copy.checksums(endpoint, await copy.readCatalog(endpoint, copy.modelNames()));
  } finally {
    await endpoint.close();
  }
}

let sourceReads: Awaited<ReturnType<typeof appReads>>;

beforeAll(async () => {
  await migrateFile(sourceUrl);
  const app = await appOn(sourceUrl);
  await build(app);
  await app.db.$disconnect();
  copy = await import('@/lib/store/copy');
  sourceReads = await appReads(sourceUrl);
  if (admin) {
    await onCluster(admin, `CREATE DATABASE "${pgName}"`);
    await migratePostgres(pgUrl);
  }
}, 120_000);

afterAll(async () => {
  const { closeStore } = await import('@/lib/store');
  await closeStore();
  if (admin) await onCluster(admin, `DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

describe('db:copy', () => {
  it('derives the tables from the Prisma models, parents before children', async () => {
    const endpoint = copy.openEndpoint(sourceUrl);
    try {
      const tables = await copy.readCatalog(endpoint, copy.modelNames());
      const names = tables.map((t) => t.name);
      expect([...names].sort()).toEqual(['Plan', 'PlanLine', 'PlanNeed', 'PlanRegionLink', 'PlanRevision', 'RateLimitWindow', 'Region', 'RegionHandoff', 'RegionRevision']);
      for (const t of tables) for (const parent of t.references) expect(names.indexOf(parent)).toBeLessThan(names.indexOf(t.name));
      expect(tables.find((t) => t.name === 'PlanRevision')?.primaryKey).toEqual(['planId', 'version']);
    } finally {
      await endpoint.close();
    }
  });

  it('SQLite → SQLite: migrates the new target, copies every row; refuses a non-empty target; --replace replaces it', async () => {
    expect(sourceReads.plans).toHaveLength(200);
    expect(sourceReads.plans.every((p) => (p.revisions?.revisions.length ?? 0) >= 4)).toBe(true);
    expect(sourceReads.regions.every((r) => (r.region?.handoffs.length ?? 0) >= 1 && r.links.length >= 1)).toBe(true);

    const target = `file:${path.join(dir, 'copy.db')}`;
    const report = await copy.copyDatabase({ from: sourceUrl, to: target });
    expect(report.migrated.length).toBeGreaterThan(0);
    expect(report.tables.filter((t) => !t.same)).toEqual([]);
    const expected = await sums(sourceUrl);
    expect(await sums(target)).toEqual(expected);
    expect(expected.find((s) => s.table === 'Plan')?.rows).toBe(200);
    expect(expected.find((s) => s.table === 'Region')?.rows).toBe(10);
    expect(expected.find((s) => s.table === 'PlanRevision')?.rows).toBeGreaterThanOrEqual(800);

    // Again, onto the now full target: refused, nothing changed.
    const refused = await cli(['--from', sourceUrl, '--to', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/niet leeg.*not empty/);
    expect(refused.stderr).toMatch(/--replace/);
    expect(await sums(target)).toEqual(expected);

    // The source changes; --replace empties the target and copies it again.
    const app = await appOn(sourceUrl);
    const saved = await app.repo.savePlan(extraPlan.id, extraPlan.secret, extraPlan.version, { title: 'Na de kopie', needs: [], lines: [] });
    expect(saved).toMatchObject({ ok: true });
    await app.db.$disconnect();
    const replaced = await cli(['--from', sourceUrl, '--to', target, '--replace']);
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/geleegd \/ target emptied/);
    expect(replaced.stdout).toMatch(/PlanRevision\s+\d+\s+\d+\s+[0-9a-f]{16}\s+[0-9a-f]{16}\s+ok/);
    expect(replaced.stdout).toMatch(/identical/);
    const after = await sums(sourceUrl);
    expect(after).not.toEqual(expected);
    expect(await sums(target)).toEqual(after);
    sourceReads = await appReads(sourceUrl);
  }, 90_000);

  it.skipIf(!admin)('SQLite → PostgreSQL → SQLite: every table identical, the app reads the same plans and regions (needs TEST_POSTGRES_URL)', async () => {
    const toPg = await copy.copyDatabase({ from: sourceUrl, to: pgUrl });
    expect(toPg.ok).toBe(true);
    expect(toPg.tables.filter((t) => !t.same)).toEqual([]);
    expect(await appReads(pgUrl)).toEqual(sourceReads);

    const back = `file:${path.join(dir, 'back.db')}`;
    const toSqlite = await copy.copyDatabase({ from: pgUrl, to: back });
    expect(toSqlite.ok).toBe(true);
    const expected = await sums(sourceUrl);
    expect(await sums(pgUrl)).toEqual(expected);
    expect(await sums(back)).toEqual(expected);
    expect(await appReads(back)).toEqual(sourceReads);

    // A non-empty PostgreSQL target is refused, and left as it was; --replace copies over it.
    await expect(copy.copyDatabase({ from: back, to: pgUrl })).rejects.toThrow(/niet leeg/);
    expect(await sums(pgUrl)).toEqual(expected);
    const again = await copy.copyDatabase({ from: back, to: pgUrl, replace: true });
    expect(again).toMatchObject({ ok: true, replaced: true, migrated: [] });
  }, 90_000);
});
