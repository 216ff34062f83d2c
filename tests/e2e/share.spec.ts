import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';
import { noSidewaysScroll } from './support/layout';

// Links that share well (issue 10, part 2): "Kopieer link", knelpunt
// self-links, titles that describe the state, and preview images.

const SITE = 'Wegwijzer financiering Kansrijke Start';
// The site's own address (lib/site.ts siteUrl): APP_URL, else localhost on the
// server's port. Copied links and canonical URLs use it, whatever host the
// browser used to reach the server.
const ORIGIN = new URL(process.env.APP_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`).origin;

const KNELPUNT = { slug: 'financiele-belemmeringen-preconceptiezorg', nummer: '1.1' };

const copyButton = (page: Page) => page.getByRole('button', { name: 'Kopieer link', exact: true });
// The button's live region is aria-live="polite" rather than role="status", so it does not count as one more
// status message of the page.
const liveText = (page: Page, text: string) => page.locator('[aria-live="polite"]', { hasText: text });
const canonical = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');
const meta = (page: Page, attr: 'property' | 'name', key: string) => page.locator(`meta[${attr}="${key}"]`).getAttribute('content');

/** Width and height from a PNG's IHDR chunk, after checking the PNG signature and the chunk's type. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Fetches the page's og:image (on the test server: same path and query) and checks it is a 1200×630 PNG. */
async function expectPreviewImage(page: Page, request: APIRequestContext, expectedPath: string) {
  const og = await meta(page, 'property', 'og:image');
  expect(og).toBe(`${ORIGIN}${expectedPath}`);
  expect(await meta(page, 'property', 'og:image:width')).toBe('1200');
  expect(await meta(page, 'property', 'og:image:height')).toBe('630');
  expect(await meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
  expect(await meta(page, 'name', 'twitter:image')).toBe(og);
  const url = new URL(og ?? '');
  const res = await request.get(`${url.pathname}${url.search}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  return res;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('there is no copy button: the address bar does the job', async ({ page }) => {
    await page.goto('/interventies/voorzorg');
    await expect(page.getByRole('heading', { level: 1, name: 'VoorZorg' })).toBeVisible();
    await expect(copyButton(page)).toHaveCount(0);

    await page.goto('/wegwijzer?wet=wpg&niveau=selectief');
    await expect(page.locator('#detail-titel')).toBeVisible();
    await expect(copyButton(page)).toHaveCount(0);

    await page.goto('/knelpunten');
    await expect(page.getByRole('button', { name: /^Kopieer link/ })).toHaveCount(0);
    // The self-links are plain links and work without JavaScript.
    await expect(page.getByRole('link', { name: /^1\.1 Financiële belemmeringen/ })).toHaveAttribute('href', `#${KNELPUNT.slug}`);
  });
});

test.describe('with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Kopieer link" on an intervention page puts its canonical URL on the clipboard and says so', async ({ page }) => {
    await page.goto('/interventies/voorzorg');
    expect(await canonical(page)).toBe(`${ORIGIN}/interventies/voorzorg`);
    await copyButton(page).click();
    await expect(liveText(page, 'Link gekopieerd')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}/interventies/voorzorg`);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll(page);
  });

  test('on an example page, and on the wegwijzer the link of the selected cell with its filters', async ({ page }) => {
    await page.goto('/voorbeelden');
    const example = page.getByRole('main').locator('a[href^="/voorbeelden/"]').first();
    const href = await example.getAttribute('href');
    expect(href).toMatch(/^\/voorbeelden\/[a-z0-9-]+$/);
    await page.goto(href ?? '');
    await copyButton(page).click();
    await expect(liveText(page, 'Link gekopieerd')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}${href}`);

    await page.goto('/wegwijzer?wet=wpg&niveau=selectief&kosten=interventies');
    await copyButton(page).click();
    await expect(liveText(page, 'Link gekopieerd')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}/wegwijzer?wet=wpg&niveau=selectief&kosten=interventies`);
  });

  test('each knelpunt has a self-link heading and its own copy button', async ({ page }) => {
    await page.goto('/knelpunten');
    const heading = page.getByRole('heading', { level: 3, name: /^1\.1 Financiële belemmeringen/ });
    const self = heading.getByRole('link');
    // The "#" is CSS generated content with empty alternative text (app/globals.css, .self-link), shown on hover
    // and focus: the link's name is the heading's text.
    const hash = () => self.evaluate((a) => `${getComputedStyle(a, '::after').content} ${getComputedStyle(a, '::after').opacity}`);
    expect(await hash()).toMatch(/^"#" \/ "" 0$/);
    await self.hover();
    expect(await hash()).toMatch(/^"#" \/ "" 1$/);
    const [headingName, linkName] = await Promise.all([heading.innerText(), self.innerText()]);
    expect(linkName).toBe(headingName);
    await expect(self).toHaveAccessibleName(/^1\.1 Financiële belemmeringen rondom anticonceptie.*interconceptiezorg$/);
    await self.click();
    await expect(page).toHaveURL(new RegExp(`/knelpunten#${KNELPUNT.slug}$`));
    await expect(page.locator(`article#${KNELPUNT.slug}`)).toHaveCSS('border-color', 'rgb(27, 79, 114)');

    const buttons = page.getByRole('button', { name: /^Kopieer link naar knelpunt / });
    expect(await buttons.count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: `Kopieer link naar knelpunt ${KNELPUNT.nummer}`, exact: true }).click();
    await expect(liveText(page, 'Link gekopieerd')).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ORIGIN}/knelpunten#${KNELPUNT.slug}`);
  });
});

test('when the browser refuses the clipboard, the link is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Geweigerd', 'NotAllowedError'));
  });
  await page.goto('/interventies/voorzorg');
  await copyButton(page).click();
  const url = `${ORIGIN}/interventies/voorzorg`;
  const field = page.getByRole('textbox', { name: 'Link om te kopiëren' });
  await expect(field).toHaveValue(url);
  await expect(field).toBeFocused();
  expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, url.length]);
  await expect(liveText(page, 'Kopiëren lukte niet')).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('titles and descriptions describe the state', () => {
  test('a selected cell, a search and a filter', async ({ page }) => {
    await page.goto('/wegwijzer?wet=wpg&niveau=selectief');
    await expect(page).toHaveTitle(`Wpg × selectief: taken, wie betaalt, geldbronnen · ${SITE}`);
    expect(await meta(page, 'name', 'description')).toContain('Wet publieke gezondheid, preventieniveau selectief');
    expect(await canonical(page)).toBe(`${ORIGIN}/wegwijzer?wet=wpg&niveau=selectief`);

    await page.goto('/wegwijzer?q=kraamzorg');
    await expect(page).toHaveTitle(`Zoeken: kraamzorg · ${SITE}`);
    expect(await meta(page, 'property', 'og:title')).toBe('Zoeken: kraamzorg');

    await page.goto('/wegwijzer?kosten=interventies');
    await expect(page).toHaveTitle(`Wegwijzer: kostensoort interventies · ${SITE}`);
    expect(await meta(page, 'name', 'description')).toContain('Gefilterd op kostensoort interventies.');
  });

  test('content pages and the answer sheet', async ({ page }) => {
    await page.goto('/wetten/jeugdwet');
    await expect(page).toHaveTitle(`Jeugdwet · ${SITE}`);
    await page.goto('/actueel');
    await expect(page).toHaveTitle(`Wat is er veranderd sinds de wegwijzer? · ${SITE}`);
    await page.goto('/interventies?kies=voorzorg,prenataal-huisbezoek');
    await expect(page).toHaveTitle(`Antwoordblad: VoorZorg en Prenataal huisbezoek door de JGZ · ${SITE}`);
    expect(await canonical(page)).toBe(`${ORIGIN}/interventies?kies=voorzorg,prenataal-huisbezoek`);
  });
});

test.describe('preview images', () => {
  test('a content page and a wegwijzer state have a 1200×630 PNG, cacheable', async ({ page, request }) => {
    await page.goto('/interventies/voorzorg');
    const res = await expectPreviewImage(page, request, '/og/interventies/voorzorg');
    expect(res.headers()['cache-control']).toMatch(/^public, max-age=\d+/);

    await page.goto('/wegwijzer?wet=wpg&niveau=selectief');
    await expectPreviewImage(page, request, '/og/wegwijzer?wet=wpg&niveau=selectief');
    await page.goto('/knelpunten/eigen-bijdrage-kraamzorg');
    await expectPreviewImage(page, request, '/og/knelpunten/eigen-bijdrage-kraamzorg');
    await page.goto('/');
    await expectPreviewImage(page, request, '/og');
  });

  test("a plan's read page: an image of its title and municipality, private, not indexed", async ({ page, request }) => {
    const created = await request.post('/api/plannen', {
      data: { municipality: 'Teststad', title: 'Plan om te delen', startYear: 2026, endYear: 2027 },
    });
    expect(created.status()).toBe(201);
    const { id, editSecret } = z.object({ id: z.string(), editSecret: z.string() }).parse(await created.json());
    const saved = await request.put(`/api/plannen/${id}`, {
      headers: { Authorization: `Bearer ${editSecret}`, 'If-Match': '"1"' },
      data: { needs: [], lines: [{ costCategory: 'interventies', sourceSlug: 'spuk-kansrijke-start', looptijd: 'tijdelijk', status: 'toegezegd', amounts: [{ year: 2026, amount: 123456 }] }] },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    await page.goto(`/plannen/${id}`);
    await expect(page).toHaveTitle(`Financieringsplan: Plan om te delen · ${SITE}`);
    expect(await meta(page, 'property', 'og:image:alt')).toBe('Financieringsplan: Plan om te delen, Teststad');
    const res = await expectPreviewImage(page, request, `/og/plannen/${id}`);
    expect(res.headers()['cache-control']).toBe('private, max-age=300');
    expect(res.headers()['x-robots-tag']).toBe('noindex, nofollow');

    expect((await request.get('/og/plannen/bestaatnietbestaatniet00')).status()).toBe(404);
  });
});
