import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTempDatabase } from './support/temp-db';

/*
 * The regional plan API and the hand-off to a municipal plan, through the
 * exported route handlers and lib/regions/handoff.ts, against a temporary
 * SQLite database and the real content/ catalogue.
 */

type Handlers = {
  collection: typeof import('@/app/api/regio/route');
  item: typeof import('@/app/api/regio/[id]/route');
  csv: typeof import('@/app/api/regio/[id]/export.csv/route');
  plans: typeof import('@/app/api/plannen/route');
  plan: typeof import('@/app/api/plannen/[id]/route');
  handoff: typeof import('@/lib/regions/handoff');
  handoffApi: typeof import('@/app/api/regio/[id]/overdracht/route');
  form: typeof import('@/lib/regions/form');
  schema: typeof import('@/lib/regions/schema');
  content: typeof import('@/lib/regions/content-server');
};
let h: Handlers;
let db: typeof import('@/lib/db').db;
let limiters: typeof import('@/lib/rate-limit');
let cleanup: () => void;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  h = {
    collection: await import('@/app/api/regio/route'),
    item: await import('@/app/api/regio/[id]/route'),
    csv: await import('@/app/api/regio/[id]/export.csv/route'),
    plans: await import('@/app/api/plannen/route'),
    plan: await import('@/app/api/plannen/[id]/route'),
    handoff: await import('@/lib/regions/handoff'),
    handoffApi: await import('@/app/api/regio/[id]/overdracht/route'),
    form: await import('@/lib/regions/form'),
    schema: await import('@/lib/regions/schema'),
    content: await import('@/lib/regions/content-server'),
  };
  ({ db } = await import('@/lib/db'));
  limiters = await import('@/lib/rate-limit');
});

afterAll(async () => {
  await db?.$disconnect();
  cleanup?.();
});

afterEach(async () => {
  await limiters.createPlanLimiter.reset();
  await limiters.secretFailureLimiter.reset();
});

const BASE = 'http://localhost:3000';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

const created = z.object({ id: z.string(), version: z.number(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
const regionBody = z.object({
  region: z.object({ version: z.number(), name: z.string() }),
  members: z.array(z.object({ name: z.string() })),
  split: z.object({ items: z.array(z.object({ amountPerYear: z.number(), shares: z.array(z.number()) })), perYear: z.number() }),
  handoffs: z.array(z.object({ memberName: z.string(), planReadUrl: z.string(), planVersion: z.number() })),
});

const MEMBERS = 'Gemeente\tKinderen 0-4\tKinderen 0-18\nArnhem\t7.000\t30.000\nEde\t6.000\t25.000\nRenkum\t1.000\t6.000';
const REGION = {
  name: 'Testregio',
  startYear: 2026,
  endYear: 2027,
  members: MEMBERS,
  sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 10_000, splitKey: 'kinderen-0-4' }],
  trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch', trajectories: [2, 1, 0] }],
};

async function createRegion(body: unknown = REGION) {
  const res = await h.collection.POST(new Request(`${BASE}/api/regio`, json(body)));
  expect(res.status).toBe(201);
  return created.parse(await res.json());
}

async function getRegion(id: string) {
  const res = await h.item.GET(new Request(`${BASE}/api/regio/${id}`), ctx(id));
  expect(res.status).toBe(200);
  return { etag: res.headers.get('etag'), body: regionBody.parse(await res.json()) };
}

function put(id: string, body: unknown, headers: Record<string, string>) {
  return h.item.PUT(new Request(`${BASE}/api/regio/${id}`, { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }), ctx(id));
}

describe('POST/GET/PUT /api/regio', () => {
  it('creates a region from pasted rows and returns the split, shares summing to each amount', async () => {
    const c = await createRegion();
    expect(c.readUrl).toBe(`/regio/${c.id}`);
    expect(c.editUrl).toBe(`/regio/${c.id}/bewerken?sleutel=${c.editSecret}`);
    const { etag, body } = await getRegion(c.id);
    expect(etag).toBe('"1"');
    expect(body.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede', 'Renkum']);
    // 10.000 over 7.000 : 6.000 : 1.000 children 0–4.
    expect(body.split.items[0]?.shares).toEqual([5000, 4286, 714]);
    expect(body.split.items[1]?.shares).toEqual([8000, 4000, 0]);
    for (const item of body.split.items) expect(item.shares.reduce((a, b) => a + b, 0)).toBe(item.amountPerYear);
  });

  it('answers invalid input with 422 and Dutch messages on each field', async () => {
    const res = await h.collection.POST(
      new Request(
        `${BASE}/api/regio`,
        json({
          name: '',
          startYear: 2026,
          endYear: 2025,
          members: 'Arnhem\t10\t5',
          sharedItems: [{ costCategory: 'onbekend', amountPerYear: -1, splitKey: 'percentages', percentages: '50; 40' }],
        }),
      ),
    );
    expect(res.status).toBe(422);
    const { errors } = z.object({ errors: z.record(z.string(), z.string()) }).parse(await res.json());
    expect(errors.name).toBe('Geef de regio of het plan een naam.');
    expect(errors.endYear).toBe('Het eindjaar mag niet vóór het beginjaar liggen.');
    expect(errors.members).toBe('Regel 1: er zijn meer kinderen van 0–4 dan van 0–18 jaar.');
    expect(errors['sharedItems.0.costCategory']).toContain('Onbekende kostensoort');
    expect(errors['sharedItems.0.amountPerYear']).toBe('Een bedrag kan niet negatief zijn.');
  });

  it('refuses percentages that do not add up to 100% and keys that are zero for everyone', async () => {
    const res = await h.collection.POST(
      new Request(
        `${BASE}/api/regio`,
        json({
          ...REGION,
          members: 'A\t0\t10\nB\t0\t20',
          sharedItems: [
            { costCategory: 'proceskosten', amountPerYear: 100, splitKey: 'percentages', percentages: [50, 40] },
            { costCategory: 'proceskosten', amountPerYear: 100, splitKey: 'kinderen-0-4' },
          ],
          trajectoryItems: [],
        }),
      ),
    );
    expect(res.status).toBe(422);
    const { errors } = z.object({ errors: z.record(z.string(), z.string()) }).parse(await res.json());
    expect(errors['sharedItems.0.percentages']).toContain('90');
    expect(errors['sharedItems.1.splitKey']).toContain('nul');
  });

  it('saves with Bearer + If-Match, and refuses stale, missing and wrong credentials without writing', async () => {
    const c = await createRegion();
    const auth = { authorization: `Bearer ${c.editSecret}` };
    const changed = { ...REGION, name: 'Nieuwe naam' };
    expect((await put(c.id, changed, {})).status).toBe(401);
    expect((await put(c.id, changed, { authorization: 'Bearer verkeerd' })).status).toBe(403);
    expect((await put('onbekend', changed, auth)).status).toBe(404);
    expect((await put(c.id, changed, auth)).status).toBe(428);
    expect((await put(c.id, { ...REGION, members: 'x' }, { ...auth, 'if-match': '"1"' })).status).toBe(422);
    const ok = await put(c.id, changed, { ...auth, 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await put(c.id, { ...REGION, name: 'Verloren' }, { ...auth, 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ currentVersion: 2 });
    const { body } = await getRegion(c.id);
    expect(body.region).toMatchObject({ name: 'Nieuwe naam', version: 2 });
  });

  it('exports CSV for Dutch Excel', async () => {
    const c = await createRegion();
    const res = await h.csv.GET(new Request(`${BASE}/api/regio/${c.id}/export.csv`), ctx(c.id));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFGemeente;Kostenpost;')).toBe(true);
    expect(text).toContain('Arnhem;Training;Gedeelde kosten;');
    expect(text.split('\r\n').length).toBe(1 + 3 * 2 * 2 + 1);
  });
});

describe('hand-off to a municipal plan', () => {
  async function municipalPlan() {
    const res = await h.plans.POST(new Request(`${BASE}/api/plannen`, json({ municipality: 'Ede', title: 'Plan Ede', startYear: 2026, endYear: 2026 })));
    return created.parse(await res.json());
  }

  it('writes the member’s share as lines through the plan’s save path, replaces them on a second hand-off, and records it', async () => {
    const region = await createRegion();
    const plan = await municipalPlan();
    const input = { regionId: region.id, regionSecret: region.editSecret, member: '1', planLink: `https://example.org${plan.editUrl}`, looptijd: '' };
    const first = await h.handoff.handOff(input);
    // Ede: training 4.286 (voorinvesteringen) and 1 VoorZorg trajectory of 4.000 (interventies); only 2026 overlaps.
    expect(first).toMatchObject({ ok: true, memberName: 'Ede', planVersion: 2, lineCount: 2, skippedYears: [2027] });
    const again = await h.handoff.handOff(input);
    expect(again).toMatchObject({ ok: true, planVersion: 3, lineCount: 2 });

    const res = await h.plan.GET(new Request(`${BASE}/api/plannen/${plan.id}`), ctx(plan.id));
    const { lines } = z
      .object({ lines: z.array(z.object({ sourceSlug: z.string().nullable(), costCategory: z.string(), year: z.number(), amount: z.number(), status: z.string(), looptijd: z.string() })) })
      .parse(await res.json());
    expect(lines.map(({ sourceSlug, costCategory, year, amount, status, looptijd }) => ({ sourceSlug, costCategory, year, amount, status, looptijd })).sort((a, b) => a.amount - b.amount)).toEqual([
      { sourceSlug: 'regionaal-budget', costCategory: 'interventies', year: 2026, amount: 4000, status: 'idee', looptijd: 'structureel' },
      { sourceSlug: 'regionaal-budget', costCategory: 'voorinvesteringen', year: 2026, amount: 4286, status: 'idee', looptijd: 'structureel' },
    ]);
    const { body } = await getRegion(region.id);
    expect(body.handoffs.map((x) => [x.memberName, x.planReadUrl, x.planVersion])).toEqual([
      ['Ede', `/plannen/${plan.id}`, 2],
      ['Ede', `/plannen/${plan.id}`, 3],
    ]);
    // The regional plan's own version is unchanged: a hand-off is a record, not an edit.
    expect(body.region.version).toBe(1);
  });

  it('authorises both plans and refuses without writing anything', async () => {
    const region = await createRegion();
    const plan = await municipalPlan();
    const base = { regionId: region.id, regionSecret: region.editSecret, member: '0', planLink: plan.editUrl, looptijd: 'structureel' };
    expect(await h.handoff.handOff({ ...base, regionSecret: 'verkeerd' })).toEqual({ ok: false, reason: 'region-forbidden' });
    expect(await h.handoff.handOff({ ...base, planLink: plan.editUrl.replace(plan.editSecret, 'verkeerd') })).toEqual({ ok: false, reason: 'plan-forbidden' });
    expect(await h.handoff.handOff({ ...base, planLink: plan.readUrl })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await h.handoff.handOff({ ...base, member: '9' })).toMatchObject({ ok: false, reason: 'invalid' });
    const res = await h.plan.GET(new Request(`${BASE}/api/plannen/${plan.id}`), ctx(plan.id));
    expect(await res.json()).toMatchObject({ plan: { version: 1 }, lines: [] });
    expect((await getRegion(region.id)).body.handoffs).toEqual([]);
  });
});

describe('POST /api/regio/<id>/overdracht', () => {
  it('hands off with the regional Bearer secret and the plan’s edit link; refusals map to API statuses', async () => {
    const region = await createRegion();
    const res = await h.plans.POST(new Request(`${BASE}/api/plannen`, json({ municipality: 'Arnhem', title: 'Plan Arnhem', startYear: 2026, endYear: 2027 })));
    const plan = created.parse(await res.json());
    const call = (body: unknown, secret: string | null = region.editSecret) =>
      h.handoffApi.POST(
        new Request(`${BASE}/api/regio/${region.id}/overdracht`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
        }),
        ctx(region.id),
      );
    const body = { member: 0, planLink: plan.editUrl, looptijd: 'tijdelijk' };
    expect((await call(body, null)).status).toBe(401);
    expect((await call(body, 'verkeerd')).status).toBe(403);
    expect((await call({ ...body, planLink: plan.editUrl.replace(plan.editSecret, 'verkeerd') })).status).toBe(403);
    expect((await call({ ...body, member: 99 })).status).toBe(422);
    const ok = await call(body);
    expect(ok.status).toBe(201);
    // Arnhem: training 5.000 (voorinvesteringen) + 2 VoorZorg × 4.000 (interventies), 2026 and 2027.
    expect(await ok.json()).toMatchObject({ memberName: 'Arnhem', planId: plan.id, planVersion: 2, planReadUrl: `/plannen/${plan.id}`, lineCount: 4, skippedYears: [] });
  });
});

describe('rotateRegionSecret', () => {
  it('replaces the edit secret: the old one is refused, the new one works', async () => {
    const { authorizeRegion, rotateRegionSecret } = await import('@/lib/regions/repository');
    const region = await createRegion();
    const rotated = await rotateRegionSecret(region.id, region.editSecret);
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    expect(await authorizeRegion(region.id, region.editSecret)).toEqual({ ok: false, reason: 'forbidden' });
    expect((await authorizeRegion(region.id, rotated.editSecret)).ok).toBe(true);
    expect(await rotateRegionSecret(region.id, region.editSecret)).toEqual({ ok: false, reason: 'forbidden' });
  });
});

describe('the edit form mapping', () => {
  it('drops empty rows and maps error paths back to the rows the user sees', () => {
    const fields: [string, string][] = [
      ['name', 'Regio'],
      ['startYear', '2026'],
      ['endYear', '2026'],
      ['members', 'A\t1\t2\nB\t1\t2'],
      ['sharedItems.0.costCategory', 'proceskosten'],
      ['sharedItems.0.splitKey', 'gelijk'],
      ['sharedItems.0.amountPerYear', ''],
      ['sharedItems.1.costCategory', 'proceskosten'],
      ['sharedItems.1.splitKey', 'gelijk'],
      ['sharedItems.1.amountPerYear', '€ 1.000,-x'],
    ];
    const mapped = h.form.formToInput(fields);
    expect(mapped.sharedRows).toEqual([1]);
    const parsed = h.schema.regionSchemas(h.content.getRegionContent()).regionSchema.safeParse(mapped.input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = h.form.errorsToFieldIds(h.schema.fieldErrors(parsed.error), mapped);
    expect(Object.keys(errors)).toEqual(['regio-sharedItems-1-amountPerYear']);
  });
});
