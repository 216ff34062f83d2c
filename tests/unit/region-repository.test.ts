import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from './support/temp-db';

/*
 * Versions of regional plans: the revision list, the state of each version
 * (also from snapshots written before amounts and trajectories per year), the
 * comparison of two versions, and restoring an earlier version through the
 * versioned save, against a temporary SQLite database and the real catalogue.
 */

type Repo = typeof import('@/lib/regions/repository');
let repo: Repo;
let db: typeof import('@/lib/db').db;
let history: typeof import('@/lib/revision-history');
let diff: typeof import('@/lib/regions/diff');
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  repo = await import('@/lib/regions/repository');
  ({ db } = await import('@/lib/db'));
  history = await import('@/lib/revision-history');
  diff = await import('@/lib/regions/diff');
});

afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

const REGION = {
  name: 'Testregio',
  startYear: 2026,
  endYear: 2027,
  members: 'Arnhem\t7000\t30000\nEde\t6000\t25000',
  sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: 40_000 }], splitKey: 'kinderen-0-4' }],
  trajectoryItems: [],
};

async function create() {
  const result = await repo.createRegion(REGION);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const auth = await repo.authorizeRegion(result.region.id, result.editSecret);
  if (!auth.ok) throw new Error(auth.reason);
  return { id: result.region.id, secret: result.editSecret, auth: auth.region };
}

async function authorize(id: string, secret: string) {
  const auth = await repo.authorizeRegion(id, secret);
  if (!auth.ok) throw new Error(auth.reason);
  return auth.region;
}

async function saveAs(id: string, secret: string, version: number, patch: Record<string, unknown>) {
  const saved = await repo.saveAuthorizedRegion(await authorize(id, secret), version, { ...REGION, ...patch });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved;
}

describe('revisions of a regional plan', () => {
  it('lists every version newest first, with the state of each and what changed between two', async () => {
    const { id, secret } = await create();
    await saveAs(id, secret, 1, { name: 'Testregio 2026' });
    await saveAs(id, secret, 2, { sharedItems: [{ ...REGION.sharedItems[0], amounts: [{ year: 2026, amount: 30_000 }, { year: 2027, amount: 10_000 }] }] });

    const list = await repo.listRegionRevisions(id);
    expect(list).toMatchObject({ currentVersion: 3, hasMore: false });
    expect(list?.revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    expect((await repo.listRegionRevisions(id, { limit: 2 }))?.hasMore).toBe(true);
    expect((await repo.listRegionRevisions(id, { beforeVersion: 2 }))?.revisions.map((r) => r.version)).toEqual([1]);
    expect(await repo.listRegionRevisions('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();

    const first = await repo.getRegionRevision(id, 1);
    expect(first?.state).toMatchObject({ name: 'Testregio', startYear: 2026, endYear: 2027 });
    expect(first?.state.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 40_000 },
      { year: 2027, amount: 0 },
    ]);
    expect(await repo.getRegionRevision(id, 9)).toBeNull();

    expect((await repo.compareRegionVersions(id, 1, 2))?.map((c) => c.kind)).toEqual(['field']);
    // Version 3 was saved with the first name again and other amounts.
    expect((await repo.compareRegionVersions(id, 2, 3))?.map((c) => c.kind)).toEqual(['field', 'item-changed']);
    expect((await repo.compareRegionVersions(id, 1, 3))?.map((c) => c.kind)).toEqual(['item-changed']);
    expect(await repo.compareRegionVersions(id, 1, 9)).toBeNull();
  });

  it('reads snapshots written before amounts and trajectories per year', async () => {
    const { id } = await create();
    const old = {
      name: 'Oud',
      startYear: 2026,
      endYear: 2027,
      savedAt: '2026-11-20T10:00:00.000Z',
      members: [
        { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
        { name: 'Ede', children0to4: 6000, children0to18: 25000 },
      ],
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 1000, splitKey: 'gelijk', percentages: null }],
      trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch', trajectories: [2, 1], percentage: null }],
    };
    await db.regionRevision.update({ where: { regionId_version: { regionId: id, version: 1 } }, data: { snapshot: JSON.stringify(old) } });
    const state = (await repo.getRegionRevision(id, 1))?.state;
    expect(state?.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 1000 },
      { year: 2027, amount: 1000 },
    ]);
    expect(state?.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2026, counts: [2, 1] },
      { year: 2027, counts: [2, 1] },
    ]);

    // An unreadable snapshot is no version to compare with, and the history says so instead of failing.
    await db.regionRevision.update({ where: { regionId_version: { regionId: id, version: 1 } }, data: { snapshot: '{"kapot": true}' } });
    expect(await repo.getRegionRevision(id, 1)).toBeNull();
  });
});

describe('restoreAuthorizedRegion', () => {
  it('makes an earlier version the newest one, through the versioned save (a new revision, history kept)', async () => {
    const { id, secret } = await create();
    await saveAs(id, secret, 1, { name: 'Anders', members: 'Arnhem\t7000\t30000\nEde\t6000\t25000\nRenkum\t1000\t6000' });
    const restored = await repo.restoreAuthorizedRegion(await authorize(id, secret), 2, 1);
    expect(restored).toMatchObject({ ok: true, version: 3 });
    const region = await repo.getRegion(id);
    expect(region).toMatchObject({ name: 'Testregio', version: 3 });
    expect(region?.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede']);
    expect((await repo.listRegionRevisions(id))?.revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    // Version 3 is version 1 again: nothing differs; from version 2 it removes Renkum and the new name.
    expect(await repo.compareRegionVersions(id, 1, 3)).toEqual([]);
    const fromTwo = (await repo.compareRegionVersions(id, 2, 3)) ?? [];
    expect(fromTwo.map((c) => c.kind)).toEqual(['field', 'member-removed']);
  });

  it('refuses a stale restore, an unknown version and a version the catalogue no longer fits, writing nothing', async () => {
    const { id, secret, auth } = await create();
    await saveAs(id, secret, 1, { name: 'Tweede' });
    // `auth` was read at version 1: someone saved since.
    expect(await repo.restoreAuthorizedRegion(auth, 1, 1)).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    const fresh = await authorize(id, secret);
    expect(await repo.restoreAuthorizedRegion(fresh, 1, 1)).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    expect(await repo.restoreAuthorizedRegion(fresh, 2, 7)).toEqual({ ok: false, reason: 'revision-not-found' });
    // A catalogue without (Voor)investeringen cannot take version 1 back.
    const content = { kostensoorten: [{ slug: 'proceskosten', naam: 'Proceskosten' }], interventies: [] };
    expect(await repo.restoreAuthorizedRegion(fresh, 2, 1, { content })).toMatchObject({ ok: false, reason: 'invalid', errors: { 'sharedItems.0.costCategory': expect.any(String) } });
    expect(await repo.getRegion(id)).toMatchObject({ name: 'Tweede', version: 2 });
    expect((await repo.listRegionRevisions(id))?.currentVersion).toBe(2);
  });
});

describe('revisionHistory (what the edit pages show)', () => {
  it('describes each listed version against the one before; an unreadable one says so', async () => {
    const { id, secret } = await create();
    await saveAs(id, secret, 1, { name: 'Tweede' });
    await saveAs(id, secret, 2, { name: 'Derde' });
    const names = { category: (s: string) => s, intervention: (s: string) => s };
    const show = () =>
      history.revisionHistory({
        list: null,
        load: async (v: number) => (await repo.getRegionRevision(id, v))?.state ?? null,
        describe: (a, b) => diff.describeRegionChanges(a, b, names),
        created: 'Regionaal plan gemaakt',
      });
    expect(await show()).toEqual({ entries: [], more: 0 });
    const result = await history.revisionHistory({
      list: await repo.listRegionRevisions(id, { limit: 2 }),
      load: async (v: number) => (await repo.getRegionRevision(id, v))?.state ?? null,
      describe: (a, b) => diff.describeRegionChanges(a, b, names),
      created: 'Regionaal plan gemaakt',
    });
    expect(result.entries.map(({ version, current, changes }) => ({ version, current, changes }))).toEqual([
      { version: 3, current: true, changes: ['Naam: ‘Tweede’ → ‘Derde’'] },
      { version: 2, current: false, changes: ['Naam: ‘Testregio’ → ‘Tweede’'] },
    ]);
    expect(result.more).toBe(1);

    await db.regionRevision.update({ where: { regionId_version: { regionId: id, version: 1 } }, data: { snapshot: 'geen json' } });
    const broken = await history.revisionHistory({
      list: await repo.listRegionRevisions(id),
      load: async (v: number) => (await repo.getRegionRevision(id, v))?.state ?? null,
      describe: (a, b) => diff.describeRegionChanges(a, b, names),
      created: 'Regionaal plan gemaakt',
    });
    expect(broken.entries.map((e) => e.changes)).toEqual([['Naam: ‘Tweede’ → ‘Derde’'], ['(niet meer te vergelijken)'], ['Regionaal plan gemaakt']]);
  });
});
