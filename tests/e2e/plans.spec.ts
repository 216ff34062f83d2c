import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';

// Funding plans: create, edit, read, share, conflicts, exports, history.
// Every test makes its own plan, so the tests can run in parallel.

type Created = { id: string; readPath: string; editPath: string; secret: string };

/** A plan through the JSON API (fast), 2026–2027 unless told otherwise. */
async function apiPlan(request: APIRequestContext, fields: Record<string, unknown> = {}): Promise<Created> {
  const res = await request.post('/api/plannen', {
    data: { municipality: 'Teststad', title: 'Plan voor de test', startYear: 2026, endYear: 2027, ...fields },
  });
  expect(res.status()).toBe(201);
  const { id, readUrl, editUrl, editSecret } = createdSchema.parse(await res.json());
  return { id, readPath: readUrl, editPath: editUrl, secret: editSecret };
}

const createdSchema = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
const stateSchema = z.object({
  plan: z.object({ version: z.number(), title: z.string() }),
  needs: z.array(z.object({ costCategory: z.string(), year: z.number(), amount: z.number() })),
  lines: z.array(z.object({ sourceSlug: z.string().nullable(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })), status: z.string() })),
});

async function apiState(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/plannen/${id}`);
  expect(res.status()).toBe(200);
  return stateSchema.parse(await res.json());
}

/** Saves needs and lines through the API (for tests that are not about the form). */
async function apiSave(request: APIRequestContext, plan: Created, version: number, body: Record<string, unknown>) {
  const res = await request.put(`/api/plannen/${plan.id}`, {
    headers: { Authorization: `Bearer ${plan.secret}`, 'If-Match': `"${version}"` },
    data: body,
  });
  expect(res.status()).toBe(200);
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const needTable = (page: Page, category: string) => page.getByRole('table', { name: `Behoefte en dekking per jaar: ${category}` });
const row = (table: Locator, name: RegExp) => table.getByRole('row', { name });
const euro = (digits: string) => new RegExp(`€\\s${digits.replace('.', '\\.')}`);

test('the home page and the menu link to a new funding plan', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Financieringsplan' }).click();
  await expect(page).toHaveURL(/\/plannen\/nieuw$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw financieringsplan');
});

test('creating a plan: errors per field, then the read link and the edit link shown once', async ({ page }) => {
  await page.goto('/plannen/nieuw');
  await expectNoAxeViolations(page);

  // Errors: summary with links, message at the field, values kept.
  await page.getByLabel('Titel van het plan').fill('Mijn plan');
  await page.getByLabel('Laatste jaar').fill('2020');
  await page.getByRole('button', { name: 'Plan maken' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /Vul de naam van de gemeente of regio in/ })).toBeVisible();
  await expect(page.getByLabel('Gemeente of regio')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Titel van het plan')).toHaveValue('Mijn plan');
  await expect(page.getByText('Het eindjaar mag niet vóór het beginjaar liggen.').last()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Gemeente of regio').fill('Den Haag');
  await page.getByLabel('Eerste jaar').fill('2026');
  await page.getByLabel('Laatste jaar').fill('2028');
  await page.getByLabel(/financieringsmix van Lokaal platform Den Haag/).check();
  await page.getByRole('button', { name: 'Plan maken' }).click();

  await expect(page.getByRole('heading', { name: 'Uw plan “Mijn plan” is gemaakt' })).toBeVisible();
  await expect(page.getByText('Iedereen met deze link kan het plan wijzigen. Bewaar hem goed; hij wordt maar één keer getoond.')).toBeVisible();
  const editUrl = (await page.locator('#bewerkingslink').textContent()) ?? '';
  const readUrl = (await page.locator('#leeslink').textContent()) ?? '';
  expect(editUrl).toMatch(/\/plannen\/[A-Za-z0-9_-]{22}\/bewerken\?sleutel=[A-Za-z0-9_-]{43}$/);
  expect(readUrl).toMatch(/\/plannen\/[A-Za-z0-9_-]{22}$/);
  // The secret is in the response to the POST, never in the address bar.
  expect(page.url()).toMatch(/\/plannen\/nieuw$/);
  await expect(page.getByRole('button', { name: 'Bewerkingslink kopiëren' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Shown once: the page itself does not show it again.
  await page.goto('/plannen/nieuw');
  await expect(page.getByText(/sleutel=/)).toHaveCount(0);

  // The example's mix is seeded as rows per source without amounts, status idee.
  await page.goto(editUrl);
  const interventies = region(page, 'Interventies');
  await expect(interventies.getByLabel('Financieringsbron, regel 1', { exact: true })).toHaveValue('preventief-jeugdbeleid');
  await expect(interventies.getByLabel('Bedrag 2026, regel 1', { exact: true })).toHaveValue('');
  await expect(interventies.getByLabel('Bedrag 2028, regel 1', { exact: true })).toHaveValue('');
  await expect(interventies.getByLabel('Status, regel 1', { exact: true })).toHaveValue('idee');
});

test('editing: Dutch amounts, totals while typing, a new line, saving; the read page shows the gap', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const plan = await apiPlan(page.request);
  await page.goto(plan.editPath);
  await expectNoAxeViolations(page);

  await page.getByLabel('Behoefte Interventies 2026').fill('€ 12.500');
  const table = needTable(page, 'Interventies');
  await expect(row(table, /^Behoefte/)).toContainText(euro('12.500'));
  await expect(row(table, /^Tekort/)).toContainText(euro('12.500'));

  const interventies = region(page, 'Interventies');
  await interventies.getByRole('button', { name: /Regel toevoegen/ }).click();
  const source = interventies.getByLabel('Financieringsbron, regel 1', { exact: true });
  await expect(source).toBeFocused();
  await source.selectOption({ label: 'Gemeentelijke middelen Jeugdwet' });
  await expect(interventies.getByRole('link', { name: /Over deze financieringsbron/ })).toHaveAttribute('href', '/bronnen/jeugdwet-budget');
  await expect(interventies.getByRole('link', { name: /In de wegwijzer/ })).toHaveAttribute('href', /\/wegwijzer\?wet=jeugdwet.*kosten=interventies/);
  await interventies.getByLabel('Bedrag 2026, regel 1', { exact: true }).fill('1.234');
  await interventies.getByLabel('Status, regel 1', { exact: true }).selectOption('toegezegd');
  await expect(row(table, /^Financiering/)).toContainText(euro('1.234'));
  await expect(row(table, /^Tekort/)).toContainText(euro('11.266'));

  // A second line from a source outside the catalogue.
  await interventies.getByRole('button', { name: /Regel toevoegen/ }).click();
  await interventies.getByLabel('Financieringsbron, regel 2', { exact: true }).selectOption({ label: 'Andere financieringsbron (vrije tekst)' });
  await interventies.getByLabel('Andere financieringsbron (vrije tekst), regel 2', { exact: true }).fill('Lokaal fonds');
  await interventies.getByLabel('Bedrag 2027, regel 2', { exact: true }).fill('€ 2.000');
  await interventies.getByLabel('Status, regel 2', { exact: true }).selectOption('aangevraagd');

  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();
  await expect(page.getByLabel('Behoefte Interventies 2026')).toHaveValue('12.500');
  await expect(interventies.getByLabel('Bedrag 2026, regel 1', { exact: true })).toHaveValue('1.234');
  await expect(page.getByRole('table', { name: /Versies van dit plan/ })).toContainText('Regel toegevoegd: Gemeentelijke middelen Jeugdwet');

  const stored = await apiState(page.request, plan.id);
  expect(stored.needs).toEqual([{ costCategory: 'interventies', year: 2026, amount: 12500 }]);
  expect(stored.lines.map((l) => l.amounts)).toEqual([[{ year: 2026, amount: 1234 }], [{ year: 2027, amount: 2000 }]]);

  await page.goto(plan.readPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan voor de test');
  const glance = page.getByRole('region', { name: 'In één oogopslag' });
  await expect(glance).toContainText(euro('12.500'));
  await expect(glance).toContainText(euro('3.234'));
  await expect(glance).toContainText(euro('9.266'));
  const interventiesTable = page.getByRole('table', { name: 'Interventies', exact: true });
  await expect(row(interventiesTable, /^Tekort(?! in)/)).toContainText(euro('11.266'));
  await expect(row(interventiesTable, /^Tekort in %/)).toContainText('90,1%');
  await expect(page.getByRole('img', { name: /behoefte en financiering per jaar/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Financiering per betaler' })).toContainText('Onbekend (eigen financieringsbron)');
  await expect(page.getByRole('table', { name: /Cellen van de wegwijzer/ }).getByRole('link', { name: /^In plan/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // The editor's scripts ran under the nonce CSP without a single refusal.
  expect(cspViolations).toEqual([]);
});

test('invalid input: an error summary links to each field, and everything typed stays', async ({ page }) => {
  const plan = await apiPlan(page.request);
  await page.goto(plan.editPath);
  await page.getByLabel('Behoefte Interventies 2026').fill('twaalf');
  const proces = region(page, 'Proceskosten');
  await proces.getByRole('button', { name: /Regel toevoegen/ }).click();
  await proces.getByLabel('Financieringsbron, regel 1', { exact: true }).selectOption({ label: 'GALA-procesbudget' });
  await proces.getByLabel('Bedrag 2026, regel 1', { exact: true }).fill('500');
  await proces.getByLabel('Status, regel 1', { exact: true }).selectOption('afgewezen');
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();

  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /Behoefte interventies 2026/ }).click();
  const need = page.getByLabel('Behoefte Interventies 2026');
  await expect(need).toBeFocused();
  await expect(need).toHaveValue('twaalf');
  await expect(need).toHaveAttribute('aria-invalid', 'true');
  await expect(summary.getByRole('link', { name: /Proceskosten, regel 1, reden van afwijzing: Geef aan waarom/ })).toBeVisible();
  await expect(proces.getByLabel('Bedrag 2026, regel 1', { exact: true })).toHaveValue('500');
  await expectNoAxeViolations(page);
  expect((await apiState(page.request, plan.id)).plan.version).toBe(1);
});

test('the read link shows the plan but can change nothing; a wrong edit link gets 403', async ({ page, browser }) => {
  const plan = await apiPlan(page.request);
  await apiSave(page.request, plan, 1, { needs: [{ costCategory: 'interventies', year: 2026, amount: 8000 }], lines: [] });

  const reader = await browser.newContext();
  const readPage = await reader.newPage();
  const res = await readPage.goto(plan.readPath);
  expect(res?.headers()['referrer-policy']).toBe('strict-origin');
  expect(res?.headers()['x-robots-tag']).toContain('noindex');
  await expect(readPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(readPage.getByRole('region', { name: 'In één oogopslag' })).toContainText(euro('8.000'));
  await expect(readPage.locator('form')).toHaveCount(0);
  await expect(readPage.getByRole('textbox')).toHaveCount(0);
  // No button but "Afdrukken" (window.print).
  await expect(readPage.getByRole('button').filter({ hasNotText: 'Afdrukken' })).toHaveCount(0);
  expect(await readPage.content()).not.toContain(plan.secret);
  expect(await readPage.content()).not.toContain('bewerken');

  // Posting to the read page or the API without the secret changes nothing.
  await readPage.request.post(plan.readPath, { form: { needs: 'x', version: '1', intent: 'save' } });
  expect((await readPage.request.put(`/api/plannen/${plan.id}`, { data: { needs: [], lines: [] } })).status()).toBe(401);
  await reader.close();

  // The edit page with a wrong or missing secret: 403, with only the read link.
  for (const path of [`/plannen/${plan.id}/bewerken?sleutel=${'A'.repeat(43)}`, `/plannen/${plan.id}/bewerken`]) {
    const forbidden = await page.goto(path);
    expect(forbidden?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang tot bewerken');
    await expect(page.getByRole('link', { name: 'Het plan bekijken (leeslink)' })).toHaveAttribute('href', plan.readPath);
    await expect(page.getByRole('textbox')).toHaveCount(0);
  }
  await expectNoAxeViolations(page);

  // The edit form posted with a wrong secret is refused; what was typed stays.
  await page.goto(plan.editPath);
  await page.getByLabel('Behoefte Interventies 2026').fill('99.999');
  // The hidden secret field of the edit form (not the one of the "new edit link" form).
  await page.locator('#plan-form input[name="sleutel"]').evaluate((el, value) => el.setAttribute('value', value), 'B'.repeat(43));
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Deze bewerkingslink werkt niet (meer). Er is niets opgeslagen' })).toBeVisible();
  await expect(page.getByLabel('Behoefte Interventies 2026')).toHaveValue('99.999');

  const stored = await apiState(page.request, plan.id);
  expect(stored.plan.version).toBe(2);
  expect(stored.needs).toEqual([{ costCategory: 'interventies', year: 2026, amount: 8000 }]);
});

test('an unknown plan is a 404 on the read and edit pages', async ({ page }) => {
  for (const path of ['/plannen/AAAAAAAAAAAAAAAAAAAAAA', '/plannen/AAAAAAAAAAAAAAAAAAAAAA/bewerken?sleutel=abc', '/plannen/x!y']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  }
  await expectNoAxeViolations(page);
});

test('exports: the CSV opens in Dutch Excel and the xlsx has formulas', async ({ page }) => {
  const plan = await apiPlan(page.request, { title: 'Export één' });
  await apiSave(page.request, plan, 1, {
    needs: [{ costCategory: 'interventies', year: 2026, amount: 12500 }],
    lines: [
      { costCategory: 'interventies', sourceSlug: 'jeugdwet-budget', year: 2026, amount: 1234, looptijd: 'structureel', status: 'toegezegd' },
      { costCategory: 'interventies', customSourceName: 'Fonds; met puntkomma', year: 2027, amount: 2000, looptijd: 'tijdelijk', status: 'aangevraagd' },
    ],
  });
  await page.goto(plan.readPath);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download CSV/ }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toBe('Financieringsplan;Export één');
  const header = lines.find((l) => l.startsWith('Soort;'));
  expect(header?.split(';')).toEqual(expect.arrayContaining(['2026 (euro)', '2027 (euro)', 'Totaal (euro)']));
  expect(csv).toContain('Behoefte;Interventies;;;;;;;12500;0;12500;');
  expect(csv).toContain('"Fonds; met puntkomma"');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download Excel/ }).click()]);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile((await xlsxDownload.path()) ?? '');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const sheet = workbook.getWorksheet('Overzicht');
  expect(sheet).toBeDefined();
  const formulas: { formula: string; result: unknown }[] = [];
  sheet?.eachRow((r) =>
    r.eachCell((cell) => {
      const value = cell.value;
      if (value && typeof value === 'object' && 'formula' in value) formulas.push({ formula: String(value.formula), result: value.result });
    }),
  );
  expect(formulas.some((f) => f.formula.startsWith('SUM(') && f.result === 12500)).toBe(true);
  const regels = workbook.getWorksheet('Regels');
  expect(regels?.getCell('A1').value).toBe('Financieringsplan');
  expect(regels?.getCell('B1').value).toBe('Export één');
  expect(regels?.getCell('A7').value).toBe('Kostensoort');
});

test('a new edit link replaces the old one', async ({ page }) => {
  const plan = await apiPlan(page.request);
  await page.goto(plan.editPath);
  await page.getByRole('button', { name: 'Nieuwe bewerkingslink maken' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe bewerkingslink gemaakt' })).toBeVisible();
  await expect(page).toHaveURL(/sleutel=/);
  const newUrl = (await page.locator('#nieuwe-bewerkingslink').textContent()) ?? '';
  expect(newUrl).not.toContain(plan.secret);
  await expectNoAxeViolations(page);

  // The new link edits; the old one is refused.
  await page.getByLabel('Behoefte Maatwerkbudget 2026').fill('300');
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();
  const old = await page.goto(plan.editPath);
  expect(old?.status()).toBe(403);
  await page.goto(newUrl);
  await expect(page.getByLabel('Behoefte Maatwerkbudget 2026')).toHaveValue('300');
});

test('the history lists versions and restores one as a new version', async ({ page }) => {
  const plan = await apiPlan(page.request);
  await apiSave(page.request, plan, 1, { needs: [{ costCategory: 'proceskosten', year: 2026, amount: 1000 }], lines: [] });
  await apiSave(page.request, plan, 2, { needs: [{ costCategory: 'proceskosten', year: 2026, amount: 4000 }], lines: [] });
  await page.goto(plan.editPath);
  const history = page.getByRole('table', { name: /Versies van dit plan/ });
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history).toContainText(/Behoefte proceskosten 2026: €\s1\.000 → €\s4\.000/);
  await history.getByRole('button', { name: 'Versie 2 terugzetten' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versie 2 is teruggezet als nieuwe versie 4.' })).toBeVisible();
  await expect(page.getByLabel('Behoefte Proceskosten 2026')).toHaveValue('1.000');
  await expect(history.getByRole('row')).toHaveCount(5);
  const stored = await apiState(page.request, plan.id);
  expect(stored.plan.version).toBe(4);
  expect(stored.needs).toEqual([{ costCategory: 'proceskosten', year: 2026, amount: 1000 }]);
});

test('at 360 px wide the read and edit pages have no axe violations (tables scroll by keyboard too)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const plan = await apiPlan(page.request, { startYear: 2026, endYear: 2029 });
  await apiSave(page.request, plan, 1, {
    needs: [{ costCategory: 'interventies', year: 2029, amount: 250000 }],
    lines: [{ costCategory: 'interventies', sourceSlug: 'spuk-kansrijke-start', year: 2026, amount: 120000, looptijd: 'tijdelijk', status: 'toegezegd' }],
  });
  await page.goto(plan.readPath);
  await expect(page.getByRole('region', { name: 'In één oogopslag' })).toContainText('klifjaar is 2027');
  await expectNoAxeViolations(page);
  await page.goto(plan.editPath);
  await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('create, add a line, remove one and save with plain form posts', async ({ page }) => {
    await page.goto('/plannen/nieuw');
    await page.getByLabel('Gemeente of regio').fill('Zwolle');
    await page.getByLabel('Titel van het plan').fill('Zonder JavaScript');
    await page.getByLabel('Eerste jaar').fill('2026');
    await page.getByLabel('Laatste jaar').fill('2027');
    await page.getByRole('button', { name: 'Plan maken' }).click();
    await expect(page.getByRole('heading', { name: /is gemaakt/ })).toBeVisible();
    const editUrl = (await page.locator('#bewerkingslink').textContent()) ?? '';
    // Without JavaScript there is no copy button; the link is plain text to select.
    await expect(page.getByRole('button', { name: /kopiëren/ })).toHaveCount(0);

    await page.goto(editUrl);
    await page.getByLabel('Behoefte Interventies 2026').fill('€ 12.500');
    const interventies = region(page, 'Interventies');
    await interventies.getByRole('button', { name: /Regel toevoegen/ }).click();
    // The server re-rendered the form with one more row and kept what was typed.
    await expect(page.getByLabel('Behoefte Interventies 2026')).toHaveValue('€ 12.500');
    await interventies.getByLabel('Financieringsbron, regel 1', { exact: true }).selectOption({ label: 'Gemeentelijke middelen Jeugdwet' });
    await interventies.getByLabel('Bedrag 2026, regel 1', { exact: true }).fill('1.234');
    await interventies.getByLabel('Looptijd, regel 1', { exact: true }).selectOption('structureel');
    await interventies.getByLabel('Status, regel 1', { exact: true }).selectOption('toegezegd');
    await interventies.getByRole('button', { name: /Regel toevoegen/ }).click();
    await expect(interventies.getByLabel('Bedrag 2026, regel 1', { exact: true })).toHaveValue('1.234');
    await interventies.getByRole('button', { name: 'Verwijderen regel 2' }).click();
    await expect(interventies.getByLabel('Financieringsbron, regel 2', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
    await expect(page.getByText('Opgeslagen als versie 2.')).toBeVisible();
    await expect(needTable(page, 'Interventies').getByRole('row', { name: /^Tekort/ })).toContainText(euro('11.266'));

    await page.getByRole('link', { name: /Plan bekijken/ }).click();
    await expect(page.getByRole('region', { name: 'In één oogopslag' })).toContainText(euro('11.266'));
  });
});
