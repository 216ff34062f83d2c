import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { noSidewaysScroll } from './support/layout';

const detailHeading = (page: Page) => page.locator('#detail-titel');
const cell = (page: Page, law: string, level: string) => page.getByRole('link', { name: new RegExp(`^${law}, ${level}:`) });

test.describe('wegwijzer matrix', () => {
  test('cells read as the paper does: task titles, who pays and the number of sources, in a real table', async ({ page }) => {
    await page.goto('/wegwijzer');
    const table = page.getByRole('table', { name: /wetten \(rijen\) tegenover preventieniveaus/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: /Selectief/ })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Jeugdwet' })).toBeVisible();
    const jw = cell(page, 'Jeugdwet', 'Selectief');
    await expect(jw).toContainText('Opvoedingsondersteuning');
    await expect(jw).toContainText('Aanpak huiselijk geweld/kindermishandeling en Meldcode');
    await expect(jw).toContainText(/Betaalt: Gemeente · \d+ geldbronnen?/);
    // The cell is a table cell under its row and column headers.
    await expect(table.getByRole('cell').filter({ has: jw })).toHaveCount(1);
    await expect(cell(page, 'Zorgverzekeringswet', 'Geïndiceerd')).toContainText('Kraamzorg en verloskunde');
    await expect(cell(page, 'Zorgverzekeringswet', 'Geïndiceerd')).toContainText('Zorgverzekeraar');
  });

  test('selecting a cell by mouse shows its detail, moves focus to it, updates the URL, and Back restores the previous view', async ({ page }) => {
    await page.goto('/wegwijzer');
    await expect(detailHeading(page)).toHaveText('Kies een cel');

    // A document load (content pages have no client router, README: decisions), without the #detail jump:
    // the page's own script keeps the scroll position and moves focus.
    await cell(page, 'Jeugdwet', 'Selectief').click();
    await expect(page).toHaveURL(/\/wegwijzer\?wet=jeugdwet&niveau=selectief$/);
    await expect(detailHeading(page)).toHaveText('Jeugdwet · Selectief');
    await expect(detailHeading(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Jeugdwet × selectief/i);
    await expect(cell(page, 'Jeugdwet', 'Selectief')).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('heading', { name: 'Wie betaalt?' })).toBeVisible();

    await cell(page, 'Zorgverzekeringswet', 'Geïndiceerd').click();
    await expect(detailHeading(page)).toHaveText('Zorgverzekeringswet · Geïndiceerd');
    await expect(detailHeading(page)).toBeFocused();
    await expect(page.locator('#detail')).toContainText('Zorgverzekeraar');

    await page.goBack();
    await expect(page).toHaveURL(/\?wet=jeugdwet&niveau=selectief$/);
    await expect(detailHeading(page)).toHaveText('Jeugdwet · Selectief');
    // Back does not move focus: only a choice does.
    await expect(detailHeading(page)).not.toBeFocused();
    await page.goBack();
    await expect(detailHeading(page)).toHaveText('Kies een cel');
    await page.goForward();
    await expect(detailHeading(page)).toHaveText('Jeugdwet · Selectief');
  });

  test('a cell chosen by keyboard (Tab, Enter) moves focus to the detail heading', async ({ page }) => {
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
    await expect(page).toHaveURL(/wet=wpg&niveau=universeel/);
    await expect(detailHeading(page)).toHaveText('Wet publieke gezondheid · Universeel');
    await expect(detailHeading(page)).toBeFocused();
    await expect(detailHeading(page)).toBeInViewport();
    // The next Tab continues inside the detail, not back at the top of the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#detail') !== null)).toBe(true);
  });

  test('on 1280×800 the detail sits beside the matrix, visible after choosing a cell low in the table', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/wegwijzer');
    const low = page.getByRole('link', { name: /^Integraal gemeentelijk beleid:/ });
    await low.scrollIntoViewIfNeeded();
    await low.click();
    await expect(detailHeading(page)).toHaveText('Integraal gemeentelijk beleid');
    await expect(detailHeading(page)).toBeInViewport();
    // Beside, not below: the chosen cell is still on screen too.
    await expect(low).toBeInViewport();
    await expectNoAxeViolations(page);
  });

  test('row and column headers look like links and choose a whole law or level', async ({ page }) => {
    await page.goto('/wegwijzer');
    const law = page.getByRole('rowheader').getByRole('link', { name: 'Zorgverzekeringswet', exact: true });
    expect(await law.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    await law.click();
    await expect(detailHeading(page)).toHaveText('Zorgverzekeringswet');
    await expect(page).toHaveURL(/\?wet=zvw$/);
    await expect(law).toHaveAttribute('aria-current', 'true');

    const level = page.getByRole('columnheader').getByRole('link', { name: 'Geïndiceerd', exact: true });
    expect(await level.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    await level.click();
    await expect(detailHeading(page)).toHaveText('Geïndiceerd');
    await expect(detailHeading(page)).toBeFocused();
    await expect(page).toHaveURL(/\?niveau=geindiceerd$/);
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
    // A knelpunt hit opens the knelpunt's own page: the search also finds text in its facts, which only that page shows.
    await expect(page).toHaveURL(/\/knelpunten\/taalbarriere-migranten$/);
    await expect(page.getByRole('heading', { level: 1, name: /Taalbarrière/i })).toBeVisible();
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

  test('at 360 px the matrix is a readable list per law, without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/wegwijzer');
    // No squeezed table: a heading per law, with its levels as blocks under it.
    await expect(page.getByRole('table')).toHaveCount(0);
    const laws = page.getByRole('heading', { level: 3 });
    await expect(laws.first()).toHaveText('Jeugdwet');
    await expect(laws.filter({ hasText: 'Zorgverzekeringswet' })).toBeVisible();
    const block = cell(page, 'Jeugdwet', 'Universeel');
    await expect(block).toContainText('Opvoedingsondersteuning');
    await expect(block).toContainText(/Betaalt: Gemeente · \d+ geldbronnen?/);
    // Readable: the block is about as wide as the screen, its text not squeezed into a narrow column.
    const box = await block.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // The law heading is a link choosing the whole law; a block chooses its cell.
    await laws.filter({ hasText: 'Wet publieke gezondheid' }).getByRole('link').click();
    await expect(detailHeading(page)).toHaveText('Wet publieke gezondheid');
    await expect(detailHeading(page)).toBeFocused();
    await cell(page, 'Participatiewet', 'Selectief').click();
    await expect(detailHeading(page)).toHaveText('Participatiewet · Selectief');
    await expect(detailHeading(page)).toBeFocused();
    await expect(detailHeading(page)).toBeInViewport();
    await page.getByRole('link', { name: 'Geïndiceerd', exact: true }).click();
    await expect(detailHeading(page)).toHaveText('Geïndiceerd');
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });

  test('unknown values in a link are ignored with a notice', async ({ page }) => {
    await page.goto('/wegwijzer?wet=verzonnen&niveau=selectief');
    await expect(page.getByRole('status')).toContainText('niet herkend');
    await expect(detailHeading(page)).toHaveText('Selectief');
  });
});

test.describe('wegwijzer without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a cell link goes to #detail and the detail shows there', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/wegwijzer');
    await cell(page, 'Wet maatschappelijke ondersteuning 2015', 'Selectief').click();
    await expect(page).toHaveURL(/\?wet=wmo&niveau=selectief#detail$/);
    await expect(detailHeading(page)).toHaveText('Wet maatschappelijke ondersteuning 2015 · Selectief');
    // The browser jumped to the fragment: the detail is on screen, not below the matrix.
    await expect(detailHeading(page)).toBeInViewport();
    await expect(page.locator('#detail')).toContainText('Ondersteuning ouders met een licht verstandelijke beperking (LVB)');
  });

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
