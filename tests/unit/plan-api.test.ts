import { MAX_BODY_BYTES } from '@/lib/limits';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCategorySlugs, testPlanContent as content } from './support/plan-content';
import { makeReadOnly, useTempDatabase } from './support/temp-db';
import { from as fromAddress, simulateWorkerPreload } from './support/socket-address';

/*
 * The JSON API, called as Next calls it: the exported route handlers with real
 * Request objects, against a real temporary SQLite database. Fast and
 * deterministic enough for a property test with well over 1,000 requests.
 */

vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});

type Handlers = {
  collection: typeof import('@/app/api/plannen/route');
  item: typeof import('@/app/api/plannen/[id]/route');
  csv: typeof import('@/app/api/plannen/[id]/export.csv/route');
  xlsx: typeof import('@/app/api/plannen/[id]/export.xlsx/route');
};
let h: Handlers;
let db: typeof import('@/lib/db').db;
let limiters: typeof import('@/lib/rate-limit');
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  h = {
    collection: await import('@/app/api/plannen/route'),
    item: await import('@/app/api/plannen/[id]/route'),
    csv: await import('@/app/api/plannen/[id]/export.csv/route'),
    xlsx: await import('@/app/api/plannen/[id]/export.xlsx/route'),
  };
  ({ db } = await import('@/lib/db'));
  limiters = await import('@/lib/rate-limit');
});

// As in a production worker: the client's address comes from the socket header.
const restorePreload = simulateWorkerPreload();

afterAll(async () => {
  restorePreload();
  await db?.$disconnect();
  await cleanup?.();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await limiters.createPlanLimiter.reset();
  await limiters.secretFailureLimiter.reset();
  await limiters.documentSecretFailureLimiter.reset();
});

const BASE = 'http://localhost:3000';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return h.collection.POST(new Request(`${BASE}/api/plannen`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));
}
function get(id: string, headers: Record<string, string> = {}, query = '') {
  return h.item.GET(new Request(`${BASE}/api/plannen/${encodeURIComponent(id)}${query}`, { headers }), ctx(id));
}
function put(id: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return h.item.PUT(new Request(`${BASE}/api/plannen/${encodeURIComponent(id)}`, { method: 'PUT', body, headers: { 'content-type': 'application/json', ...headers } }), ctx(id));
}

const newPlan = { municipality: 'Zwolle', title: 'Kansrijke Start Zwolle', startYear: 2025, endYear: 2028 };
const goodLine = { costCategory: 'interventies', sourceSlug: 'spuk', year: 2025, amount: 1000, looptijd: 'tijdelijk', status: 'toegezegd' };

async function createPlan(): Promise<{ id: string; secret: string }> {
  const res = await post(JSON.stringify(newPlan));
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; editSecret: string };
  return { id: body.id, secret: body.editSecret };
}

function expectPlanHeaders(res: Response) {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-robots-tag')).toBe('noindex');
}

describe('POST /api/plannen', () => {
  it('creates a plan: 201 with read and edit links', async () => {
    const res = await post(JSON.stringify(newPlan));
    expect(res.status).toBe(201);
    expectPlanHeaders(res);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      version: 1,
      readUrl: `/plannen/${String(body.id)}`,
      editUrl: `/plannen/${String(body.id)}/bewerken?sleutel=${String(body.editSecret)}`,
      editSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/plannen/${String(body.id)}`);
  });

  it('answers 422 with field errors, 400 for broken JSON, 413 for huge bodies', async () => {
    const invalid = await post(JSON.stringify({ ...newPlan, endYear: 2040 }));
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({ error: 'Controleer de gemarkeerde velden.', errors: { endYear: 'Een plan beslaat hoogstens 10 jaar.' } });
    expect((await post('{"municipality":')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect((await post(new Uint8Array([0xff, 0xfe, 0x7b]))).status).toBe(400);
    expect((await post(JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES + 100) }))).status).toBe(413);
  });

  it('is rate-limited per client (429 with Retry-After)', async () => {
    vi.stubEnv('RATE_LIMIT_CREATE_MAX', '2');
    const from = (ip: string) => post(JSON.stringify(newPlan), fromAddress(ip));
    expect((await from('192.0.2.1')).status).toBe(201);
    expect((await from('192.0.2.1')).status).toBe(201);
    const limited = await from('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('192.0.2.2')).status).toBe(201);
    vi.stubEnv('RATE_LIMIT_DISABLED', '1');
    expect((await from('192.0.2.1')).status).toBe(201);
  });
});

describe('GET /api/plannen/<id>', () => {
  it('returns the plan with totals and the version as ETag', async () => {
    const { id, secret } = await createPlan();
    await put(id, JSON.stringify({ needs: [{ costCategory: 'interventies', year: 2025, amount: 4000 }], lines: [goodLine] }), {
      authorization: `Bearer ${secret}`,
      'if-match': '"1"',
    });
    const res = await get(id);
    expect(res.status).toBe(200);
    expectPlanHeaders(res);
    expect(res.headers.get('etag')).toBe('"2"');
    const body = (await res.json()) as {
      plan: Record<string, unknown>;
      needs: unknown[];
      lines: unknown[];
      totals: { basis: string; total: { need: number; funded: number; gap: number } };
    };
    expect(body.plan).toMatchObject({ id, version: 2, municipality: 'Zwolle' });
    expect(body.plan).not.toHaveProperty('editSecretHash');
    expect(body.lines).toHaveLength(1);
    expect(body.totals.basis).toBe('verwacht');
    expect(body.totals.total).toMatchObject({ need: 4000, funded: 1000, gap: 3000 });

    expect((await get(id, { 'if-none-match': '"2"' })).status).toBe(304);
    const zeker = (await (await get(id, {}, '?basis=zeker')).json()) as { totals: { basis: string } };
    expect(zeker.totals.basis).toBe('zeker');
  });

  it('serves the same cached bytes to many readers, intact every time', async () => {
    const { id } = await createPlan();
    const first = await (await get(id)).text();
    expect(first.length).toBeGreaterThan(100);
    const texts = await Promise.all(Array.from({ length: 20 }, async () => (await get(id)).text()));
    for (const text of texts) expect(text).toBe(first);
    expect(await (await get(id)).text()).toBe(first);
  });

  it('serves a cached body only while it is current', async () => {
    const { id, secret } = await createPlan();
    const v1 = await (await get(id)).json();
    // Another process changes the plan behind this one's back (simulated with SQL).
    expect(await (await get(id)).json()).toEqual(v1); // the cached body, still current
    await db.$executeRaw`UPDATE "Plan" SET "title" = 'Elders gewijzigd', "version" = 2 WHERE "id" = ${id}`;
    const fresh = (await (await get(id)).json()) as { plan: { title: string; version: number } };
    expect(fresh.plan).toMatchObject({ title: 'Elders gewijzigd', version: 2 });
    // A save in this process is visible at once.
    const saved = await put(id, JSON.stringify({ title: 'Hier opgeslagen', needs: [], lines: [] }), {
      authorization: `Bearer ${secret}`,
      'if-match': '"2"',
    });
    expect(saved.status).toBe(200);
    expect(((await (await get(id)).json()) as { plan: { title: string } }).plan.title).toBe('Hier opgeslagen');
  });

  it('answers 404 for unknown or malformed ids', async () => {
    for (const id of ['bestaat-niet', '../../etc/passwd', 'x'.repeat(500), '', '%00']) {
      const res = await get(id);
      expect(res.status).toBe(404);
      expectPlanHeaders(res);
    }
  });
});

describe('PUT /api/plannen/<id>', () => {
  it('saves with the secret and the current version, and refuses everything else with the right status', async () => {
    const { id, secret } = await createPlan();
    const body = JSON.stringify({ needs: [], lines: [goodLine] });
    const auth = { authorization: `Bearer ${secret}` };

    expect((await put(id, body, { 'if-match': '"1"' })).status).toBe(401);
    expect((await put(id, body, { authorization: `Basic ${secret}`, 'if-match': '"1"' })).status).toBe(401);
    expect((await put(id, body, { authorization: 'Bearer verkeerd', 'if-match': '"1"' })).status).toBe(403);
    expect((await put('onbekend', body, { ...auth, 'if-match': '"1"' })).status).toBe(404);
    expect((await put(id, body, auth)).status).toBe(428);
    expect((await put(id, body, { ...auth, 'if-match': '*' })).status).toBe(428);
    expect((await put(id, body, { ...auth, 'if-match': 'W/"1"' })).status).toBe(412);
    const stale = await put(id, body, { ...auth, 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"1"');
    expect(await stale.json()).toMatchObject({ currentVersion: 1 });
    expect((await put(id, '{nope', { ...auth, 'if-match': '"1"' })).status).toBe(400);
    expect((await put(id, 'x'.repeat(MAX_BODY_BYTES + 100), { ...auth, 'if-match': '"1"' })).status).toBe(413);
    const invalid = await put(id, JSON.stringify({ needs: [], lines: [{ ...goodLine, amount: -5, year: 2099 }] }), { ...auth, 'if-match': '"1"' });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      errors: { 'lines.0.amount': 'Een bedrag kan niet negatief zijn.', 'lines.0.year': 'Kies een jaar binnen de looptijd van het plan (2025–2028).' },
    });

    const ok = await put(id, body, { ...auth, 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expectPlanHeaders(ok);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(await ok.json()).toMatchObject({ version: 2 });
    // The same save again is now stale: nothing is overwritten silently.
    expect((await put(id, body, { ...auth, 'if-match': '"1"' })).status).toBe(412);
    expect((await put(id, body, { ...auth, 'if-match': '2' })).status).toBe(200);
  });

  it('limits wrong secrets per client address (429), but never refuses the right secret', async () => {
    vi.stubEnv('RATE_LIMIT_SECRET_MAX', '3');
    const { id, secret } = await createPlan();
    const other = await createPlan();
    const body = JSON.stringify({ needs: [], lines: [] });
    const attempt = (planId: string, s: string, ip: string, version = 1) =>
      put(planId, body, { authorization: `Bearer ${s}`, 'if-match': `"${version}"`, ...fromAddress(ip) });
    for (let i = 0; i < 3; i++) expect((await attempt(id, `gok${i}`, '198.51.100.9')).status).toBe(403);
    const limited = await attempt(id, 'gok3', '198.51.100.9');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // The limit is the address's, on any plan.
    expect((await attempt(other.id, 'gok4', '198.51.100.9')).status).toBe(429);
    // The right secret from the limited address still saves.
    expect((await attempt(id, secret, '198.51.100.9')).status).toBe(200);
    expect((await attempt(other.id, 'gok', '198.51.100.10')).status).toBe(403);
  });

  it('limits wrong secrets per plan, whatever addresses they come from; the owner still saves', async () => {
    vi.stubEnv('RATE_LIMIT_SECRET_DOC_MAX', '5');
    const { id, secret } = await createPlan();
    const other = await createPlan();
    const body = JSON.stringify({ needs: [], lines: [] });
    const attempt = (planId: string, s: string, ip: string) => put(planId, body, { authorization: `Bearer ${s}`, 'if-match': '"1"', ...fromAddress(ip) });
    // A new address for every guess (a botnet, or forged headers if they were believed).
    for (let i = 0; i < 5; i++) expect((await attempt(id, `gok${i}`, `203.0.113.${i + 1}`)).status).toBe(403);
    expect((await attempt(id, 'gok5', '203.0.113.99')).status).toBe(429);
    // Other plans are not affected, and the plan's owner is not locked out.
    expect((await attempt(other.id, 'gok', '203.0.113.99')).status).toBe(403);
    expect((await attempt(id, secret, '203.0.113.99')).status).toBe(200);
  });
});

describe('PUT body shape', () => {
  it('refuses unknown fields with 422 naming them, and changes nothing (once this emptied the plan)', async () => {
    const { id, secret } = await createPlan();
    const auth = { authorization: `Bearer ${secret}`, 'if-match': '"1"' };
    expect((await put(id, JSON.stringify({ needs: [], lines: [goodLine] }), auth)).status).toBe(200);
    const res = await put(id, JSON.stringify({ plan: 1e308, needs: [], lines: [] }), { ...auth, 'if-match': '"2"' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('Onbekend veld: “plan”');
    const after = (await (await get(id)).json()) as { plan: { version: number }; lines: unknown[] };
    expect(after.plan.version).toBe(2);
    expect(after.lines).toHaveLength(1);
  });

  it('takes amounts per year and answers them; the old one-year shape still arrives as amounts', async () => {
    const { id, secret } = await createPlan();
    const { year: _y, amount: _a, ...base } = goodLine;
    const body = { needs: [], lines: [{ ...base, amounts: [{ year: 2028, amount: 3 }, { year: 2025, amount: 1 }] }, goodLine] };
    expect((await put(id, JSON.stringify(body), { authorization: `Bearer ${secret}`, 'if-match': '"1"' })).status).toBe(200);
    const { lines } = (await (await get(id)).json()) as { lines: { amounts: unknown }[] };
    expect(lines.map((l) => l.amounts)).toEqual([
      [
        { year: 2025, amount: 1 },
        { year: 2028, amount: 3 },
      ],
      [{ year: 2025, amount: 1000 }],
    ]);
  });
});

describe('money on a source that ends', () => {
  it('GET lists a warning for the 2027 line on a source that ends in 2026, not for its 2026 line, and the CSV carries it', async () => {
    const { id, secret } = await createPlan();
    const ending = { ...goodLine, sourceSlug: 'aflopend', amount: 5000 };
    const put1 = await put(
      id,
      JSON.stringify({
        needs: [{ costCategory: 'interventies', year: 2027, amount: 5000 }],
        lines: [
          { ...ending, year: 2026 },
          { ...ending, year: 2027 },
        ],
      }),
      { authorization: `Bearer ${secret}`, 'if-match': '"1"' },
    );
    expect(put1.status).toBe(200);
    const body = (await (await get(id)).json()) as {
      warnings: { lineIndex: number; year: number; sourceSlug: string; message: string }[];
      totals: { byYear: { year: number; funded: number; uncertain: number; gap: number }[] };
    };
    expect(body.warnings).toEqual([
      expect.objectContaining({ lineIndex: 1, year: 2027, sourceSlug: 'aflopend', message: expect.stringMatching(/^Aflopende uitkering (loopt|liep) af op 31 december 2026; voor 2027 is geen opvolger bekend\.$/) }),
    ]);
    expect(body.totals.byYear.find((y) => y.year === 2027)).toMatchObject({ funded: 0, uncertain: 5000, gap: 5000 });
    const csv = await (await h.csv.GET(new Request(`${BASE}/api/plannen/${id}/export.csv`), ctx(id))).text();
    const rows = csv.split('\r\n').filter((r) => r.startsWith('Financiering;'));
    expect(rows[0]?.endsWith(';')).toBe(true);
    expect(rows[1]).toMatch(/;"Aflopende uitkering (loopt|liep) af op 31 december 2026; voor 2027 is geen opvolger bekend\."$/);
  });
});

describe('exports', () => {
  it('CSV for Dutch Excel and a real xlsx with SUM formulas', async () => {
    const { id, secret } = await createPlan();
    await put(
      id,
      JSON.stringify({
        needs: [{ costCategory: 'interventies', year: 2025, amount: 12500 }],
        lines: [goodLine, { ...goodLine, year: 2026, sourceSlug: null, customSourceName: 'Fonds; "lokaal"', note: '=1+1' }],
      }),
      { authorization: `Bearer ${secret}`, 'if-match': '"1"' },
    );
    const csv = await h.csv.GET(new Request(`${BASE}/api/plannen/${id}/export.csv`), ctx(id));
    expect(csv.status).toBe(200);
    expectPlanHeaders(csv);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="financieringsplan-kansrijke-start-zwolle-v2.csv"');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [title, municipality, years, version, exported, blank, ...table] = text.split('\r\n');
    expect([title, municipality, years, version, blank]).toEqual([
      'Financieringsplan;Kansrijke Start Zwolle',
      'Gemeente of regio;Zwolle',
      'Looptijd;2025–2028',
      'Versie;2',
      '',
    ]);
    expect(exported).toMatch(/^Geëxporteerd op;\d{1,2} [a-z]+ \d{4}$/);
    expect(table).toEqual([
      'Soort;Kostensoort;Financieringsbron;Soort financieringsbron;Betaler;Wetten;Looptijd;Status;2025 (euro);2026 (euro);2027 (euro);2028 (euro);Totaal (euro);Reden afwijzing;Toelichting;Waarschuwing',
      'Behoefte;Interventies;;;;;;;12500;0;0;0;12500;;;',
      'Financiering;Interventies;Specifieke uitkering;uit de wegwijzer;Rijk;Overig;tijdelijk;Toegezegd;1000;0;0;0;1000;;;',
      'Financiering;Interventies;"Fonds; ""lokaal""";eigen financieringsbron;Onbekend (eigen financieringsbron);;tijdelijk;Toegezegd;0;1000;0;0;1000;;\'=1+1;',
      '',
    ]);

    const xlsx = await h.xlsx.GET(new Request(`${BASE}/api/plannen/${id}/export.xlsx`), ctx(id));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Overzicht');
    if (!sheet) throw new Error('no Overzicht sheet');
    // Header lines 1–5; need block: title at row 8, header at row 9, categories from row 10; total column F (4 years in B–E).
    expect(sheet.getCell('A1').value).toBe('Financieringsplan');
    expect(sheet.getCell('B1').value).toBe('Kansrijke Start Zwolle');
    expect(sheet.getCell('A10').value).toBe('Interventies');
    expect(sheet.getCell('B10').value).toBe(12500);
    expect(sheet.getCell('F10').value).toEqual({ formula: 'SUM(B10:E10)', result: 12500 });
    expect(sheet.getCell('B14').value).toEqual({ formula: 'SUM(B10:B13)', result: 12500 });
    const formulas: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') formulas.push(v.formula);
      }),
    );
    expect(formulas.some((f) => /^B\d+-B\d+$/.test(f))).toBe(true); // gap = need − funding
    const lines = workbook.getWorksheet('Regels');
    // Regels: header lines 1–5, table header row 7, lines rows 8–9 with a column per year (H–K) and a total (L).
    expect(lines?.getCell('L8').value).toEqual({ formula: 'SUM(H8:K8)', result: 1000 });
    expect(lines?.getCell('L10').value).toEqual({ formula: 'SUM(L8:L9)', result: 2000 });
    expect(lines?.getCell('A10').value).toBe('Totaal van alle regels (alle statussen, ook ideeën, afgewezen en onzeker)');
    expect(lines?.getCell('A11').value).toMatch(/^Waarvan financiering zoals op de leespagina/);
    expect(lines?.getCell('L11').value).toBe(2000);
  });

  it('answers 404 for unknown plans', async () => {
    expect((await h.csv.GET(new Request(`${BASE}/x`), ctx('onbekend'))).status).toBe(404);
    expect((await h.xlsx.GET(new Request(`${BASE}/x`), ctx('onbekend'))).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------
// Property-based: random and malformed bodies and headers. Never a 5xx, and
// the stored plan (as GET shows it) is unchanged after every refusal.
// ---------------------------------------------------------------------------

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });

const weird = fc.oneof(
  fc.constantFrom<unknown>(
    -1,
    1_000_000_001,
    1.5,
    Number.MAX_SAFE_INTEGER,
    0,
    '',
    ' ',
    '€ 12.500',
    '1,234',
    'abc',
    null,
    true,
    false,
    [],
    {},
    '2024',
    2101,
    1999,
    'x'.repeat(2001),
    'nul\u0000teken',
    'half \uD800 teken',
    'onbekend',
    '__proto__',
    'afgewezen',
    'structureel',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const PATHS = [
  'needs',
  'lines',
  'title',
  'municipality',
  'startYear',
  'endYear',
  'contactNote',
  'needs.0',
  'needs.0.amount',
  'needs.0.year',
  'needs.0.costCategory',
  'lines.0',
  'lines.0.amount',
  'lines.0.year',
  'lines.0.sourceSlug',
  'lines.0.customSourceName',
  'lines.0.status',
  'lines.0.looptijd',
  'lines.0.costCategory',
  'lines.0.rejectionReason',
  'lines.0.note',
  'lines.0.id',
  '__proto__',
  'lines.3.amount',
];

/** Sets a dotted path on a JSON value, creating what is missing; own properties only (also "__proto__"). */
function setPath(root: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  let node: Record<string, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    const child = next !== null && typeof next === 'object' ? next : /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    Object.defineProperty(node, key, { value: child, enumerable: true, writable: true, configurable: true });
    node = child as Record<string, unknown>;
  });
  return root;
}

const lineArb = fc
  .record({
    source: fc.constantFrom(...content.bronnen),
    costCategory: fc.constantFrom(...testCategorySlugs),
    year: fc.integer({ min: 2025, max: 2028 }),
    amount: fc.oneof(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99_999 }).map((n) => `€ ${n.toLocaleString('nl-NL')}`)),
    status: fc.constantFrom('idee', 'aangevraagd', 'toegezegd', 'afgewezen'),
    pick: fc.constantFrom('tijdelijk', 'structureel'),
    custom: fc.boolean(),
    note: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
  })
  .map(({ source, costCategory, year, amount, status, pick, custom, note }) => ({
    costCategory,
    ...(custom ? { customSourceName: 'Eigen fonds' } : { sourceSlug: source.slug }),
    year,
    amount,
    looptijd: custom || source.looptijd === 'beide' ? pick : source.looptijd,
    status,
    ...(status === 'afgewezen' ? { rejectionReason: 'Geen budget' } : {}),
    ...(note === undefined ? {} : { note }),
  }));

const needsArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...testCategorySlugs), fc.integer({ min: 2025, max: 2028 })), {
    maxLength: 8,
    selector: ([c, y]) => `${c}|${y}`,
  })
  .chain((keys) =>
    fc.tuple(...keys.map(([costCategory, year]) => fc.integer({ min: 0, max: 5_000_000 }).map((amount) => ({ costCategory, year, amount })))),
  );

const validBody = fc.record({ needs: needsArb, lines: fc.array(lineArb, { maxLength: 12 }) });

const HUGE = JSON.stringify({ needs: [], lines: [], title: 'x'.repeat(MAX_BODY_FOR_TEST()) });
function MAX_BODY_FOR_TEST() {
  return MAX_BODY_BYTES + 10;
}
const TOO_MANY_LINES = JSON.stringify({ needs: [], lines: Array.from({ length: 501 }, () => goodLine) });

type BodyCase = { kind: 'json'; value: unknown } | { kind: 'raw'; value: string | Uint8Array<ArrayBuffer> | null };

const bodyArb: fc.Arbitrary<BodyCase> = fc.oneof(
  { weight: 3, arbitrary: validBody.map((value): BodyCase => ({ kind: 'json', value })) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(validBody, fc.constantFrom(...PATHS), weird)
      .map(([body, path, value]): BodyCase => ({ kind: 'json', value: setPath(structuredClone(body), path, value) })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): BodyCase => ({ kind: 'json', value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map((value): BodyCase => ({ kind: 'raw', value })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 100 }).map((bytes): BodyCase => ({ kind: 'raw', value: new Uint8Array(bytes) })),
  },
  { weight: 1, arbitrary: fc.constantFrom<BodyCase>({ kind: 'raw', value: null }, { kind: 'raw', value: HUGE }, { kind: 'raw', value: TOO_MANY_LINES }) },
);

type AuthCase = 'right' | 'missing' | 'wrong' | 'lowercase' | { raw: string };
const authArb: fc.Arbitrary<AuthCase> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<AuthCase>('right') },
  { weight: 1, arbitrary: fc.constantFrom<AuthCase>('missing', 'wrong', 'lowercase') },
  { weight: 1, arbitrary: printable.map((raw): AuthCase => ({ raw })) },
);

type MatchCase = 'current' | 'missing' | 'star' | 'stale' | 'future' | 'weak' | 'bare' | 'list' | { raw: string };
const matchArb: fc.Arbitrary<MatchCase> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<MatchCase>('current') },
  { weight: 2, arbitrary: fc.constantFrom<MatchCase>('missing', 'star', 'stale', 'future', 'weak', 'bare', 'list') },
  { weight: 1, arbitrary: printable.map((raw): MatchCase => ({ raw })) },
);

function encodeBody(body: BodyCase): BodyInit | null {
  return body.kind === 'json' ? JSON.stringify(body.value) : body.value;
}

/** Everything stored for a plan, read from the database itself (not through the GET cache). */
async function storedPlan(id: string): Promise<string> {
  const [plan, needs, lines, revisions] = await Promise.all([
    db.plan.findUnique({ where: { id } }),
    db.planNeed.findMany({ where: { planId: id }, orderBy: [{ costCategory: 'asc' }, { year: 'asc' }] }),
    db.planLine.findMany({ where: { planId: id }, orderBy: { position: 'asc' } }),
    db.planRevision.findMany({ where: { planId: id }, orderBy: { version: 'asc' }, select: { version: true, createdAt: true } }),
  ]);
  return JSON.stringify({ plan, needs, lines, revisions });
}

describe('API property test', () => {
  it('PUT: 1,200 random/malformed requests, never a 5xx, the plan unchanged after every refusal', async () => {
    vi.stubEnv('RATE_LIMIT_DISABLED', '1');
    const { id, secret } = await createPlan();
    let baseline = await (await get(id)).text();
    let stored = await storedPlan(id);
    let version = 1;
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(bodyArb, authArb, matchArb, async (body, authCase, matchCase) => {
        const headers: Record<string, string> = {};
        if (authCase === 'right') headers.authorization = `Bearer ${secret}`;
        else if (authCase === 'wrong') headers.authorization = `Bearer ${'A'.repeat(43)}`;
        else if (authCase === 'lowercase') headers.authorization = `bearer ${secret}`;
        else if (typeof authCase === 'object') headers.authorization = authCase.raw;
        const tags: Record<Exclude<MatchCase, { raw: string } | 'missing'>, string> = {
          current: `"${version}"`,
          star: '*',
          stale: `"${version - 1}"`,
          future: `"${version + 1}"`,
          weak: `W/"${version}"`,
          bare: String(version),
          list: `"${version}", "${version + 1}"`,
        };
        if (typeof matchCase === 'object') headers['if-match'] = matchCase.raw;
        else if (matchCase !== 'missing') headers['if-match'] = tags[matchCase];

        const res = await put(id, encodeBody(body), headers);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        expect([200, 400, 401, 403, 412, 413, 422, 428]).toContain(res.status);
        expectPlanHeaders(res);
        const json = (await res.json()) as { error?: unknown; version?: unknown };
        const after = await (await get(id)).text();
        const storedAfter = await storedPlan(id);
        if (res.status === 200) {
          expect(json.version).toBe(version + 1);
          expect(after).not.toBe(baseline);
          version += 1;
          baseline = after;
          stored = storedAfter;
        } else {
          expect(typeof json.error).toBe('string');
          expect(after).toBe(baseline);
          expect(storedAfter).toBe(stored);
        }
      }),
      { numRuns: 1200 },
    );
    expect(await db.planRevision.count({ where: { planId: id } })).toBe(version);
    // The generators must reach every branch, or this test proves little.
    for (const status of [200, 400, 401, 403, 412, 413, 422, 428]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  }, 180_000);

  it('POST: 400 random/malformed bodies, never a 5xx, nothing stored after a refusal', async () => {
    vi.stubEnv('RATE_LIMIT_DISABLED', '1');
    const validCreate = fc.record({
      municipality: fc.constantFrom('Utrecht', 'Regio Twente'),
      title: fc.string({ minLength: 1, maxLength: 40 }),
      startYear: fc.integer({ min: 2020, max: 2030 }),
      endYear: fc.integer({ min: 2020, max: 2040 }),
    });
    const createArb: fc.Arbitrary<BodyCase> = fc.oneof(
      { weight: 3, arbitrary: validCreate.map((value): BodyCase => ({ kind: 'json', value })) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(validCreate, fc.constantFrom('municipality', 'title', 'startYear', 'endYear', 'contactNote', 'voorbeeld', '__proto__'), weird)
          .map(([body, path, value]): BodyCase => ({ kind: 'json', value: setPath({ ...body }, path, value) })),
      },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): BodyCase => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map((value): BodyCase => ({ kind: 'raw', value })) },
      { weight: 1, arbitrary: fc.constantFrom<BodyCase>({ kind: 'raw', value: null }, { kind: 'raw', value: HUGE }) },
    );
    let count = await db.plan.count();
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(createArb, async (body) => {
        const res = await post(encodeBody(body));
        statuses.add(res.status);
        expect([201, 400, 413, 422]).toContain(res.status);
        expectPlanHeaders(res);
        const json = (await res.json()) as { id?: unknown; error?: unknown };
        if (res.status === 201) {
          count += 1;
          expect(typeof json.id).toBe('string');
          expect((await get(String(json.id))).status).toBe(200);
        } else {
          expect(typeof json.error).toBe('string');
        }
        expect(await db.plan.count()).toBe(count);
      }),
      { numRuns: 400 },
    );
    expect([...statuses].sort()).toEqual([201, 400, 413, 422]);
  }, 120_000);
});

describe('storage failures', () => {
  it('a PUT the database cannot take answers 503 with Retry-After and a Dutch message, and writes nothing', async () => {
    const { id, secret } = await createPlan();
    // What a read-only file or mount (SQLITE_READONLY) or a read-only PostgreSQL server (25006) answers;
    // tests run as root, for whom chmod changes nothing.
    const undoReadOnly = await makeReadOnly();
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await put(id, JSON.stringify({ needs: [], lines: [goodLine] }), { authorization: `Bearer ${secret}`, 'if-match': '"1"' });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('60');
      expect(await res.json()).toEqual({ error: expect.stringMatching(/niet worden beschreven.*niet opgeslagen/) });
      expect(silence).toHaveBeenCalledWith(expect.stringMatching(/PUT\] mislukt: (SQLITE_READONLY|25006) \(opslag\)/));
    } finally {
      await undoReadOnly();
      silence.mockRestore();
    }
    expect((await (await get(id)).json()) as unknown).toMatchObject({ plan: { version: 1 } });
  });
});
