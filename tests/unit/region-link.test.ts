import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTempDatabase } from './support/temp-db';

/*
 * Pull (issue 9 §3): a municipality links its own plan to a regional plan
 * with the region's read link and its member name; the member's share counts
 * as need. Through lib/plans/region-link.ts and the JSON API route handlers,
 * against a temporary SQLite database and the real content/ catalogue.
 */

type Modules = {
  regions: typeof import('@/app/api/regio/route');
  region: typeof import('@/app/api/regio/[id]/route');
  plans: typeof import('@/app/api/plannen/route');
  plan: typeof import('@/app/api/plannen/[id]/route');
  csv: typeof import('@/app/api/plannen/[id]/export.csv/route');
  xlsx: typeof import('@/app/api/plannen/[id]/export.xlsx/route');
  link: typeof import('@/lib/plans/region-link');
  repo: typeof import('@/lib/plans/repository');
  split: typeof import('@/lib/regions/calculate');
  regionRepo: typeof import('@/lib/regions/repository');
  names: typeof import('@/lib/regions/content-server');
  calc: typeof import('@/lib/plans/calculations');
  content: typeof import('@/lib/plans/content-server');
};
let m: Modules;
let db: typeof import('@/lib/db').db;
let limiters: typeof import('@/lib/rate-limit');
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  m = {
    regions: await import('@/app/api/regio/route'),
    region: await import('@/app/api/regio/[id]/route'),
    plans: await import('@/app/api/plannen/route'),
    plan: await import('@/app/api/plannen/[id]/route'),
    csv: await import('@/app/api/plannen/[id]/export.csv/route'),
    xlsx: await import('@/app/api/plannen/[id]/export.xlsx/route'),
    link: await import('@/lib/plans/region-link'),
    repo: await import('@/lib/plans/repository'),
    split: await import('@/lib/regions/calculate'),
    regionRepo: await import('@/lib/regions/repository'),
    names: await import('@/lib/regions/content-server'),
    calc: await import('@/lib/plans/calculations'),
    content: await import('@/lib/plans/content-server'),
  };
  ({ db } = await import('@/lib/db'));
  limiters = await import('@/lib/rate-limit');
  // Parse content/ once here (seconds on a busy machine), not inside the first test's 5 s.
  m.content.getPlanContent();
  m.names.getRegionContent();
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

afterEach(async () => {
  await limiters.createPlanLimiter.reset();
  await limiters.secretFailureLimiter.reset();
  await limiters.documentSecretFailureLimiter.reset();
});

const BASE = 'http://localhost:3000';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });

const REGION = {
  name: 'Testregio',
  startYear: 2026,
  endYear: 2027,
  members: [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Ede', children0to4: 6000, children0to18: 25000 },
    { name: 'Renkum', children0to4: 1000, children0to18: 6000 },
  ],
  sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 10_000, splitKey: 'kinderen-0-4' }],
  trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch', trajectories: [2, 1, 0] }],
};

async function createRegion(body: unknown = REGION) {
  const res = await m.regions.POST(new Request(`${BASE}/api/regio`, post(body)));
  expect(res.status).toBe(201);
  return created.parse(await res.json());
}

async function putRegion(id: string, secret: string, version: number, body: unknown) {
  const res = await m.region.PUT(
    new Request(`${BASE}/api/regio/${id}`, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, 'if-match': `"${version}"` } }),
    ctx(id),
  );
  expect(res.status).toBe(200);
}

async function createPlan(startYear = 2026, endYear = 2027, municipality = 'Ede') {
  const res = await m.plans.POST(new Request(`${BASE}/api/plannen`, post({ municipality, title: `Plan ${municipality}`, startYear, endYear })));
  expect(res.status).toBe(201);
  return created.parse(await res.json());
}

async function auth(planId: string, secret: string) {
  const a = await m.repo.authorizePlan(planId, secret);
  if (!a.ok) throw new Error(`not authorised: ${a.reason}`);
  return a.plan;
}

/** The member's split per category and year, straight from computeSplit (what the region's read page shows). */
async function splitOf(regionId: string, member: string) {
  const region = await m.regionRepo.getRegion(regionId);
  if (!region) throw new Error('no region');
  const split = m.split.computeSplit(region, m.names.regionNames(m.names.getRegionContent()));
  const share = split.members.find((s) => s.name === member);
  return (share?.years ?? []).flatMap((y) => [...y.byCategory].filter(([, a]) => a > 0).map(([costCategory, amount]) => ({ costCategory, year: y.year, amount })));
}

/** formatEuro puts a no-break space after the euro sign. */
const eur = (text: string) => text.replace(/€ /g, '€\u00a0');

const byKey = <T extends { costCategory: string; year: number }>(rows: T[]) => [...rows].sort((a, b) => a.costCategory.localeCompare(b.costCategory) || a.year - b.year);

const planJson = z.object({
  plan: z.object({ version: z.number() }),
  needs: z.array(z.unknown()),
  regionShares: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      member: z.string(),
      version: z.number(),
      readUrl: z.string(),
      needs: z.array(z.object({ costCategory: z.string(), year: z.number(), amount: z.number() })),
      ignored: z.array(z.object({ costCategory: z.string(), year: z.number(), amount: z.number() })),
    }),
  ),
  totals: z.object({
    categories: z.array(z.object({ costCategory: z.string(), years: z.array(z.object({ year: z.number(), need: z.number(), gap: z.number() })) })),
    total: z.object({ need: z.number(), gap: z.number() }),
  }),
});

async function getPlanJson(id: string) {
  const res = await m.plan.GET(new Request(`${BASE}/api/plannen/${id}`), ctx(id));
  expect(res.status).toBe(200);
  return planJson.parse(await res.json());
}

describe('parseRegionReadLink', () => {
  it('takes the read link, a full URL, the API address and an edit link (id only), and refuses anything else', async () => {
    const { parseRegionReadLink } = await import('@/lib/regions/urls');
    const id = 'AbCdEfGhIjKlMnOpQrStUv';
    expect(parseRegionReadLink(`/regio/${id}`)).toBe(id);
    expect(parseRegionReadLink(` https://wegwijzer.example/regio/${id} `)).toBe(id);
    expect(parseRegionReadLink(`https://x.nl/api/regio/${id}/export.csv`)).toBe(id);
    expect(parseRegionReadLink(`https://x.nl/regio/${id}/bewerken?sleutel=geheim`)).toBe(id);
    expect(parseRegionReadLink(id)).toBe(id);
    expect(parseRegionReadLink('/regio/nieuw')).toBeNull();
    expect(parseRegionReadLink(`/plannen/${id}`)).toBeNull();
    expect(parseRegionReadLink('hallo')).toBeNull();
  });
});

describe('linking a plan to a regional plan (pull)', () => {
  it('pulls the member’s share as need: per category and year equal to the regional split, counted in totals, gap and API', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    const result = await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, `https://example.org${region.readUrl}`, 'ede');
    expect(result).toMatchObject({ ok: true, version: 2 });
    if (!result.ok) return;
    // Ede: training 10.000 × 6/14 = 4.286 per year, one VoorZorg trajectory of 4.000 per year.
    expect(result.message).toContain(eur('Gekoppeld aan het regionale plan “Testregio” als Ede (versie 1): € 16.572 telt mee als behoefte.'));

    const stored = await m.repo.getPlan(plan.id);
    expect(stored?.regionShares).toHaveLength(1);
    const share = stored?.regionShares?.[0];
    expect(share).toMatchObject({ regionId: region.id, regionName: 'Testregio', memberName: 'Ede', regionVersion: 1 });
    expect(byKey(share?.needs ?? [])).toEqual(byKey(await splitOf(region.id, 'Ede')));
    expect(byKey(share?.needs ?? [])).toEqual([
      { costCategory: 'interventies', year: 2026, amount: 4000 },
      { costCategory: 'interventies', year: 2027, amount: 4000 },
      { costCategory: 'voorinvesteringen', year: 2026, amount: 4286 },
      { costCategory: 'voorinvesteringen', year: 2027, amount: 4286 },
    ]);

    const body = await getPlanJson(plan.id);
    expect(body.plan.version).toBe(2);
    expect(body.needs).toEqual([]); // the plan's own needs are untouched
    expect(body.regionShares).toEqual([
      expect.objectContaining({ regionId: region.id, regionName: 'Testregio', member: 'Ede', version: 1, readUrl: `/regio/${region.id}`, ignored: [] }),
    ]);
    expect(body.totals.total.need).toBe(16_572);
    expect(body.totals.total.gap).toBe(16_572);
    const interventies = body.totals.categories.find((c) => c.costCategory === 'interventies');
    expect(interventies?.years.map((y) => [y.year, y.need])).toEqual([
      [2026, 4000],
      [2027, 4000],
    ]);

    // The regional plan knows who linked (for its read page), with the version pulled.
    expect(await m.repo.listRegionLinks(region.id)).toEqual([expect.objectContaining({ planId: plan.id, memberName: 'Ede', regionVersion: 1 })]);
    const regionRes = await m.region.GET(new Request(`${BASE}/api/regio/${region.id}`), ctx(region.id));
    expect(await regionRes.json()).toMatchObject({ linkedPlans: [{ member: 'Ede', planReadUrl: `/plannen/${plan.id}`, version: 1, upToDate: true }] });
    // And the CSV carries the share as need, marked.
    const csv = await (await m.csv.GET(new Request(`${BASE}/api/plannen/${plan.id}/export.csv`), ctx(plan.id))).text();
    expect(csv).toContain('Behoefte (aandeel regio);Interventies;;;;;;;4000;4000;8000;;"Ede, aandeel regio Testregio, versie 1";');
    // The xlsx overview: need includes the share, with a block saying how much of it is regional.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await m.xlsx.GET(new Request(`${BASE}/api/plannen/${plan.id}/export.xlsx`), ctx(plan.id))).arrayBuffer());
    const rows: string[] = [];
    workbook.getWorksheet('Overzicht')?.eachRow((row) => rows.push(row.values && Array.isArray(row.values) ? row.values.map((v) => (typeof v === 'object' && v !== null && 'result' in v ? String(v.result) : String(v ?? ''))).join('|') : ''));
    const needBlock = rows.indexOf('|Behoefte');
    const regionBlock = rows.findIndex((r) => r.startsWith('|Waarvan aandeel regio (Testregio, versie 1)'));
    expect(needBlock).toBeGreaterThan(-1);
    expect(regionBlock).toBeGreaterThan(needBlock);
    expect(rows.slice(needBlock, regionBlock)).toContain('|Interventies|4000|4000|8000');
    expect(rows.slice(regionBlock)).toContain('|Interventies|4000|4000|8000');
  });

  it('adds the share to the plan’s own need and keeps the link through ordinary saves', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    expect(await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, region.readUrl, 'Arnhem')).toMatchObject({ ok: true, version: 2 });
    const res = await m.plan.PUT(
      new Request(`${BASE}/api/plannen/${plan.id}`, {
        method: 'PUT',
        body: JSON.stringify({ needs: [{ costCategory: 'interventies', year: 2026, amount: 1000 }], lines: [] }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.editSecret}`, 'if-match': '"2"' },
      }),
      ctx(plan.id),
    );
    expect(res.status).toBe(200);
    const body = await getPlanJson(plan.id);
    expect(body.plan.version).toBe(3);
    expect(body.regionShares.map((r) => r.member)).toEqual(['Arnhem']);
    // Arnhem: 2 trajectories × 4.000 = 8.000 per year, plus 1.000 typed by the municipality in 2026.
    expect(body.totals.categories.find((c) => c.costCategory === 'interventies')?.years.map((y) => y.need)).toEqual([9000, 8000]);
    // The revision of the ordinary save keeps the link too (history and restore see it).
    const v3 = await m.repo.getRevision(plan.id, 3);
    expect(v3?.state.regionShares?.map((r) => r.memberName)).toEqual(['Arnhem']);
    // The save body may not carry region shares: they change only through linking.
    const refused = await m.plan.PUT(
      new Request(`${BASE}/api/plannen/${plan.id}`, {
        method: 'PUT',
        body: JSON.stringify({ needs: [], lines: [], regionShares: [] }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.editSecret}`, 'if-match': '"3"' },
      }),
      ctx(plan.id),
    );
    expect(refused.status).toBe(422);
  });

  it('ignores, and says, the years of the share outside the plan’s years', async () => {
    const region = await createRegion();
    const plan = await createPlan(2027, 2029);
    const result = await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, region.readUrl, 'Ede');
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.message).toContain(eur('€ 8.286 telt mee als behoefte'));
    expect(result.message).toContain(eur('Niet meegeteld, want buiten de looptijd van dit plan (2027–2029): 2026 (€ 8.286).'));
    const body = await getPlanJson(plan.id);
    expect(body.regionShares[0]?.needs.map((n) => n.year)).toEqual([2027, 2027]);
    expect(byKey(body.regionShares[0]?.ignored ?? [])).toEqual([
      { costCategory: 'interventies', year: 2026, amount: 4000 },
      { costCategory: 'voorinvesteringen', year: 2026, amount: 4286 },
    ]);
    expect(body.totals.total.need).toBe(8286);
    expect(body.totals.categories[0]?.years.map((y) => y.year)).toEqual([2027, 2028, 2029]);
    // Widening the plan makes 2026 count: the copy keeps every year of the region.
    const res = await m.plan.PUT(
      new Request(`${BASE}/api/plannen/${plan.id}`, {
        method: 'PUT',
        body: JSON.stringify({ startYear: 2026, needs: [], lines: [] }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.editSecret}`, 'if-match': '"2"' },
      }),
      ctx(plan.id),
    );
    expect(res.status).toBe(200);
    expect((await getPlanJson(plan.id)).totals.total.need).toBe(16_572);
  });

  it('refuses without writing: a link that is no region, an unknown member, a second link to the same region, a stale page', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    const a = await auth(plan.id, plan.editSecret);
    expect(await m.link.linkRegion(a, 1, `/plannen/${plan.id}`, 'Ede')).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('geen link naar een regionaal plan') });
    expect(await m.link.linkRegion(a, 1, '/regio/AbCdEfGhIjKlMnOpQrStUv', 'Ede')).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('geen regionaal plan') });
    expect(await m.link.linkRegion(a, 1, region.readUrl, 'Zwolle')).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('“Zwolle” is geen gemeente') });
    expect(await m.link.linkRegion(a, 1, region.readUrl, '')).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('Kies uw gemeente') });
    expect(await m.link.linkRegion(a, 2, region.readUrl, 'Ede')).toEqual({ ok: false, reason: 'conflict', currentVersion: 1 });
    expect((await getPlanJson(plan.id)).plan.version).toBe(1);

    expect(await m.link.linkRegion(a, 1, region.readUrl, 'Ede')).toMatchObject({ ok: true, version: 2 });
    const again = await m.link.linkRegion(await auth(plan.id, plan.editSecret), 2, region.readUrl, 'Arnhem');
    expect(again).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('al gekoppeld') });
    // The auth read at version 1 is stale now: the versioned save refuses it.
    expect(await m.link.unlinkRegion(a, 1, region.id)).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
  });

  it('after the region changes: says a newer version exists with the amounts that change, and "bijwerken" pulls it as a new plan version', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    expect(await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, region.readUrl, 'Ede')).toMatchObject({ ok: true, version: 2 });
    const before = (await m.repo.getPlan(plan.id))?.regionShares?.[0];
    if (!before) throw new Error('no share');
    expect(await m.link.shareStatus(before)).toEqual({ kind: 'current' });

    // The coordinator raises the training to 14.000 a year and gives Ede a second trajectory in 2027.
    await putRegion(region.id, region.editSecret, 1, {
      ...REGION,
      sharedItems: [{ ...REGION.sharedItems[0], amountPerYear: 14_000 }],
      trajectoryItems: [{ ...REGION.trajectoryItems[0], trajectories: [{ year: 2026, counts: [2, 1, 0] }, { year: 2027, counts: [2, 2, 0] }] }],
    });
    const status = await m.link.shareStatus(before);
    expect(status).toEqual({
      kind: 'newer',
      latestVersion: 2,
      changes: [
        // Content order of the cost categories: voorinvesteringen before interventies.
        ...(await orderedChanges([
          { costCategory: 'voorinvesteringen', year: 2026, before: 4286, after: 6000 },
          { costCategory: 'voorinvesteringen', year: 2027, before: 4286, after: 6000 },
          { costCategory: 'interventies', year: 2027, before: 4000, after: 8000 },
        ])),
      ],
    });
    // The plan still counts version 1 until it is updated.
    expect((await getPlanJson(plan.id)).totals.total.need).toBe(16_572);

    // A stale page cannot update.
    expect(await m.link.updateRegion(await auth(plan.id, plan.editSecret), 1, region.id)).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    const updated = await m.link.updateRegion(await auth(plan.id, plan.editSecret), 2, region.id);
    expect(updated).toMatchObject({ ok: true, version: 3 });
    if (!updated.ok) return;
    expect(updated.message).toContain('Aandeel regio Testregio bijgewerkt van versie 1 naar 2; opgeslagen als versie 3.');
    expect(updated.message).toContain(eur('interventies 2027: € 4.000 → € 8.000'));

    const share = (await m.repo.getPlan(plan.id))?.regionShares?.[0];
    expect(share?.regionVersion).toBe(2);
    expect(byKey(share?.needs ?? [])).toEqual(byKey(await splitOf(region.id, 'Ede')));
    expect((await getPlanJson(plan.id)).totals.total.need).toBe(6000 + 6000 + 4000 + 8000);
    expect(await m.link.shareStatus(share ?? before)).toEqual({ kind: 'current' });
    expect(await m.repo.listRegionLinks(region.id)).toEqual([expect.objectContaining({ planId: plan.id, regionVersion: 2 })]);
    // Already current: nothing to update, nothing written.
    expect(await m.link.updateRegion(await auth(plan.id, plan.editSecret), 3, region.id)).toMatchObject({ ok: false, reason: 'refused' });

    // History: the revision diff names the update and the amounts.
    const changes = await m.repo.compareVersions(plan.id, 2, 3);
    expect(changes?.map((c) => c.kind)).toEqual(['region-updated']);
    const { describeChange } = await import('@/lib/plans/diff');
    const content = m.content.getPlanContent();
    const described = changes?.map((c) => describeChange(c, content))[0] ?? '';
    expect(described).toMatch(/^Aandeel regio Testregio bijgewerkt van versie 1 naar 2: /);
    expect(described).toContain(eur('interventies 2027: € 4.000 → € 8.000'));
  });

  it('a member that left the region cannot be updated; the old share stays until unlinked', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    expect(await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, region.readUrl, 'Renkum')).toMatchObject({ ok: true });
    await putRegion(region.id, region.editSecret, 1, {
      ...REGION,
      members: REGION.members.slice(0, 2),
      trajectoryItems: [{ ...REGION.trajectoryItems[0], trajectories: [2, 1] }],
    });
    const share = (await m.repo.getPlan(plan.id))?.regionShares?.[0];
    if (!share) throw new Error('no share');
    expect(await m.link.shareStatus(share)).toEqual({ kind: 'member-missing', latestVersion: 2 });
    expect(await m.link.updateRegion(await auth(plan.id, plan.editSecret), 2, region.id)).toMatchObject({ ok: false, reason: 'refused', message: expect.stringContaining('Renkum staat niet meer') });
  });

  it('unlinks (the need drops) and restore brings the link back, as new versions', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    expect(await m.link.linkRegion(await auth(plan.id, plan.editSecret), 1, region.readUrl, 'Ede')).toMatchObject({ ok: true, version: 2 });
    const unlinked = await m.link.unlinkRegion(await auth(plan.id, plan.editSecret), 2, region.id);
    expect(unlinked).toMatchObject({ ok: true, version: 3, message: expect.stringContaining(eur('de behoefte is € 16.572 lager')) });
    let body = await getPlanJson(plan.id);
    expect(body.regionShares).toEqual([]);
    expect(body.totals.total.need).toBe(0);
    expect(await m.repo.listRegionLinks(region.id)).toEqual([]);
    expect((await m.repo.compareVersions(plan.id, 2, 3))?.map((c) => c.kind)).toEqual(['region-unlinked']);

    // Restoring version 2 brings the link back, as version 4.
    expect(await m.repo.restoreRevision(plan.id, plan.editSecret, 3, 2)).toMatchObject({ ok: true, version: 4 });
    body = await getPlanJson(plan.id);
    expect(body.regionShares.map((r) => [r.member, r.version])).toEqual([['Ede', 1]]);
    expect(body.totals.total.need).toBe(16_572);
    // Restoring version 1 (before any link) removes it again.
    expect(await m.repo.restoreRevision(plan.id, plan.editSecret, 4, 1)).toMatchObject({ ok: true, version: 5 });
    expect((await getPlanJson(plan.id)).regionShares).toEqual([]);
  });

  it('routes the edit form’s intents, and refuses an unknown one', async () => {
    const region = await createRegion();
    const plan = await createPlan();
    const fields = { link: region.readUrl, member: 'Arnhem' };
    expect(await m.link.regionIntent(await auth(plan.id, plan.editSecret), 1, 'regio-koppelen', fields)).toMatchObject({ ok: true, version: 2 });
    expect(await m.link.regionIntent(await auth(plan.id, plan.editSecret), 2, `regio-ontkoppelen:${region.id}`, fields)).toMatchObject({ ok: true, version: 3 });
    expect(await m.link.regionIntent(await auth(plan.id, plan.editSecret), 3, `regio-bijwerken:${region.id}`, fields)).toMatchObject({ ok: false, reason: 'refused' });
    expect(await m.link.regionIntent(await auth(plan.id, plan.editSecret), 3, 'regio-iets', fields)).toMatchObject({ ok: false, reason: 'refused' });
  });
});

describe('snapshots', () => {
  it('read a format-2 snapshot without regionShares (written before links existed) as a state without links', async () => {
    const { parseSnapshot, snapshotState, toSnapshot } = await import('@/lib/plans/snapshot');
    const old = { format: 2, savedAt: '2026-12-01T10:00:00.000Z', plan: { municipality: 'Ede', title: 'T', startYear: 2026, endYear: 2027, contactNote: null }, needs: [], lines: [] };
    const parsed = parseSnapshot(JSON.stringify(old));
    expect(parsed && snapshotState(parsed).regionShares).toEqual([]);
    // A state without links writes no regionShares at all (such snapshots stay as they were).
    const state = { municipality: 'Ede', title: 'T', startYear: 2026, endYear: 2027, contactNote: null, needs: [], lines: [] };
    expect(JSON.stringify(toSnapshot(state, new Date('2026-12-01T10:00:00.000Z')))).toBe(JSON.stringify(old));
    const share = { regionId: 'r1', regionName: 'R', memberName: 'Ede', regionVersion: 3, pulledAt: '2026-12-01T10:00:00.000Z', needs: [{ costCategory: 'interventies', year: 2026, amount: 5 }] };
    const round = parseSnapshot(JSON.stringify(toSnapshot({ ...state, regionShares: [share] }, new Date())));
    expect(round && snapshotState(round).regionShares).toEqual([share]);
  });
});

/** Sorts expected changes in the content's category order, as shareChanges does. */
async function orderedChanges<T extends { costCategory: string; year: number }>(changes: T[]): Promise<T[]> {
  const order = m.names.getRegionContent().kostensoorten.map((k) => k.slug);
  return [...changes].sort((a, b) => order.indexOf(a.costCategory) - order.indexOf(b.costCategory) || a.year - b.year);
}
