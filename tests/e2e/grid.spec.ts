import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';

// Issue 9: the funding plan as a multi-year budget — a grid of lines × years.

const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
const state = z.object({
  plan: z.object({ version: z.number() }),
  lines: z.array(z.object({ id: z.string(), sourceSlug: z.string().nullable(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
});

async function apiPlan(request: APIRequestContext, lines: unknown[] = []) {
  const res = await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Meerjarenplan', startYear: 2026, endYear: 2029 } });
  const plan = created.parse(await res.json());
  if (lines.length > 0) {
    const saved = await request.put(`/api/plannen/${plan.id}`, { headers: { Authorization: `Bearer ${plan.editSecret}`, 'If-Match': '"1"' }, data: { needs: [], lines } });
    expect(saved.status()).toBe(200);
  }
  return plan;
}
const line = (sourceSlug: string, amounts: [number, number][], extra: Record<string, unknown> = {}) => ({
  costCategory: 'interventies',
  sourceSlug,
  looptijd: 'structureel',
  status: 'toegezegd',
  amounts: amounts.map(([year, amount]) => ({ year, amount })),
  ...extra,
});
const interventies = (page: Page) => page.getByRole('region', { name: 'Tabel financieringsregels Interventies', exact: true });
const cell = (page: Page, year: number, row: number) => interventies(page).getByLabel(`Bedrag ${year}, regel ${row}`, { exact: true });
async function stored(request: APIRequestContext, id: string) {
  return state.parse(await (await request.get(`/api/plannen/${id}`)).json());
}

test('one row per source with a column per year: typing, Enter moves down, fill right, duplicate, and the row total', async ({ page, request }) => {
  test.slow(); // many steps, a save and an axe run
  const plan = await apiPlan(request, [line('wmo-budget', [[2026, 1000]]), line('jeugdwet-budget', [])]);
  await page.goto(plan.editUrl);
  await expect(cell(page, 2026, 1)).toHaveValue('1.000');
  await cell(page, 2027, 1).fill('2.000');
  await expect(interventies(page).getByRole('row').nth(1)).toContainText(/€\s3\.000/);

  // Enter goes to the same year in the next row, Shift+Enter back up; it does not submit.
  await cell(page, 2027, 1).press('Enter');
  await expect(cell(page, 2027, 2)).toBeFocused();
  await cell(page, 2027, 2).press('Shift+Enter');
  await expect(cell(page, 2027, 1)).toBeFocused();

  // Fill right: the first amount of row 2 into every year.
  await cell(page, 2026, 2).fill('500');
  await interventies(page).getByRole('button', { name: /^Zelfde bedrag voor alle jaren\s*, regel 2$/ }).click();
  for (const year of [2026, 2027, 2028, 2029]) await expect(cell(page, year, 2)).toHaveValue('500');
  await expect(interventies(page).getByRole('row').nth(2)).toContainText(/€\s2\.000/);

  // Duplicate: a copy under it, as a new line.
  await interventies(page).getByRole('button', { name: 'Regel dupliceren 1' }).click();
  await expect(cell(page, 2027, 2)).toHaveValue('2.000');
  await expect(interventies(page).getByLabel('Financieringsbron, regel 2', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();
  const after = await stored(request, plan.id);
  expect(after.lines.map((l) => l.amounts.map((a) => a.amount))).toEqual([[1000, 2000], [1000, 2000], [500, 500, 500, 500]]);
  expect(new Set(after.lines.map((l) => l.id)).size).toBe(3);
});

test('pasting a block from Excel fills rows and years from the cell, and names cells that are not amounts', async ({ page, request }) => {
  const plan = await apiPlan(request, [line('wmo-budget', []), line('jeugdwet-budget', [])]);
  await page.goto(plan.editUrl);
  const paste = (text: string) =>
    cell(page, 2027, 1).evaluate((input, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  await paste('1.000\t2.000\t3.000\t4.000\r\n5.000\tveel\r\n9\r\n');
  await expect(cell(page, 2027, 1)).toHaveValue('1.000');
  await expect(cell(page, 2029, 1)).toHaveValue('3.000');
  await expect(cell(page, 2027, 2)).toHaveValue('5.000');
  await expect(cell(page, 2028, 2)).toHaveValue('veel');
  const alert = page.getByRole('alert').filter({ hasText: 'Niet alles wat u plakte is een bedrag' });
  await expect(alert).toContainText('Regel 2, 2028: “veel” is geen bedrag');
  await expect(alert).toContainText('1 rij viel onder de tabel');
  await expect(alert).toContainText('1 kolom viel na het laatste jaar');
  // Totals follow the pasted amounts.
  await expect(interventies(page).getByRole('row').nth(1)).toContainText(/€\s6\.000/);
});

test('a draft survives a closed tab, is offered back on the same version, never holds the secret, and goes after a save', async ({ page, request }) => {
  test.slow(); // two page loads, an axe run and a save
  const plan = await apiPlan(request, [line('wmo-budget', [[2026, 1000]])]);
  await page.goto(plan.editUrl);
  await cell(page, 2028, 1).fill('7.777');
  await page.waitForTimeout(800);
  const drafts = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('wegwijzer:concept:plan:')));
  expect(drafts).toHaveLength(1);
  expect(drafts[0]?.[1]).toContain('7.777');
  expect(drafts[0]?.[1]).not.toContain(plan.editSecret);

  await page.goto(plan.editUrl);
  const offer = page.getByRole('region', { name: 'Niet-opgeslagen concept' });
  await expect(offer).toBeVisible();
  await expect(cell(page, 2028, 1)).toHaveValue('');
  await expectNoAxeViolations(page);
  await offer.getByRole('button', { name: 'Concept terugzetten' }).click();
  await expect(cell(page, 2028, 1)).toHaveValue('7.777');
  await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();
  expect((await stored(request, plan.id)).lines[0]?.amounts).toEqual([
    { year: 2026, amount: 1000 },
    { year: 2028, amount: 7777 },
  ]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wegwijzer:concept:plan:')))).toEqual([]);
  await page.goto(plan.editUrl);
  await expect(page.getByRole('region', { name: 'Niet-opgeslagen concept' })).toHaveCount(0);
});

test('an example page starts a plan with its mix: rows per source without amounts', async ({ page }) => {
  await page.goto('/voorbeelden/smallingerland');
  await page.getByRole('link', { name: 'Begin een plan met deze mix' }).click();
  await expect(page).toHaveURL(/\/plannen\/nieuw\?voorbeeld=smallingerland$/);
  await expect(page.getByLabel(/financieringsmix van Lokale coalitie Smallingerland/)).toBeChecked();
  await page.getByLabel('Gemeente of regio').fill('Smallingerland');
  await page.getByLabel('Titel van het plan').fill('Uit het voorbeeld');
  await page.getByRole('button', { name: 'Plan maken' }).click();
  const editUrl = (await page.locator('#bewerkingslink').textContent()) ?? '';
  await page.goto(editUrl);
  const rows = page.getByRole('textbox', { name: /^Bedrag \d{4}, regel \d+$/ });
  expect(await rows.count()).toBeGreaterThan(4);
  for (const value of await rows.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))) expect(value).toBe('');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('fill right and duplicate work as plain form posts', async ({ page, request }) => {
    const plan = await apiPlan(request, [line('wmo-budget', [[2027, 250]])]);
    await page.goto(plan.editUrl);
    await interventies(page).getByRole('button', { name: /^Zelfde bedrag voor alle jaren\s*, regel 1$/ }).click();
    for (const year of [2026, 2027, 2028, 2029]) await expect(cell(page, year, 1)).toHaveValue('250');
    await interventies(page).getByRole('button', { name: 'Regel dupliceren 1' }).click();
    await expect(cell(page, 2029, 2)).toHaveValue('250');
    await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
    await expect(page.getByText('Opgeslagen als versie 3.')).toBeVisible();
    expect((await stored(request, plan.id)).lines.map((l) => l.amounts.length)).toEqual([4, 4]);
  });
});
