import { expect, test, type Page } from '@playwright/test';
import { z } from 'zod';
import { startOwnServer } from './support/own-server';

// The site's frame: header, main menu (a <details> that works without
// JavaScript), footer, the pages about the app, icons, robots.txt, sitemap and
// noindex on plan pages.

const menuButton = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' }).locator('summary');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });

test.describe('the main menu at 360 px without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test('opens and closes with the keyboard; its links are reachable and work', async ({ page }) => {
    await page.goto('/knelpunten');
    const summary = menuButton(page);
    await expect(summary).toBeVisible();
    await expect(summary).toHaveText('Menu');
    // One line: the closed menu is a single row (it wrapped over three lines before).
    expect((await summary.boundingBox())?.height ?? 0).toBeLessThanOrEqual(48);
    await expect(mainMenu(page).getByRole('link', { name: 'Interventies' })).toBeHidden();

    // Keyboard only: Tab from the skip link and the header links to the menu button.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused();
    let tabs = 0;
    while (!(await summary.evaluate((el) => el === document.activeElement)) && tabs++ < 5) await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    // Focus is visible: an outline of at least 2 px.
    expect(await summary.evaluate((el) => parseFloat(getComputedStyle(el).outlineWidth))).toBeGreaterThanOrEqual(2);

    await page.keyboard.press('Enter');
    await expect(page.locator('details.site-menu')).toHaveAttribute('open', '');
    const links = mainMenu(page).getByRole('link');
    await expect(links).toHaveText(['Wegwijzer', 'Financieringsbronnen', 'Interventies', 'Knelpunten', 'Voorbeelden', 'Actueel', 'Mijn plannen', 'Financieringsplan', 'Regio']);
    await page.keyboard.press('Tab');
    await expect(mainMenu(page).getByRole('link', { name: 'Wegwijzer' })).toBeFocused();

    // Shift+Tab back to the button; Space closes the menu again.
    await page.keyboard.press('Shift+Tab');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.locator('details.site-menu')).not.toHaveAttribute('open', '');
    await expect(mainMenu(page).getByRole('link', { name: 'Interventies' })).toBeHidden();

    // Open again and follow a link.
    await page.keyboard.press('Enter');
    await mainMenu(page).getByRole('link', { name: 'Interventies' }).click();
    await expect(page).toHaveURL(/\/interventies$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interventies');
    // A new page: the menu is closed again.
    await expect(mainMenu(page).getByRole('link', { name: 'Interventies' })).toBeHidden();
  });
});

test('at 1280 px the menu is a plain list on one line, without the menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(menuButton(page)).toBeHidden();
  const links = mainMenu(page).getByRole('link');
  await expect(links).toHaveCount(9);
  const tops = new Set<number>();
  for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) tops.add(Math.round(box?.y ?? -1));
  expect([...tops]).toHaveLength(1);
});

test('the header links to the colofon; the footer to colofon, accessibility statement, privacy and contact, with the content date', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: 'Colofon' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Colofon');
  // No owner or contact configured on the test server: the pages say so plainly.
  await expect(page.getByRole('heading', { name: 'Eigenaar en contact' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Eigenaar: niet opgegeven');
  await expect(page.getByRole('main')).toContainText('er is nog geen contactadres');
  await expect(page.getByRole('heading', { name: 'Brondocumenten' })).toBeVisible();

  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Stand van de inhoud: 2 december 2026');
  await footer.getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);
  await expect(page).toHaveTitle(/^Toegankelijkheidsverklaring · /);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
  for (const h of ['Norm', 'Status: voldoet gedeeltelijk', 'Bekende beperkingen', 'Een probleem melden', 'Over deze verklaring']) {
    await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  }
  await expect(page.getByRole('main')).toContainText('WCAG) 2.1 op niveau A en AA');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy');
  await expect(page.getByRole('main')).toContainText('geen cookies');
  for (const h of ['Financieringsplannen en regionale plannen', 'Tellers tegen misbruik', 'In uw eigen browser']) {
    await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  }
  await page.getByRole('main').getByRole('link', { name: 'Mijn plannen' }).click();
  await expect(page).toHaveURL(/\/plannen$/);

  await page.getByRole('contentinfo').getByRole('link', { name: 'Contact' }).click();
  await expect(page).toHaveURL(/\/colofon#eigenaar$/);
});

test('robots.txt, sitemap.xml and the icons are served with the right type', async ({ request, page }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  const robotsText = await robots.text();
  expect(robotsText).toMatch(/^Disallow: \/api\/$/m);
  expect(robotsText).not.toMatch(/Disallow: \/$/m);
  expect(robotsText).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);

  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()['content-type']).toMatch(/xml/);
  const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  expect(locs).toEqual(expect.arrayContaining(['/', '/wegwijzer', '/wetten/jeugdwet', '/bronnen/spuk-kansrijke-start', '/interventies/voorzorg', '/voorbeelden/den-haag', '/knelpunten', '/actueel', '/toegankelijkheid', '/privacy', '/colofon']));
  expect(locs.filter((p) => /^\/(plannen|regio|api)(\/|$)/.test(p))).toEqual([]);

  for (const [path, type] of [
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/apple-icon.png', /^image\/png/],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-type'], path).toMatch(type);
  }
  const png = await (await request.get('/apple-icon.png')).body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);

  // The pages point at the icons.
  await page.goto('/');
  for (const href of await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThanOrEqual(2);
});

test('plan and region pages carry noindex; content pages do not', async ({ page, request }) => {
  const created = z.object({ readUrl: z.string(), editUrl: z.string() });
  const plan = created.parse(await (await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Niet te vinden', startYear: 2026, endYear: 2027 } })).json());
  const region = created.parse(
    await (
      await request.post('/api/regio', {
        data: { name: 'Niet te vinden', startYear: 2026, endYear: 2027, members: [{ name: 'Ede', children0to4: 100, children0to18: 400 }], sharedItems: [], trajectoryItems: [] },
      })
    ).json(),
  );
  for (const url of [plan.readUrl, plan.editUrl, region.readUrl, region.editUrl, '/plannen', '/plannen/nieuw', '/regio/nieuw']) {
    await page.goto(url);
    await expect(page.locator('meta[name="robots"]'), url).toHaveAttribute('content', /noindex/);
  }
  for (const url of ['/', '/wetten/jeugdwet', '/privacy']) {
    await page.goto(url);
    await expect(page.locator('meta[name="robots"][content*="noindex"]'), url).toHaveCount(0);
  }
});

test('with SITE_OWNER and SITE_CONTACT_EMAIL set, header, footer and pages name them', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startOwnServer('site-owner', { SITE_OWNER: 'Gemeente Voorbeeld, team Jeugd', SITE_CONTACT_EMAIL: 'wegwijzer@voorbeeld.nl' });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Content pages are prerendered, so they take SITE_OWNER and SITE_CONTACT_EMAIL from the build (README);
    // this server only starts with them. A page rendered per request (a new plan) shows them at once.
    await page.goto('/plannen/nieuw');
    await expect(page.getByRole('banner')).toContainText('Aangeboden door Gemeente Voorbeeld, team Jeugd');
    await expect(page.getByRole('contentinfo')).toContainText('Eigenaar: Gemeente Voorbeeld, team Jeugd');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'wegwijzer@voorbeeld.nl' })).toHaveAttribute('href', 'mailto:wegwijzer@voorbeeld.nl');
    await context.close();
  } finally {
    await server.stop();
  }
});
