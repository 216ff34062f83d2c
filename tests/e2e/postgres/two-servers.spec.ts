import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { call, startOwnServer, type OwnServer } from '../support/own-server';

// Issue 12: several app servers behind a load balancer, on one PostgreSQL
// database. Two `npm start` servers (separate processes, separate ports, one
// worker each, so each has one plan-JSON cache) share a database of their own
// (not the run's webServer's: the wrong-secret windows must start empty). What
// one server accepts, the other reads at once; what one server counts, the
// other counts too. Runs in playwright.postgres.config.ts only.
test.describe.configure({ mode: 'serial' });

const database = `wegwijzer_e2e_two_${randomBytes(6).toString('hex')}`;
const SECRET_MAX = 6; // wrong secrets per client address per window
const SECRET_DOC_MAX = 4; // wrong secrets per document per window
let a: OwnServer;
let b: OwnServer;

function pgDatabase(action: 'create' | 'drop'): string {
  const result = spawnSync(process.execPath, ['scripts/pg-database.mjs', action, database], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg-database ${action} failed: ${result.stderr}`);
  return result.stdout.trim();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env = {
    DATABASE_URL: pgDatabase('create'),
    WEB_CONCURRENCY: '1',
    RATE_LIMIT_SECRET_MAX: String(SECRET_MAX),
    RATE_LIMIT_SECRET_DOC_MAX: String(SECRET_DOC_MAX),
  };
  a = await startOwnServer('pg-a', env); // runs `migrate deploy`, as `npm start` does
  b = await startOwnServer('pg-b', env, { migrate: false });
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  pgDatabase('drop');
});

const created = z.object({ id: z.string(), editSecret: z.string() });
const planBody = z.object({
  plan: z.object({ title: z.string(), contactNote: z.string().nullable(), version: z.number() }),
  lines: z.array(z.object({ amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
});
const regionBody = z.object({
  region: z.object({ name: z.string(), version: z.number() }),
  sharedItems: z.array(z.object({ amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
  split: z.object({ total: z.number() }),
});
const json = { 'content-type': 'application/json' };

async function newPlan(server: OwnServer, title: string) {
  const res = await call(server.url, 'POST', '/api/plannen', {
    headers: json,
    body: JSON.stringify({ municipality: 'Tweestad', title, startYear: 2026, endYear: 2027 }),
  });
  expect(res.status).toBe(201);
  return created.parse(JSON.parse(res.body));
}

async function readPlan(server: OwnServer, id: string, basis?: string) {
  const res = await call(server.url, 'GET', `/api/plannen/${id}${basis ? `?basis=${basis}` : ''}`);
  expect(res.status).toBe(200);
  return { etag: res.headers.etag, text: res.body, body: planBody.parse(JSON.parse(res.body)) };
}

function putPlan(server: OwnServer, id: string, secret: string, version: number, body: unknown, localAddress?: string) {
  return call(server.url, 'PUT', `/api/plannen/${id}`, {
    headers: { ...json, authorization: `Bearer ${secret}`, 'if-match': `"${version}"` },
    body: JSON.stringify(body),
    ...(localAddress ? { localAddress } : {}),
  });
}

const line = (amount: number) => ({
  costCategory: 'interventies',
  customSourceName: 'Eigen fonds',
  looptijd: 'tijdelijk',
  status: 'toegezegd',
  amounts: [{ year: 2026, amount }],
});
const wrong = (i: number) => `fout${i}${'x'.repeat(40)}`;

test('a plan saved through server A is read at once through server B, whose cached JSON of the old version is not served', async () => {
  const { id, editSecret } = await newPlan(a, 'Oud');
  // B builds and caches the body of version 1 (for two bases), then serves it from its cache.
  for (let i = 0; i < 2; i++) {
    expect((await readPlan(b, id)).etag).toBe('"1"');
    expect((await readPlan(b, id, 'zeker')).etag).toBe('"1"');
  }
  expect((await readPlan(a, id)).etag).toBe('"1"');

  const saved = await putPlan(a, id, editSecret, 1, { title: 'Nieuw via A', contactNote: 'Bel A', needs: [], lines: [line(1234)] });
  expect(saved.status, saved.body).toBe(200);

  for (const basis of [undefined, 'zeker']) {
    const read = await readPlan(b, id, basis);
    expect(read.etag).toBe('"2"');
    expect(read.body.plan).toEqual(expect.objectContaining({ title: 'Nieuw via A', contactNote: 'Bel A', version: 2 }));
    expect(read.body.lines).toEqual([expect.objectContaining({ amounts: [{ year: 2026, amount: 1234 }] })]);
    expect(read.text).toContain('Eigen fonds');
  }
  // The export B serves is the new version too.
  const csv = await call(b.url, 'GET', `/api/plannen/${id}/export.csv`);
  expect(csv.status).toBe(200);
  expect(csv.body).toContain('Nieuw via A');

  // A save through B on the version A replaced is a conflict, never a lost update; on the current version it is saved, and A reads it.
  expect((await putPlan(b, id, editSecret, 1, { title: 'Verouderd via B', needs: [], lines: [] })).status).toBe(412);
  expect((await putPlan(b, id, editSecret, 2, { title: 'Nieuw via B', contactNote: 'Bel A', needs: [], lines: [line(1234)] })).status).toBe(200);
  const onA = await readPlan(a, id);
  expect(onA.etag).toBe('"3"');
  expect(onA.body.plan).toEqual(expect.objectContaining({ title: 'Nieuw via B', version: 3 }));
});

test('a regional plan saved through server A is read at once through server B, with its new split', async () => {
  const region = {
    name: 'Tweeregio',
    startYear: 2026,
    endYear: 2027,
    members: [
      { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
      { name: 'Ede', children0to4: 5000, children0to18: 22000 },
    ],
    sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 10_000, splitKey: 'kinderen-0-4' }],
    trajectoryItems: [],
  };
  const post = await call(a.url, 'POST', '/api/regio', { headers: json, body: JSON.stringify(region) });
  expect(post.status).toBe(201);
  const { id, editSecret } = created.parse(JSON.parse(post.body));
  const before = await call(b.url, 'GET', `/api/regio/${id}`);
  expect(before.headers.etag).toBe('"1"');
  expect(regionBody.parse(JSON.parse(before.body)).split.total).toBe(20_000);

  const save = await call(a.url, 'PUT', `/api/regio/${id}`, {
    headers: { ...json, authorization: `Bearer ${editSecret}`, 'if-match': '"1"' },
    body: JSON.stringify({ ...region, name: 'Tweeregio via A', sharedItems: [{ ...region.sharedItems[0], amountPerYear: 30_000 }] }),
  });
  expect(save.status).toBe(200);
  const after = await call(b.url, 'GET', `/api/regio/${id}`);
  expect(after.headers.etag).toBe('"2"');
  const body = regionBody.parse(JSON.parse(after.body));
  expect(body.region).toEqual({ name: 'Tweeregio via A', version: 2 });
  expect(body.split.total).toBe(60_000);
});

test(`wrong secrets from one address count across both servers: after ${SECRET_MAX} in total, both answer 429`, async () => {
  const attacker = '127.0.0.3';
  const plans = await Promise.all(Array.from({ length: SECRET_MAX + 1 }, (_, i) => newPlan(i % 2 ? b : a, `Adres ${i}`)));
  // One wrong secret per plan (the per-document limit stays far away), alternately through A and B.
  for (let i = 0; i < SECRET_MAX; i++) {
    const res = await putPlan(i % 2 ? b : a, plans[i]!.id, wrong(i), 1, { needs: [], lines: [] }, attacker);
    expect(res.status, `wrong secret ${i + 1} through ${i % 2 ? 'B' : 'A'}`).toBe(403);
  }
  const last = plans[SECRET_MAX]!;
  for (const server of [a, b]) {
    const limited = await putPlan(server, last.id, wrong(99), 1, { needs: [], lines: [] }, attacker);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  }
  // Another address is not limited, and the owner, from the limited address, is not refused.
  expect((await putPlan(b, last.id, wrong(100), 1, { needs: [], lines: [] }, '127.0.0.4')).status).toBe(403);
  expect((await putPlan(b, last.id, last.editSecret, 1, { needs: [], lines: [] }, attacker)).status).toBe(200);
});

test(`wrong secrets for one plan count across both servers: after ${SECRET_DOC_MAX} in total, both answer 429`, async () => {
  const plan = await newPlan(a, 'Document');
  // Each from a new address, so only the per-document limit can be reached.
  for (let i = 0; i < SECRET_DOC_MAX; i++) {
    const res = await putPlan(i % 2 ? b : a, plan.id, wrong(i), 1, { needs: [], lines: [] }, `127.0.1.${i + 1}`);
    expect(res.status, `wrong secret ${i + 1} through ${i % 2 ? 'B' : 'A'}`).toBe(403);
  }
  expect((await putPlan(a, plan.id, wrong(50), 1, { needs: [], lines: [] }, '127.0.1.50')).status).toBe(429);
  expect((await putPlan(b, plan.id, wrong(51), 1, { needs: [], lines: [] }, '127.0.1.51')).status).toBe(429);
  // The right secret is never refused for others' wrong guesses.
  expect((await putPlan(b, plan.id, plan.editSecret, 1, { needs: [], lines: [] }, '127.0.1.52')).status).toBe(200);
});
