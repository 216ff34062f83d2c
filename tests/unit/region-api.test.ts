import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PARSE_EURO_MESSAGES } from '@/lib/money';
import { makeReadOnly, useTempDatabase } from './support/temp-db';

/*
 * The regional plan API and the hand-off to a municipal plan, through the
 * exported route handlers and lib/regions/handoff.ts, against a temporary
 * SQLite database and the real content/ catalogue.
 */

type Handlers = {
  collection: typeof import('@/app/api/regio/route');
  item: typeof import('@/app/api/regio/[id]/route');
  csv: typeof import('@/app/api/regio/[id]/export.csv/route');
  xlsx: typeof import('@/app/api/regio/[id]/export.xlsx/route');
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
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  h = {
    collection: await import('@/app/api/regio/route'),
    item: await import('@/app/api/regio/[id]/route'),
    csv: await import('@/app/api/regio/[id]/export.csv/route'),
    xlsx: await import('@/app/api/regio/[id]/export.xlsx/route'),
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
  await cleanup?.();
});

afterEach(async () => {
  await limiters.createPlanLimiter.reset();
  await limiters.secretFailureLimiter.reset();
  await limiters.documentSecretFailureLimiter.reset();
});

const BASE = 'http://localhost:3000';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

const created = z.object({ id: z.string(), version: z.number(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
const regionBody = z.object({
  region: z.object({ version: z.number(), name: z.string() }),
  members: z.array(z.object({ name: z.string() })),
  sharedItems: z.array(z.object({ amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
  trajectoryItems: z.array(z.object({ trajectories: z.array(z.object({ year: z.number(), counts: z.array(z.number()) })).nullable() })),
  split: z.object({
    items: z.array(z.object({ years: z.array(z.object({ year: z.number(), amount: z.number(), shares: z.array(z.number()) })), total: z.number() })),
    total: z.number(),
  }),
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
    // amountPerYear is shorthand for the same amount in every year of the plan.
    expect(body.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 10_000 },
      { year: 2027, amount: 10_000 },
    ]);
    // 10.000 over 7.000 : 6.000 : 1.000 children 0–4.
    expect(body.split.items[0]?.years.map((y) => y.shares)).toEqual([
      [5000, 4286, 714],
      [5000, 4286, 714],
    ]);
    expect(body.split.items[1]?.years[0]?.shares).toEqual([8000, 4000, 0]);
    for (const item of body.split.items) for (const y of item.years) expect(y.shares.reduce((a, b) => a + b, 0)).toBe(y.amount);
  });

  it('takes amounts per year: a year left out is 0, a one-off cost is split in its own year only', async () => {
    const c = await createRegion({
      ...REGION,
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: '€ 40.000' }], splitKey: 'kinderen-0-4' }],
    });
    const { body } = await getRegion(c.id);
    expect(body.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 40_000 },
      { year: 2027, amount: 0 },
    ]);
    expect(body.split.items[0]?.years.map((y) => [y.year, y.shares])).toEqual([
      [2026, [20_000, 17_143, 2_857]],
      [2027, [0, 0, 0]],
    ]);
    expect(body.split.items[0]?.total).toBe(40_000);
  });

  it('refuses amounts for years outside the plan (0 is dropped), twice the same year, and both shapes at once', async () => {
    const item = { costCategory: 'proceskosten', splitKey: 'gelijk' };
    const res = await h.collection.POST(
      new Request(
        `${BASE}/api/regio`,
        json({
          ...REGION,
          sharedItems: [
            { ...item, amounts: [{ year: 2026, amount: 5 }, { year: 2028, amount: 1000 }] },
            { ...item, amounts: [{ year: 2026, amount: 5 }, { year: 2026, amount: 6 }] },
            { ...item, amounts: [{ year: 2026, amount: 5 }], amountPerYear: 5 },
            { ...item },
            { ...item, amounts: [{ year: 2026, amount: 'veel' }] },
          ],
        }),
      ),
    );
    expect(res.status).toBe(422);
    const { errors } = z.object({ errors: z.record(z.string(), z.string()) }).parse(await res.json());
    expect(errors).toEqual({
      'sharedItems.0.amounts.1.amount': '2028 valt buiten de looptijd van het plan (2026–2027). Maak dit leeg of 0, of pas de looptijd aan.',
      'sharedItems.1.amounts.1.year': '2026 staat er al eerder in; geef elk jaar één keer.',
      'sharedItems.2.amountPerYear': 'Geef óf één bedrag voor elk jaar (amountPerYear) óf bedragen per jaar (amounts), niet allebei.',
      'sharedItems.3.amounts': 'Vul de bedragen per jaar in.',
      'sharedItems.4.amounts.0.amount': PARSE_EURO_MESSAGES.invalid,
    });

    // A year outside the plan with 0 carries nothing: accepted and dropped.
    const c = await createRegion({ ...REGION, sharedItems: [{ ...item, amounts: [{ year: 2025, amount: 0 }, { year: 2027, amount: 9 }] }] });
    expect((await getRegion(c.id)).body.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 0 },
      { year: 2027, amount: 9 },
    ]);
  });

  it('when the years change: a dropped year must hold 0, a new year starts at 0', async () => {
    const c = await createRegion({
      ...REGION,
      sharedItems: [{ costCategory: 'voorinvesteringen', amounts: [{ year: 2026, amount: 40_000 }, { year: 2027, amount: 1_000 }], splitKey: 'gelijk' }],
    });
    const auth = { authorization: `Bearer ${c.editSecret}` };
    const { body } = await getRegion(c.id);
    const shifted = { ...REGION, startYear: 2027, endYear: 2028, sharedItems: body.sharedItems.map((s) => ({ ...s, costCategory: 'voorinvesteringen', splitKey: 'gelijk' })) };
    const refused = await put(c.id, shifted, { ...auth, 'if-match': '"1"' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: { 'sharedItems.0.amounts.0.amount': '2026 valt buiten de looptijd van het plan (2027–2028). Maak dit leeg of 0, of pas de looptijd aan.' },
    });
    const cleared = { ...shifted, sharedItems: [{ ...shifted.sharedItems[0], amounts: [{ year: 2026, amount: 0 }, { year: 2027, amount: 1_000 }] }] };
    expect((await put(c.id, cleared, { ...auth, 'if-match': '"1"' })).status).toBe(200);
    expect((await getRegion(c.id)).body.sharedItems[0]?.amounts).toEqual([
      { year: 2027, amount: 1_000 },
      { year: 2028, amount: 0 },
    ]);
  });

  it('takes historical trajectories per member per year: as JSON per year, pasted rows, or one number per member', async () => {
    const item = { intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch' };
    // One number per member (the shape before trajectories per year): the same every year.
    expect((await getRegion((await createRegion()).id)).body.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2026, counts: [2, 1, 0] },
      { year: 2027, counts: [2, 1, 0] },
    ]);
    const perYear = await createRegion({ ...REGION, trajectoryItems: [{ ...item, trajectories: [{ year: 2027, counts: [3, 2, 1] }] }] });
    const { body } = await getRegion(perYear.id);
    expect(body.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2026, counts: [0, 0, 0] },
      { year: 2027, counts: [3, 2, 1] },
    ]);
    expect(body.split.items[1]?.years.map((y) => y.shares)).toEqual([
      [0, 0, 0],
      [12_000, 8_000, 4_000],
    ]);
    const pasted = await createRegion({ ...REGION, trajectoryItems: [{ ...item, trajectories: 'Gemeente;2026;2027\nRenkum;1;0\nArnhem;1.000;2\nEde;5;5' }] });
    expect((await getRegion(pasted.id)).body.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2026, counts: [1000, 5, 1] },
      { year: 2027, counts: [2, 5, 0] },
    ]);
  });

  it('refuses trajectories that do not fit the members or the years, with one Dutch message per item', async () => {
    const item = { intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4000, basis: 'historisch' };
    const res = await h.collection.POST(
      new Request(
        `${BASE}/api/regio`,
        json({
          ...REGION,
          trajectoryItems: [
            { ...item, trajectories: [{ year: 2026, counts: [1, 2] }] },
            { ...item, trajectories: [{ year: 2028, counts: [1, 0, 0] }] },
            { ...item, trajectories: 'Arnhem\t1\nEde\t2' },
            { ...item, trajectories: [1, 2] },
            { ...item },
            { ...item, trajectories: { 2026: [1, 2, 3] } },
          ],
        }),
      ),
    );
    expect(res.status).toBe(422);
    const { errors } = z.object({ errors: z.record(z.string(), z.string()) }).parse(await res.json());
    expect(errors).toEqual({
      'trajectoryItems.0.trajectories': '2026: Geef 3 aantallen trajecten per jaar, één per gemeente in de volgorde van de lijst (nu 2).',
      'trajectoryItems.1.trajectories': '2028 valt buiten de looptijd van het plan (2026–2027). Zet de aantallen van 2028 op 0 of laat het jaar weg, of pas de looptijd aan.',
      'trajectoryItems.2.trajectories': 'Er ontbreken trajecten voor Renkum.',
      'trajectoryItems.3.trajectories': 'Geef 3 aantallen trajecten per jaar, één per gemeente in de volgorde van de lijst (nu 2).',
      'trajectoryItems.4.trajectories': 'Vul de aantallen trajecten per gemeente per jaar in.',
      'trajectoryItems.5.trajectories': 'Geef de trajecten per jaar als [{"year": 2026, "counts": [12, 9, 0]}, …] (één aantal per gemeente), of plak ze als regels.',
    });
  });

  it('reads a document stored in the old shape (one amountPerYear) as that amount in every year', async () => {
    const c = await createRegion();
    const old = {
      members: [
        { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
        { name: 'Ede', children0to4: 6000, children0to18: 25000 },
      ],
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 1_000, splitKey: 'gelijk', percentages: null }],
      trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 100, basis: 'historisch', trajectories: [3, 1], percentage: null }],
    };
    await db.region.update({ where: { id: c.id }, data: { document: JSON.stringify(old) } });
    const { body } = await getRegion(c.id);
    expect(body.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 1_000 },
      { year: 2027, amount: 1_000 },
    ]);
    expect(body.split.items[0]?.years.map((y) => y.shares)).toEqual([
      [500, 500],
      [500, 500],
    ]);
    // And historical trajectories stored as one number per member: the same every year.
    expect(body.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2026, counts: [3, 1] },
      { year: 2027, counts: [3, 1] },
    ]);
    expect(body.split.items[1]?.years.map((y) => y.shares)).toEqual([
      [300, 100],
      [300, 100],
    ]);
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

  it('a save the storage refuses answers 503 with Retry-After and a Dutch message, and writes nothing', async () => {
    const c = await createRegion();
    // What a read-only file or mount (SQLITE_READONLY) or a read-only PostgreSQL server (25006) answers;
    // tests run as root, for whom chmod changes nothing.
    const undoReadOnly = await makeReadOnly();
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await put(c.id, { ...REGION, name: 'Niet opgeslagen' }, { authorization: `Bearer ${c.editSecret}`, 'if-match': '"1"' });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/niet opgeslagen/) });
      expect(silence).toHaveBeenCalledWith(expect.stringMatching(/PUT\] mislukt: (SQLITE_READONLY|25006) \(opslag\)/));
    } finally {
      await undoReadOnly();
      silence.mockRestore();
    }
    const { body } = await getRegion(c.id);
    expect(body.region).toMatchObject({ name: REGION.name, version: 1 });
  });

  it('exports CSV for Dutch Excel', async () => {
    const c = await createRegion();
    const res = await h.csv.GET(new Request(`${BASE}/api/regio/${c.id}/export.csv`), ctx(c.id));
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFGemeente;Kostenpost;')).toBe(true);
    expect(text).toContain('Arnhem;Training;Gedeelde kosten;');
    expect(text.split('\r\n').length).toBe(1 + 3 * 2 * 2 + 1);
    // One row per member, item and year, with that year's share.
    expect(text).toContain('Arnhem;Training;Gedeelde kosten;(Voor)investeringen;Naar rato van het aantal kinderen van 0 tot 4 jaar;2026;;5000\r\n');
    expect(text).toContain(';2027;2;8000\r\n');
  });

  it('exports xlsx with an overview per year and a sheet per year, totals as SUM formulas with their results', async () => {
    const c = await createRegion({
      ...REGION,
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: 40_000 }], splitKey: 'kinderen-0-4' }],
    });
    const res = await h.xlsx.GET(new Request(`${BASE}/api/regio/${c.id}/export.xlsx`), ctx(c.id));
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Overzicht', 'Verdeling 2026', 'Verdeling 2027', 'Gemeenten']);
    const overview = workbook.getWorksheet('Overzicht');
    expect(overview?.getRow(4).values).toEqual([undefined, 'Gemeente', '2026', '2027', 'Totaal']);
    // Arnhem: training 20.000 in 2026, 2 VoorZorg trajectories × 4.000 in both years.
    expect(overview?.getRow(5).values).toEqual([undefined, 'Arnhem', 28_000, 8_000, { formula: 'SUM(B5:C5)', result: 36_000 }]);
    // The region: training 40.000 + 3 trajectories × 4.000 in each of two years.
    expect(overview?.getCell('D8').value).toEqual({ formula: 'SUM(D5:D7)', result: 64_000 });
    expect(workbook.getWorksheet('Verdeling 2026')?.getCell('B8').value).toEqual({ formula: 'SUM(B5:B7)', result: 40_000 });
    const y2027 = workbook.getWorksheet('Verdeling 2027');
    expect(y2027?.getRow(4).values).toEqual([undefined, 'Gemeente', 'Training ((Voor)investeringen)', 'VoorZorg (Interventies)', 'Totaal 2027']);
    expect(y2027?.getRow(5).values).toEqual([undefined, 'Arnhem', 0, 8_000, { formula: 'SUM(B5:C5)', result: 8_000 }]);
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
      .object({ lines: z.array(z.object({ sourceSlug: z.string().nullable(), costCategory: z.string(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })), status: z.string(), looptijd: z.string() })) })
      .parse(await res.json());
    expect(lines.map(({ sourceSlug, costCategory, amounts, status, looptijd }) => ({ sourceSlug, costCategory, amounts, status, looptijd })).sort((a, b) => (a.amounts[0]?.amount ?? 0) - (b.amounts[0]?.amount ?? 0))).toEqual([
      { sourceSlug: 'regionaal-budget', costCategory: 'interventies', amounts: [{ year: 2026, amount: 4000 }], status: 'idee', looptijd: 'structureel' },
      { sourceSlug: 'regionaal-budget', costCategory: 'voorinvesteringen', amounts: [{ year: 2026, amount: 4286 }], status: 'idee', looptijd: 'structureel' },
    ]);
    const { body } = await getRegion(region.id);
    expect(body.handoffs.map((x) => [x.memberName, x.planReadUrl, x.planVersion])).toEqual([
      ['Ede', `/plannen/${plan.id}`, 2],
      ['Ede', `/plannen/${plan.id}`, 3],
    ]);
    // The regional plan's own version is unchanged: a hand-off is a record, not an edit.
    expect(body.region.version).toBe(1);
  });

  it('a hand-off after the share became zero removes the earlier lines instead of leaving stale amounts', async () => {
    const region = await createRegion();
    const plan = await municipalPlan();
    const input = { regionId: region.id, regionSecret: region.editSecret, member: '1', planLink: plan.editUrl, looptijd: '' };
    expect(await h.handoff.handOff(input)).toMatchObject({ ok: true, lineCount: 2, removedLines: 0 });
    // The coordinator drops every cost item: Ede's share is now zero.
    const emptied = await put(region.id, { ...REGION, sharedItems: [], trajectoryItems: [] }, { authorization: `Bearer ${region.editSecret}`, 'if-match': '"1"' });
    expect(emptied.status).toBe(200);
    expect(await h.handoff.handOff(input)).toMatchObject({ ok: true, lineCount: 0, removedLines: 2, planVersion: 3 });
    const res = await h.plan.GET(new Request(`${BASE}/api/plannen/${plan.id}`), ctx(plan.id));
    expect(await res.json()).toMatchObject({ plan: { version: 3 }, lines: [] });
    // With nothing handed off before, a zero share is still refused without writing.
    const other = await municipalPlan();
    expect(await h.handoff.handOff({ ...input, planLink: other.editUrl })).toEqual({ ok: false, reason: 'nothing-to-hand-off' });
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

describe('hand-off with amounts that differ per year', () => {
  it('writes each year’s own share: a one-off cost only in its year, nothing for years without a share', async () => {
    const region = await createRegion({
      ...REGION,
      sharedItems: [
        { costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: 40_000 }], splitKey: 'kinderen-0-4' },
        { costCategory: 'proceskosten', description: 'Coördinatie', amounts: [{ year: 2027, amount: 3_000 }], splitKey: 'gelijk' },
      ],
      trajectoryItems: [],
    });
    const res = await h.plans.POST(new Request(`${BASE}/api/plannen`, json({ municipality: 'Ede', title: 'Plan Ede', startYear: 2026, endYear: 2028 })));
    const plan = created.parse(await res.json());
    const result = await h.handoff.handOff({ regionId: region.id, regionSecret: region.editSecret, member: '1', planLink: plan.editUrl, looptijd: '' });
    expect(result).toMatchObject({ ok: true, lineCount: 2, skippedYears: [] });
    const state = await h.plan.GET(new Request(`${BASE}/api/plannen/${plan.id}`), ctx(plan.id));
    const { lines } = z.object({ lines: z.array(z.object({ costCategory: z.string(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })) }).parse(await state.json());
    // Ede: 40.000 × 6.000/14.000 children 0–4 = 17.142,86 → 17.143 in 2026; 3.000 / 3 = 1.000 in 2027. One line per cost category.
    expect(lines.map(({ costCategory, amounts }) => ({ costCategory, amounts }))).toEqual([
      { costCategory: 'voorinvesteringen', amounts: [{ year: 2026, amount: 17_143 }] },
      { costCategory: 'proceskosten', amounts: [{ year: 2027, amount: 1_000 }] },
    ]);

    // A plan that only covers a year without a share gets nothing.
    const later = created.parse(await (await h.plans.POST(new Request(`${BASE}/api/plannen`, json({ municipality: 'Ede', title: 'Later', startYear: 2028, endYear: 2029 })))).json());
    expect(await h.handoff.handOff({ regionId: region.id, regionSecret: region.editSecret, member: '1', planLink: later.editUrl, looptijd: '' })).toEqual({ ok: false, reason: 'no-overlap' });
    const only2026 = created.parse(await (await h.plans.POST(new Request(`${BASE}/api/plannen`, json({ municipality: 'Ede', title: 'Kort', startYear: 2027, endYear: 2027 })))).json());
    expect(await h.handoff.handOff({ regionId: region.id, regionSecret: region.editSecret, member: '1', planLink: only2026.editUrl, looptijd: '' })).toMatchObject({
      ok: true,
      lineCount: 1,
      skippedYears: [2026],
    });
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
    // One line per cost category (amounts per year). Arnhem: training 5.000 (voorinvesteringen) + 2 VoorZorg × 4.000 (interventies), 2026 and 2027.
    expect(await ok.json()).toMatchObject({ memberName: 'Arnhem', planId: plan.id, planVersion: 2, planReadUrl: `/plannen/${plan.id}`, lineCount: 2, skippedYears: [] });
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
      ['endYear', '2027'],
      ['members', 'A\t1\t2\nB\t1\t2'],
      ['sharedItems.0.costCategory', 'proceskosten'],
      ['sharedItems.0.splitKey', 'gelijk'],
      ['sharedItems.0.amounts.0.year', '2026'],
      ['sharedItems.0.amounts.0.amount', ''],
      ['sharedItems.0.amounts.1.year', '2027'],
      ['sharedItems.0.amounts.1.amount', ''],
      ['sharedItems.1.costCategory', 'proceskosten'],
      ['sharedItems.1.splitKey', 'gelijk'],
      ['sharedItems.1.amounts.0.year', '2026'],
      ['sharedItems.1.amounts.0.amount', '1.000'],
      ['sharedItems.1.amounts.1.year', '2027'],
      ['sharedItems.1.amounts.1.amount', '€ 1.000,-x'],
    ];
    const mapped = h.form.formToInput(fields);
    expect(mapped.sharedRows).toEqual([1]);
    const parsed = h.schema.regionSchemas(h.content.getRegionContent()).regionSchema.safeParse(mapped.input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = h.form.errorsToFieldIds(h.schema.fieldErrors(parsed.error), mapped);
    expect(Object.keys(errors)).toEqual(['regio-sharedItems-1-amounts-1-amount']);
  });

  it('round-trips a stored plan through the form: one input per year, blank is 0, and a plan whose years changed keeps only 0 outside them', () => {
    const { regionSchema } = h.schema.regionSchemas(h.content.getRegionContent());
    const state = regionSchema.parse({
      ...REGION,
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: 40_000 }], splitKey: 'kinderen-0-4' }],
    });
    const values = h.form.stateToFormValues(state);
    expect(values['sharedItems.0.amounts.0.year']).toBe('2026');
    expect(values['sharedItems.0.amounts.0.amount']).toBe('40000');
    expect(values['sharedItems.0.amounts.1.year']).toBe('2027');
    expect(values['sharedItems.0.amounts.1.amount']).toBe('0');
    expect(regionSchema.parse(h.form.formToInput(Object.entries(values)).input)).toEqual(state);

    // The plan now starts in 2027: the 0 of 2026 is dropped, the 40.000 of 2026 and the trajectories of 2026 are refused.
    const moved = { ...values, startYear: '2027', endYear: '2028' };
    const refused = regionSchema.safeParse(h.form.formToInput(Object.entries(moved)).input);
    expect(refused.success).toBe(false);
    if (refused.success) return;
    expect(h.form.errorsToFieldIds(h.schema.fieldErrors(refused.error), { sharedRows: [0], trajectoryRows: [0] })).toEqual({
      'regio-sharedItems-0-amounts-0-amount': '2026 valt buiten de looptijd van het plan (2027–2028). Maak dit leeg of 0, of pas de looptijd aan.',
      'regio-trajectoryItems-0-trajectories': '2026 valt buiten de looptijd van het plan (2027–2028). Zet de kolom 2026 op 0 of haal hem weg, of pas de looptijd aan.',
    });
    expect(values['trajectoryItems.0.trajectories']).toBe('Gemeente\t2026\t2027\nArnhem\t2\t2\nEde\t1\t1\nRenkum\t0\t0');
    const cleared = regionSchema.parse(
      h.form.formToInput(
        Object.entries({ ...moved, 'sharedItems.0.amounts.0.amount': '', 'trajectoryItems.0.trajectories': 'Gemeente\t2026\t2027\nArnhem\t0\t2\nEde\t0\t1\nRenkum\t0\t0' }),
      ).input,
    );
    expect(cleared.sharedItems[0]?.amounts).toEqual([
      { year: 2027, amount: 0 },
      { year: 2028, amount: 0 },
    ]);
    expect(cleared.trajectoryItems[0]?.trajectories).toEqual([
      { year: 2027, counts: [2, 1, 0] },
      { year: 2028, counts: [0, 0, 0] },
    ]);
  });
});
