import { expect, test, type Page } from '@playwright/test';

test('the home page explains the app and links to the wegwijzer', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Wegwijzer financiering Kansrijke Start');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wegwijzer financiering Kansrijke Start');
  await expect(page.getByText('Met wie kan ik hierover in gesprek?')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Wegwijzer', exact: true }).click();
  await expect(page).toHaveURL(/\/wegwijzer$/);
});

test('an example page shows narrative, funding mix linked to sources and its cells on a matrix', async ({ page }) => {
  await page.goto('/voorbeelden');
  await page.getByRole('link', { name: /Gelderland-Midden/ }).click();
  await expect(page).toHaveURL(/\/voorbeelden\/gelderland-midden$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Gelderland-Midden');
  await expect(page.getByRole('heading', { name: 'Het verhaal' })).toBeVisible();
  await expect(page.getByText(/Deelnemende gemeenten \(15\)/)).toBeVisible();
  const mix = page.getByRole('table', { name: /Financieringsmix/ });
  await expect(mix).toBeVisible();
  const mini = page.getByRole('table', { name: /Cellen van de wegwijzer/ });
  expect(await mini.getByRole('link', { name: /^Gebruikt/ }).count()).toBeGreaterThan(0);
  // A source in the mix links to its page.
  const first = mix.getByRole('link').first();
  const name = await first.textContent();
  await first.click();
  await expect(page).toHaveURL(/\/bronnen\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name ?? '');
});

test('a law page lists its tasks over the three levels, marked as interpretation', async ({ page }) => {
  await page.goto('/wetten/jeugdwet');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jeugdwet');
  await expect(page.getByRole('table', { name: /Taken van Jeugdwet per preventieniveau/ })).toBeVisible();
  await expect(page.getByText('Interpretatie:').first()).toBeVisible();
});

test('source and intervention pages show facts with their peildatum', async ({ page }) => {
  await page.goto('/bronnen/spuk-kansrijke-start');
  await expect(page.getByRole('table', { name: 'Feiten en bedragen' })).toContainText('2023');
  await page.goto('/interventies/voorzorg');
  await expect(page.getByRole('heading', { name: 'Routes naar geld' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kosten en andere feiten' })).toContainText('2022');
});

test('the knelpunten list links each knelpunt to its own page, which has the dated facts and a title of its own', async ({ page }) => {
  await page.goto('/knelpunten');
  // The list has no facts tables: they are on each knelpunt's page (README, decisions).
  await expect(page.getByRole('table')).toHaveCount(0);
  const knelpunt = page.getByRole('article', { name: /^1\.3 Eigen bijdrage kraamzorg/ });
  await knelpunt.getByRole('link', { name: 'Bedragen en feiten bij knelpunt 1.3 (9)' }).click();
  await expect(page).toHaveURL(/\/knelpunten\/eigen-bijdrage-kraamzorg#feiten$/);
  await expect(page).toHaveTitle(/^Knelpunt 1\.3: Eigen bijdrage kraamzorg: voor minima een te grote drempel/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eigen bijdrage kraamzorg: voor minima een te grote drempel om kraamzorg aan te vragen');
  await expect(page.getByRole('heading', { level: 2, name: 'Oplossingen' })).toBeVisible();
  const facts = page.getByRole('table', { name: 'Bedragen en feiten' });
  await expect(facts).toBeInViewport();
  await expect(facts.getByRole('row')).toHaveCount(10);
  await expect(facts.getByRole('row', { name: /Eigen bijdrage kraamzorg per uur in 2025/ })).toContainText(/Bronnen: Aanvullende feiten .*, stand november 2025/);
  await expect(page.getByRole('complementary', { name: 'Hoe actueel is deze pagina?' })).toContainText('december 2020');
  await page.getByRole('link', { name: 'Alle knelpunten' }).click();
  await expect(page).toHaveURL(/\/knelpunten#eigen-bijdrage-kraamzorg$/);

  // A knelpunt without facts links to its page all the same.
  await expect(page.getByRole('link', { name: /^Knelpunt \d+\.\d+ op een eigen pagina$/ }).first()).toHaveAttribute('href', /^\/knelpunten\/[a-z0-9-]+$/);
});

test('content pages load no framework script, only their own, under a policy without inline scripts', async ({ page }) => {
  // scripts/content-pages.cjs takes Next's scripts out of content pages (README, decisions); plan pages keep them.
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || new URL(r.url()).searchParams.has('_rsc')) scripts.push(new URL(r.url()).pathname);
  });
  for (const path of ['/', '/wegwijzer', '/wegwijzer?wet=jeugdwet&niveau=selectief', '/knelpunten', '/interventies/voorzorg', '/bestaat-niet']) {
    scripts.length = 0;
    const res = await page.goto(path, { waitUntil: 'networkidle' });
    expect(scripts, path).toEqual(path === '/bestaat-niet' ? [] : ['/enhance.js']);
    expect(await page.locator('script:not([src="/enhance.js"])').count(), path).toBe(0);
    const policy = (await res?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy, path).toMatch(/script-src 'self';/);
  }
  // What the script does shows: the copy buttons (hidden without JavaScript).
  await page.goto('/knelpunten');
  await expect(page.getByRole('button', { name: /^Kopieer link naar knelpunt/ }).first()).toBeVisible();

  scripts.length = 0;
  await page.goto('/plannen/nieuw', { waitUntil: 'networkidle' });
  expect(scripts.some((s) => s.startsWith('/_next/static/')), 'plan pages keep the framework').toBe(true);
});

test('unknown slugs get a Dutch 404 page', async ({ page }) => {
  for (const path of ['/voorbeelden/atlantis', '/bronnen/geldboom', '/wetten/wet-op-alles', '/interventies/x', '/knelpunten/x', '/bestaat-niet']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    // In the HTML itself, not only after a script ran: an on-demand notFound() used to send Next's empty error
    // shell, which without the framework's scripts (or without JavaScript) stayed blank (dynamicParams = false).
    expect(await (await page.request.get(path)).text(), path).toMatch(/<h1[^>]*>Pagina niet gevonden<\/h1>/);
  }
});

test('every page has a Dutch title, description and Open Graph tags', async ({ page }) => {
  for (const path of ['/', '/wegwijzer?wet=wmo&niveau=selectief', '/bronnen', '/bronnen/minimapolis', '/interventies/nu-niet-zwanger', '/knelpunten', '/knelpunten/vroegsignalering', '/voorbeelden/den-haag', '/wetten/zvw']) {
    await page.goto(path);
    await expect(page).toHaveTitle(/Kansrijke Start/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length, path).toBeGreaterThan(20);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /.+/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  }
  await page.goto('/wegwijzer?wet=wmo&niveau=selectief');
  await expect(page).toHaveTitle(/Wmo|maatschappelijke ondersteuning/);
});

test('the health endpoint reports a reachable database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('content pages and navigation work', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Knelpunten' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knelpunten');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Voorbeelden' }).click();
    await page.getByRole('link', { name: /Smallingerland/ }).click();
    await expect(page.getByRole('table', { name: /Financieringsmix/ })).toBeVisible();
    await page.goto('/interventies');
    await page.getByRole('link', { name: 'Stevig Ouderschap' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stevig Ouderschap');
  });
});

const cspViolations = (page: Page) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
};
const scriptSrcOf = (csp: string) => csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';

test('plan and region pages send a nonce CSP without unsafe-inline scripts, and run under it', async ({ page }) => {
  const violations = cspViolations(page);
  for (const path of ['/plannen/nieuw', '/regio/nieuw']) {
    const res = await page.goto(path);
    const headers = res!.headers();
    const csp = headers['content-security-policy'] ?? '';
    const scriptSrc = scriptSrcOf(csp);
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(scriptSrc, path).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toContain('max-age=');
    // Every script carries the nonce of this response...
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const n of scripts) expect(n, path).toBe(nonce);
    // ...and a second request gets another nonce.
    const again = await page.request.get(path);
    expect(again.headers()['content-security-policy']).not.toBe(csp);
  }
  expect(violations).toEqual([]);
});

test('content pages are prerendered with a static CSP without inline scripts (no eval, no foreign origins) and run under it', async ({ page }) => {
  const violations = cspViolations(page);
  const res = await page.goto('/wegwijzer');
  const csp = res!.headers()['content-security-policy'] ?? '';
  // Served without Next's inline scripts (scripts/content-pages.cjs), so without 'unsafe-inline'.
  expect(scriptSrcOf(csp).trim()).toBe("script-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  // The page's own script works under the policy: choosing a cell moves focus to the detail.
  await page.getByRole('link', { name: /^Wmo, Selectief:|^Wet maatschappelijke ondersteuning 2015, Selectief:/ }).click();
  await expect(page.locator('#detail-titel')).toContainText('Selectief');
  await expect(page.locator('#detail-titel')).toBeFocused();
  // A prerendered page: the same document for every request, without nonces.
  const [a, b] = await Promise.all([page.request.get('/knelpunten'), page.request.get('/knelpunten')]);
  const html = await a.text();
  expect(html).toContain('<h1');
  expect(await b.text()).toBe(html);
  expect(html).not.toMatch(/<script[^>]*\snonce=/);
  expect(scriptSrcOf(a.headers()['content-security-policy'] ?? '').trim()).toBe("script-src 'self'");
  expect(violations).toEqual([]);
});
