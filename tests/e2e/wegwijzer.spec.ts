import { expect, test, type Page } from '@playwright/test';

const detailHeading = (page: Page) => page.locator('#detail-titel');
const cell = (page: Page, law: string, level: string) => page.getByRole('link', { name: new RegExp(`^${law}, ${level}:`) });

test.describe('wegwijzer matrix', () => {
  test('selecting a cell by mouse shows its detail, updates the URL, and Back restores the previous view', async ({ page }) => {
    await page.goto('/wegwijzer');
    await expect(page.getByRole('table', { name: /wetten \(rijen\) tegenover preventieniveaus/ })).toBeVisible();
    await expect(detailHeading(page)).toHaveText('Kies een cel');

    // Selecting is client-side: no new document or RSC request for /wegwijzer.
    const pageRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/wegwijzer') pageRequests.push(r.url());
    });

    await cell(page, 'Jeugdwet', 'Selectief').click();
    await expect(page).toHaveURL(/\?wet=jeugdwet&niveau=selectief#detail$/);
    await expect(detailHeading(page)).toHaveText('Jeugdwet · Selectief');
    await expect(cell(page, 'Jeugdwet', 'Selectief')).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('heading', { name: 'Wie betaalt?' })).toBeVisible();

    await cell(page, 'Zorgverzekeringswet', 'Geïndiceerd').click();
    await expect(detailHeading(page)).toHaveText('Zorgverzekeringswet · Geïndiceerd');
    await expect(page.locator('#detail')).toContainText('Zorgverzekeraar');
    expect(pageRequests).toEqual([]);

    await page.goBack();
    await expect(page).toHaveURL(/\?wet=jeugdwet&niveau=selectief/);
    await expect(detailHeading(page)).toHaveText('Jeugdwet · Selectief');
    await page.goBack();
    await expect(detailHeading(page)).toHaveText('Kies een cel');
  });

  test('every cell is reachable and operable by keyboard, with visible focus', async ({ page }) => {
    await page.goto('/wegwijzer');
    const target = cell(page, 'Wet publieke gezondheid', 'Universeel');
    // Tab through the page until the Wpg × Universeel cell has focus.
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await target.evaluate((el) => el === document.activeElement);
    }
    expect(focused).toBe(true);
    const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(detailHeading(page)).toHaveText('Wet publieke gezondheid · Universeel');
    await expect(page).toHaveURL(/wet=wpg&niveau=universeel/);
  });

  test('a shared link restores the whole state', async ({ page }) => {
    await page.goto('/wegwijzer?wet=zvw&niveau=geindiceerd&kosten=interventies&fase=tijdens-de-zwangerschap');
    await expect(detailHeading(page)).toHaveText('Zorgverzekeringswet · Geïndiceerd');
    await expect(page.getByLabel('Kostensoort')).toHaveValue('interventies');
    await expect(page.getByLabel('Fase van de eerste 1000 dagen')).toHaveValue('tijdens-de-zwangerschap');
    await expect(page.getByText(/Gefilterd op kostensoort “Interventies”/)).toBeVisible();
    // Every listed source can pay interventions.
    const payable = page.locator('#detail li').filter({ hasText: 'Kan betalen:' });
    const count = await payable.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(payable.nth(i)).toContainText('Interventies');
  });

  test('the cost filter narrows the sources of a cell', async ({ page }) => {
    await page.goto('/wegwijzer?wet=wpg&niveau=universeel');
    const sources = page.locator('#detail li').filter({ hasText: 'Kan betalen:' });
    const before = await sources.count();
    await page.getByLabel('Kostensoort').selectOption('proceskosten');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page).toHaveURL(/kosten=proceskosten/);
    await expect(page.getByText(/Gefilterd op kostensoort “Proceskosten”/)).toBeVisible();
    const after = await sources.count();
    expect(after).toBeLessThan(before);
    await expect(detailHeading(page)).toHaveText('Wet publieke gezondheid · Universeel');
  });

  test('a search finds a knelpunt and marks its cells', async ({ page }) => {
    await page.goto('/wegwijzer');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('TOLKENtelefoon');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page).toHaveURL(/q=TOLKENtelefoon/);
    await expect(page.getByRole('heading', { name: /resultaat voor “TOLKENtelefoon”/ })).toBeVisible();
    const hit = page.getByRole('link', { name: /Taalbarrière/i }).first();
    await expect(hit).toBeVisible();
    await expect(page.getByRole('table').first()).toContainText('treffer');
    await hit.click();
    await expect(page).toHaveURL(/\/knelpunten#/);
    await expect(page.getByRole('heading', { level: 3, name: /Taalbarrière/i })).toBeVisible();
  });

  test('an intervention highlights its cells and lists its routes to money', async ({ page }) => {
    await page.goto('/wegwijzer?interventie=voorzorg');
    await expect(page.getByRole('heading', { name: 'Interventie: VoorZorg' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Routes naar geld' })).toBeVisible();
    const marked = page.locator('table td a', { hasText: 'Interventie' });
    expect(await marked.count()).toBeGreaterThan(0);
  });

  test('the phase filter narrows tasks', async ({ page }) => {
    await page.goto('/wegwijzer?wet=zvw');
    const tasks = page.locator('#detail a[href^="/wetten/"]');
    const before = await tasks.count();
    await page.goto('/wegwijzer?wet=zvw&fase=voor-de-zwangerschap');
    expect(await tasks.count()).toBeLessThan(before);
  });

  test('fits a 360 px wide screen without sideways scrolling of the page', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/wegwijzer?wet=jeugdwet&niveau=universeel');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(cell(page, 'Jeugdwet', 'Universeel')).toBeVisible();
  });

  test('unknown values in a link are ignored with a notice', async ({ page }) => {
    await page.goto('/wegwijzer?wet=verzonnen&niveau=selectief');
    await expect(page.getByRole('status')).toContainText('niet herkend');
    await expect(detailHeading(page)).toHaveText('Selectief');
  });
});

test.describe('wegwijzer without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('cells, filters and search work as plain links and forms', async ({ page }) => {
    await page.goto('/wegwijzer');
    await cell(page, 'Participatiewet', 'Selectief').click();
    await expect(page).toHaveURL(/wet=participatiewet&niveau=selectief/);
    await expect(detailHeading(page)).toHaveText('Participatiewet · Selectief');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('minimapolis');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page).toHaveURL(/wet=participatiewet&niveau=selectief&q=minimapolis/);
    await expect(page.getByRole('heading', { name: /resultaten? voor “minimapolis”/ })).toBeVisible();
    await expect(detailHeading(page)).toHaveText('Participatiewet · Selectief');
  });
});
