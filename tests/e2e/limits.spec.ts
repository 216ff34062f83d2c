import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { call, startOwnServer, type OwnServer } from './support/own-server';

// Issue 11: limits that cannot be forged or turned against users, edit forms
// that save under Referrer-Policy: strict-origin without allowing the origin
// 'null', and no edit secret in any log line. These tests need a server of
// their own: they push client addresses and plans over the wrong-secret limits
// (which would leak into other specs' windows on the shared server), and they
// read the server's whole output at the end. In order, on one server.
test.describe.configure({ mode: 'serial' });

let server: OwnServer;
const secretsUsed: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Default wrong-secret limits (20 per client address, 20 per document); many plans are created.
  server = await startOwnServer('limits', { RATE_LIMIT_CREATE_MAX: '500' });
});
test.afterAll(async () => {
  await server?.stop();
});

const created = z.object({ id: z.string(), editUrl: z.string(), editSecret: z.string() });
type Doc = z.infer<typeof created> & { kind: 'plannen' | 'regio' };

async function newPlan(title = 'Limieten'): Promise<Doc> {
  const res = await call(server.url, 'POST', '/api/plannen', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ municipality: 'Teststad', title, startYear: 2026, endYear: 2027 }),
  });
  expect(res.status).toBe(201);
  const doc = created.parse(JSON.parse(res.body));
  secretsUsed.push(doc.editSecret);
  return { ...doc, kind: 'plannen' };
}

async function newRegion(): Promise<Doc> {
  const res = await call(server.url, 'POST', '/api/regio', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Regio limieten',
      startYear: 2026,
      endYear: 2027,
      members: [
        { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
        { name: 'Ede', children0to4: 5000, children0to18: 22000 },
      ],
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amountPerYear: 10_000, splitKey: 'kinderen-0-4' }],
      trajectoryItems: [],
    }),
  });
  expect(res.status).toBe(201);
  const doc = created.parse(JSON.parse(res.body));
  secretsUsed.push(doc.editSecret);
  return { ...doc, kind: 'regio' };
}

/** A PUT of the API with `secret`, from `localAddress`, with any extra (forged) headers. */
function put(doc: Doc, secret: string, localAddress: string, headers: Record<string, string> = {}) {
  const body = doc.kind === 'plannen' ? { needs: [], lines: [] } : undefined;
  return call(server.url, 'PUT', `/api/${doc.kind}/${doc.id}`, {
    localAddress,
    headers: { authorization: `Bearer ${secret}`, 'if-match': '"1"', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body ?? {}),
  });
}

const guess = (i: number) => `gok${i}${'x'.repeat(40)}`;

test('a cross-site page with 21 <img> tags at the edit link with wrong secrets does not lock its visitor out', async ({ page }) => {
  const plan = await newPlan('Doelwit');
  const edit = new URL(plan.editUrl, server.url);
  const wrongLinks = Array.from({ length: 21 }, (_, i) => {
    const url = new URL(edit);
    url.searchParams.set('sleutel', guess(i));
    return url.href;
  });
  // Another site (localhost is a different site from 127.0.0.1), served by the test.
  await page.route('http://localhost:8765/elders.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Elders</title>${wrongLinks.map((u) => `<img src="${u}" alt="">`).join('')}` }),
  );
  // Every image request went out and came back (403, or blocked by the browser after the answer).
  const done = new Set<string>();
  const track = (url: string) => {
    if (url.includes('/bewerken?sleutel=gok')) done.add(url);
  };
  page.on('requestfinished', (req) => track(req.url()));
  page.on('requestfailed', (req) => track(req.url()));
  await page.goto('http://localhost:8765/elders.html');
  await expect.poll(() => done.size, { timeout: 20_000 }).toBe(21);

  // Those GETs counted nowhere: a wrong secret from this browser's address is still a plain 403 …
  expect((await put(plan, guess(99), '127.0.0.1')).status).toBe(403);
  // … and the real edit link opens and saves (a Server Action under Referrer-Policy: strict-origin).
  const res = await page.goto(edit.href);
  expect(res?.status()).toBe(200);
  expect(res?.headers()['referrer-policy']).toBe('strict-origin');
  await page.getByLabel('Titel', { exact: true }).fill('Nog steeds van mij');
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();
});

test('the regional edit form saves under strict-origin too', async ({ page }) => {
  const region = await newRegion();
  const res = await page.goto(new URL(region.editUrl, server.url).href);
  expect(res?.headers()['referrer-policy']).toBe('strict-origin');
  await page.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('12.000');
  await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
  await expect(page.getByText('Opgeslagen als versie 2.')).toBeVisible();
});

test('a plan cannot be created by a form on another site, not even one that sends Origin: null', async ({ page }) => {
  // The create form's own hidden Server Action fields, as a page without JavaScript posts them.
  const createPage = await call(server.url, 'GET', '/plannen/nieuw');
  const actionFields = createPage.body.match(/<input[^>]*name="\$ACTION[^"]*"[^>]*>/g) ?? [];
  expect(actionFields.length).toBeGreaterThan(0);
  const form = (title: string, meta = '') =>
    `<!doctype html><html><head>${meta}<title>Formulier</title></head><body>
     <form method="post" enctype="multipart/form-data" action="${server.url}/plannen/nieuw">${actionFields.join('')}
       <input name="municipality" value="Elders"><input name="title" value="${title}">
       <input name="startYear" value="2026"><input name="endYear" value="2027"><button>Verstuur</button>
     </form></body></html>`;
  const submit = async (pageUrl: string, html: string) => {
    await page.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(pageUrl);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.waitForLoadState('load');
    return page.locator('#bewerkingslink').count();
  };
  // Control: the same form on the app's own origin creates a plan (so the fields are right).
  expect(await submit(`${server.url}/eigen-formulier.html`, form('Van hier'))).toBe(1);
  // Another site: refused, with its real origin and with `Origin: null` (no-referrer), which used to be allowed.
  expect(await submit('http://localhost:8765/formulier.html', form('Van elders'))).toBe(0);
  expect(await submit('http://localhost:8765/null.html', form('Van nergens', '<meta name="referrer" content="no-referrer">'))).toBe(0);
});

test('rotating a forged X-Forwarded-For does not escape the per-address limit; the right secret still works', async () => {
  const attacker = '127.0.0.2';
  const plans = await Promise.all(Array.from({ length: 21 }, () => newPlan('Adres')));
  // One wrong secret on each of 20 plans, each with a new forged address: all counted for the socket's address.
  for (let i = 0; i < 20; i++) {
    const res = await put(plans[i]!, guess(i), attacker, { 'x-forwarded-for': `10.${i}.0.1`, 'x-real-ip': `10.${i}.0.2` });
    expect(res.status).toBe(403);
  }
  const limited = await put(plans[20]!, guess(20), attacker, { 'x-forwarded-for': '10.99.0.1' });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // The owner of a plan, from that same limited address, is not refused.
  expect((await put(plans[3]!, plans[3]!.editSecret, attacker)).status).toBe(200);
  // Another address is not affected.
  expect((await put(plans[20]!, guess(21), '127.0.0.3')).status).toBe(403);
});

test('wrong secrets are limited per plan and per regional plan across addresses; the owner still saves', async () => {
  for (const doc of [await newPlan('Per plan'), await newRegion()]) {
    // Twenty addresses, one wrong secret each (under every per-address limit).
    for (let i = 0; i < 20; i++) expect((await put(doc, guess(i), `127.0.${doc.kind === 'regio' ? 2 : 1}.${i + 10}`)).status).toBe(403);
    expect((await put(doc, guess(20), '127.0.3.1')).status).toBe(429);
    if (doc.kind === 'plannen') expect((await put(doc, doc.editSecret, '127.0.3.1')).status).toBe(200);
  }
});

test('hostile requests leave no edit secret in the server log', async () => {
  const plan = await newPlan('Logboek');
  const edit = new URL(plan.editUrl, server.url);
  const path = `${edit.pathname}${edit.search}`;
  const big = Buffer.alloc(12 * 1024 * 1024, 'a');
  // 12 MB to the edit URL: as a Server Action, as a plain form post, as JSON.
  await call(server.url, 'POST', path, { headers: { 'next-action': 'a'.repeat(42), 'content-type': 'text/plain;charset=UTF-8', origin: server.url }, body: big });
  await call(server.url, 'POST', path, { headers: { 'content-type': 'multipart/form-data; boundary=x', origin: server.url }, body: big });
  await call(server.url, 'POST', path, { headers: { 'content-type': 'application/json' }, body: big });
  // Wrong and malformed secrets in the URL, odd methods, a broken action id.
  for (const secret of [guess(1), '%ZZ', 'a'.repeat(5000), plan.editSecret]) {
    await call(server.url, 'GET', `${edit.pathname}?sleutel=${secret}`);
    await call(server.url, 'POST', `${edit.pathname}?sleutel=${secret}`, { headers: { 'next-action': 'zz', origin: server.url }, body: '[]' });
    await call(server.url, 'DELETE', `${edit.pathname}?sleutel=${secret}`);
  }
  await call(server.url, 'PUT', `/api/plannen/${plan.id}?sleutel=${plan.editSecret}`, { headers: { 'content-type': 'application/json' }, body: big });
  // Give the workers a moment to write what they log.
  await new Promise((r) => setTimeout(r, 1000));

  const log = server.log();
  // Next's proxy layer logs the URL of a body over 10 MB ("Request body exceeded 10MB for /plannen/…"):
  // the line is there, with the secret redacted.
  expect(log).toContain('bewerken?sleutel=[verborgen]');
  for (const secret of secretsUsed) expect(log).not.toContain(secret);
  expect(log).not.toMatch(/sleutel(=|%3D)(?!\[verborgen\])/i);
});
