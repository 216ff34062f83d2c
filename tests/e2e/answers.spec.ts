import { expect, test, type Page } from '@playwright/test';

const answerBlock = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

test.describe('answer block on an intervention page', () => {
  test('VoorZorg opens with its main route, other routes, partners, conditions and what ends in 2027, cited', async ({ page }) => {
    await page.goto('/interventies/voorzorg');
    const block = answerBlock(page, 'Antwoord in het kort');
    await expect(block).toBeVisible();
    // The block comes first after the page title.
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe('Antwoord in het kort');

    await expect(block.getByRole('heading', { name: 'Hoofdroute naar geld' })).toBeVisible();
    const route = block.getByRole('definition');
    await expect(route.nth(0)).toHaveText('Wet publieke gezondheid');
    await expect(route.nth(1)).toContainText('Selectief');
    await expect(route.nth(2)).toHaveText('Gemeente');
    // The main route's funding source comes right under the route (it is linked again where partners come via it).
    const mainSource = block.getByRole('link', { name: 'Middelen publieke gezondheid en jeugdgezondheidszorg (Wpg)' }).first();
    await expect(mainSource).toHaveAttribute('href', '/bronnen/wpg-budget');
    await expect(mainSource.locator('xpath=ancestor::li')).toContainText('Loopt');
    await expect(block.getByText('Interpretatie:').first()).toBeVisible();

    await expect(block.getByRole('heading', { name: 'Andere routes naar geld' })).toBeVisible();
    await expect(block.getByRole('heading', { name: 'Met wie praat u?' })).toBeVisible();
    await expect(block.getByText('Publieke gezondheid', { exact: true })).toBeVisible();

    const ending = block.getByRole('heading', { name: /Onzeker of aflopend \(voor 20\d\d\)/ });
    await expect(ending).toBeVisible();
    await expect(block.getByText(/SPUK Kansrijke Start .* (loopt|liep) af op 31 december 2026/)).toBeVisible();

    // Every part carries its sources.
    expect(await block.getByText(/^Bronn?en?:/).count()).toBeGreaterThanOrEqual(5);

    // The main cell is named on the small matrix.
    await expect(page.getByRole('table', { name: /Cellen van de wegwijzer/ })).toContainText('Hoofdroute');
  });

  test('an intervention without a known route says so instead of guessing', async ({ page }) => {
    await page.goto('/interventies/baby-connect');
    const block = answerBlock(page, 'Antwoord in het kort');
    await expect(block.getByText(/Niet gevonden: de bronnen noemen geen route naar geld voor Baby Connect/)).toBeVisible();
    await expect(block.getByRole('definition')).toHaveCount(0);
  });
});

async function chooseTwoAndShow(page: Page) {
  await page.goto('/interventies');
  const form = page.getByRole('group', { name: 'Kies een of meer interventies' });
  await form.getByRole('checkbox', { name: 'VoorZorg' }).check();
  await form.getByRole('checkbox', { name: 'Prenataal huisbezoek door de JGZ' }).check();
  await page.getByRole('button', { name: 'Toon antwoordblad' }).click();
}

async function expectTwoInterventionSheet(page: Page) {
  // The browser sends kies=a&kies=b; the page answers at the canonical kies=a,b.
  await expect(page).toHaveURL(/\/interventies\?kies=voorzorg,prenataal-huisbezoek$/);
  await expect(page).toHaveTitle(/^Antwoordblad: VoorZorg en Prenataal huisbezoek door de JGZ · /);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /VoorZorg en Prenataal huisbezoek door de JGZ/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antwoordblad: VoorZorg en Prenataal huisbezoek door de JGZ');
  await expect(answerBlock(page, 'VoorZorg')).toBeVisible();
  await expect(answerBlock(page, 'Prenataal huisbezoek door de JGZ')).toBeVisible();
  const together = page.getByRole('region', { name: 'Samen bekeken' });
  const routes = together.getByRole('table', { name: 'Hoofdroutes' });
  await expect(routes.getByRole('row', { name: /VoorZorg/ })).toContainText('Wpg');
  await expect(routes.getByRole('row', { name: /Prenataal huisbezoek/ })).toContainText('Structurele middelen prenataal huisbezoek JGZ');
  // Both main routes run through the Wpg and are paid by the municipality.
  await expect(together.getByRole('listitem').filter({ hasText: /^Wet publieke gezondheid:/ })).toContainText('VoorZorg (hoofdroute), Prenataal huisbezoek door de JGZ (hoofdroute)');
  await expect(together.getByRole('listitem').filter({ hasText: /^Gemeente:/ }).first()).toBeVisible();
  // The chosen boxes stay ticked, to change the choice.
  await expect(page.getByRole('checkbox', { name: 'VoorZorg' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Stevig Ouderschap' })).not.toBeChecked();
}

test.describe('answer sheet for several interventions', () => {
  test('with JavaScript, via the checkbox form', async ({ page }) => {
    await chooseTwoAndShow(page);
    await expectTwoInterventionSheet(page);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the checkbox form gives the same sheet', async ({ page }) => {
      await chooseTwoAndShow(page);
      await expectTwoInterventionSheet(page);
    });
  });

  test('a shared link opens the same sheet, and shows its own address to share', async ({ page }) => {
    await page.goto('/interventies?kies=voorzorg,prenataal-huisbezoek');
    await expectTwoInterventionSheet(page);
    await expect(page.getByRole('link', { name: /\/interventies\?kies=voorzorg,prenataal-huisbezoek$/ })).toBeVisible();
  });

  test('unknown slugs are named, not a crash; case and duplicates are forgiven', async ({ page }) => {
    const res = await page.goto('/interventies?kies=VoorZorg,geldboom,voorzorg,%3Cb%3Ex%3C%2Fb%3E');
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(/\/interventies\?kies=voorzorg,geldboom,%3Cb%3Ex%3C%2Fb%3E$/);
    await expect(page.getByRole('status')).toContainText('Niet gevonden als interventie: “geldboom”, “<b>x</b>”');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antwoordblad: VoorZorg');
    await page.goto('/interventies?kies=geldboom');
    await expect(page.getByRole('status')).toContainText('“geldboom”');
    await expect(page.getByRole('button', { name: 'Toon antwoordblad' })).toBeVisible();
  });

  test('prints on A4 without navigation, form or buttons', async ({ page }) => {
    await page.goto('/interventies?kies=voorzorg,prenataal-huisbezoek');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Toon antwoordblad' })).toBeHidden();
    await expect(answerBlock(page, 'VoorZorg')).toBeVisible();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });
});

test.describe('search', () => {
  test('the home page search box finds the prenatal home visit first, with why and a highlighted snippet', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: /Zoek in wetten/ }).fill('prenataal huisbezoek');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/\/wegwijzer\?q=prenataal\+huisbezoek/);
    await expect(page).toHaveTitle(/^Zoeken: prenataal huisbezoek · /);
    const hits = page.getByRole('region', { name: /resultaten voor “prenataal huisbezoek”/ }).getByRole('listitem');
    const first = hits.first();
    await expect(first.getByRole('link').first()).toHaveText('Prenataal huisbezoek door de JGZ');
    await expect(first).toContainText('gevonden in titel');
    await expect(first.locator('mark').first()).toHaveText(/prenataal/i);
    // A hit only in the text says so, and ranks below the title hits.
    const debt = hits.filter({ hasText: /^Taak: Schuldhulpverlening/ });
    await expect(debt).toContainText('gevonden in tekst');
    const texts = await hits.allTextContents();
    expect(texts.findIndex((t) => t.startsWith('Taak: Schuldhulpverlening'))).toBeGreaterThan(texts.findIndex((t) => t.includes('Structurele middelen prenataal huisbezoek')));
  });

  test('markup in the query is shown as text, never run', async ({ page }) => {
    await page.goto('/wegwijzer?q=%3Cimg%20src%3Dx%3E%20kraamzorg');
    await expect(page.getByRole('heading', { name: /voor “<img src=x> kraamzorg”/ })).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);
  });
});

// Axe at 1280 and 360 px and no sideways scroll on the intervention pages and answer sheets:
// tests/e2e/a11y.spec.ts (every content route, and the answer-sheet states in its STATES).
