import { expect as baseExpect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';

// Two browsers, several round trips and axe per test: more time than the defaults.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

// Conflicts without silent loss (issue 9): two people edit the same plan in
// two browsers. A stale save is merged per field with the newer version:
// different fields merge automatically and are listed; the same field changed
// differently must be chosen before the save goes through. Funding plans and
// regional plans. Every test makes its own plan, so the tests run in parallel.

const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
type Created = z.infer<typeof created>;

const planState = z.object({
  plan: z.object({ version: z.number(), title: z.string(), contactNote: z.string().nullable() }),
  needs: z.array(z.object({ costCategory: z.string(), year: z.number(), amount: z.number() })),
  lines: z.array(z.object({ id: z.string(), sourceSlug: z.string().nullable(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
});

const regionState = z.object({
  region: z.object({ version: z.number(), name: z.string() }).passthrough(),
  members: z.array(z.object({ name: z.string(), children0to4: z.number() }).passthrough()),
  sharedItems: z.array(z.object({ description: z.string().nullable(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })),
});

/** A plan 2026–2027 with one funding line (version 2), through the JSON API. */
async function apiPlan(request: APIRequestContext): Promise<Created> {
  const res = await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Plan voor de test', startYear: 2026, endYear: 2027 } });
  expect(res.status()).toBe(201);
  const plan = created.parse(await res.json());
  const put = await request.put(`/api/plannen/${plan.id}`, {
    headers: { Authorization: `Bearer ${plan.editSecret}`, 'If-Match': '"1"' },
    data: {
      needs: [],
      lines: [{ costCategory: 'interventies', sourceSlug: 'jeugdwet-budget', looptijd: 'structureel', status: 'idee', amounts: [{ year: 2026, amount: 1000 }] }],
    },
  });
  expect(put.status()).toBe(200);
  return plan;
}

async function getPlanState(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/plannen/${id}`);
  expect(res.status()).toBe(200);
  return planState.parse(await res.json());
}

async function apiRegion(request: APIRequestContext): Promise<Created> {
  const res = await request.post('/api/regio', {
    data: {
      name: 'Regio voor de test',
      startYear: 2026,
      endYear: 2027,
      members: [
        { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
        { name: 'Ede', children0to4: 6000, children0to18: 25000 },
        { name: 'Renkum', children0to4: 1000, children0to18: 6000 },
      ],
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training professionals', amountPerYear: 45_000, splitKey: 'kinderen-0-4' }],
      trajectoryItems: [],
    },
  });
  expect(res.status()).toBe(201);
  return created.parse(await res.json());
}

async function getRegionState(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/regio/${id}`);
  expect(res.status()).toBe(200);
  return regionState.parse(await res.json());
}

/** Two people, each in their own browser context, on the same edit page. */
async function twoEditors(browser: Browser, url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<[Page, Page]> {
  const a = await (await browser.newContext(options)).newPage();
  const b = await (await browser.newContext(options)).newPage();
  await a.goto(url);
  await b.goto(url);
  return [a, b];
}


const savePlan = (page: Page) => page.getByRole('button', { name: 'Plan opslaan' }).first().click();
const saveRegion = (page: Page) => page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
const notice = (page: Page) => page.getByRole('alert').filter({ hasText: 'Niet opgeslagen' });

test.describe('funding plans', () => {
  test('different fields: merged, listed, shown in the form, then saved with both changes', async ({ browser, request }) => {
    const plan = await apiPlan(request);
    const [a, b] = await twoEditors(browser, plan.editUrl);

    await a.getByLabel('Titel', { exact: true }).fill('Titel van A');
    await savePlan(a);
    await expect(a.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();

    // B, still on version 2, changes a need and an amount of the line.
    await b.getByLabel('Behoefte Interventies 2027').fill('8.000');
    await b.getByLabel('Bedrag 2027, regel 1').fill('2.500');
    await savePlan(b);
    const alert = notice(b);
    await expect(alert).toContainText('Iemand anders heeft dit plan intussen opgeslagen (versie 3).');
    await expect(alert.getByRole('heading', { name: 'Automatisch samengevoegd' })).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveText(['Titel: ‘Plan voor de test’ → ‘Titel van A’']);
    await expect(alert.getByRole('radio')).toHaveCount(0);
    // The form shows the merge, based on version 3; nothing was saved.
    await expect(b.getByText('U bewerkt versie 3.')).toBeVisible();
    await expect(b.getByLabel('Titel', { exact: true })).toHaveValue('Titel van A');
    await expect(b.getByLabel('Behoefte Interventies 2027')).toHaveValue('8.000');
    await expect(b.getByLabel('Bedrag 2026, regel 1')).toHaveValue('1.000');
    await expect(b.getByLabel('Bedrag 2027, regel 1')).toHaveValue('2.500');
    await expectNoAxeViolations(b);
    expect((await getPlanState(request, plan.id)).plan).toMatchObject({ version: 3, title: 'Titel van A' });

    // B reviews and saves: both changes are in.
    await savePlan(b);
    await expect(b.getByRole('status').filter({ hasText: 'Opgeslagen als versie 4.' })).toBeVisible();
    await expect(notice(b)).toHaveCount(0);
    const stored = await getPlanState(request, plan.id);
    expect(stored.plan).toMatchObject({ version: 4, title: 'Titel van A' });
    expect(stored.needs).toEqual([{ costCategory: 'interventies', year: 2027, amount: 8000 }]);
    expect(stored.lines.map((l) => l.amounts)).toEqual([
      [
        { year: 2026, amount: 1000 },
        { year: 2027, amount: 2500 },
      ],
    ]);
    await a.context().close();
    await b.context().close();
  });

  test('the same field: both values shown, the save refused until one is chosen, then saved with the chosen value', async ({ browser, request }) => {
    const plan = await apiPlan(request);
    const [a, b] = await twoEditors(browser, plan.editUrl);

    await a.getByLabel('Behoefte Interventies 2026').fill('5.000');
    await savePlan(a);
    await expect(a.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();

    await b.getByLabel('Behoefte Interventies 2026').fill('7.000');
    await b.getByLabel('Contactnotitie (optioneel)').fill('Bel Anna');
    await savePlan(b);
    const alert = notice(b);
    const choice = alert.getByRole('group', { name: 'Behoefte interventies 2026' });
    await expect(choice.getByRole('radio', { name: /^Mijn waarde: €\s7\.000$/ })).not.toBeChecked();
    await expect(choice.getByRole('radio', { name: /^Hun waarde \(versie 3\): €\s5\.000$/ })).not.toBeChecked();
    await expect(b.getByLabel('Behoefte Interventies 2026')).toHaveValue('7.000');
    await expectNoAxeViolations(b);

    // Saving without a choice is refused, pointing at the choice.
    await savePlan(b);
    const summary = b.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toBeFocused();
    const link = summary.getByRole('link', { name: 'Kies bij ‘Behoefte interventies 2026’ welke waarde blijft: die van u of die van versie 3.' });
    await expect(link).toHaveAttribute('href', '#keuze-0');
    await expect(notice(b).getByRole('group', { name: 'Behoefte interventies 2026' })).toBeVisible();
    await expectNoAxeViolations(b);
    expect((await getPlanState(request, plan.id)).plan.version).toBe(3);

    // Their value chosen: saved with 5.000, and B's own note kept.
    await notice(b).getByRole('radio', { name: /^Hun waarde/ }).check();
    await savePlan(b);
    await expect(b.getByRole('status').filter({ hasText: 'Opgeslagen als versie 4.' })).toBeVisible();
    await expect(b.getByLabel('Behoefte Interventies 2026')).toHaveValue('5.000');
    const stored = await getPlanState(request, plan.id);
    expect(stored.plan).toMatchObject({ version: 4, contactNote: 'Bel Anna' });
    expect(stored.needs).toEqual([{ costCategory: 'interventies', year: 2026, amount: 5000 }]);
    await a.context().close();
    await b.context().close();
  });

  test('without JavaScript: the choice is a plain form field, and a line removed by one and changed by the other is a choice too', async ({ browser, request }) => {
    const plan = await apiPlan(request);
    const [a, b] = await twoEditors(browser, plan.editUrl, { javaScriptEnabled: false });

    await a.getByLabel('Bedrag 2026, regel 1').fill('1.500');
    await savePlan(a);
    await expect(a.getByText('Opgeslagen als versie 3.')).toBeVisible();

    await b.getByRole('button', { name: 'Verwijderen regel 1' }).click();
    await expect(b.getByText('De regel is uit het formulier gehaald.')).toBeVisible();
    await b.getByLabel('Titel', { exact: true }).fill('Zonder regel');
    await savePlan(b);
    const group = notice(b).getByRole('group', { name: /^Regel ‘.+’ \(interventies\)$/ });
    await expect(group.getByRole('radio', { name: 'Mijn waarde: verwijderd' })).toBeVisible();
    await expect(group.getByRole('radio', { name: /^Hun waarde \(versie 3\): behouden, met hun wijzigingen: bedrag 2026 €\s1\.000 → €\s1\.500$/ })).toBeVisible();

    // Refused without a choice, and the choice (and the merge) stay in the form.
    await savePlan(b);
    await expect(b.getByRole('link', { name: /Kies bij ‘Regel .+’ welke waarde blijft/ })).toBeVisible();
    await group.getByRole('radio', { name: /^Hun waarde/ }).check();
    await savePlan(b);
    await expect(b.getByText('Opgeslagen als versie 4.')).toBeVisible();
    const stored = await getPlanState(request, plan.id);
    expect(stored.plan).toMatchObject({ version: 4, title: 'Zonder regel' });
    expect(stored.lines.map((l) => l.amounts)).toEqual([[{ year: 2026, amount: 1500 }]]);
    await a.context().close();
    await b.context().close();
  });
});

test.describe('regional plans', () => {
  test('different fields: merged, listed, shown in the form, then saved with both changes', async ({ browser, request }) => {
    const region = await apiRegion(request);
    const [a, b] = await twoEditors(browser, region.editUrl);

    await a.getByLabel('Naam van de regio of het plan').fill('Naam van A');
    await saveRegion(a);
    await expect(a.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();

    await b.getByLabel('Bedrag 2027, gedeelde kostenpost 1').fill('0');
    await saveRegion(b);
    const alert = notice(b);
    await expect(alert).toContainText('Iemand anders heeft dit regionale plan intussen opgeslagen (versie 2).');
    await expect(alert.getByRole('heading', { name: 'Automatisch samengevoegd' })).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveText(['Naam: ‘Regio voor de test’ → ‘Naam van A’']);
    await expect(alert.getByRole('radio')).toHaveCount(0);
    await expect(b.getByLabel('Naam van de regio of het plan')).toHaveValue('Naam van A');
    await expect(b.getByLabel('Bedrag 2027, gedeelde kostenpost 1')).toHaveValue('0');
    await expectNoAxeViolations(b);
    expect((await getRegionState(request, region.id)).region).toMatchObject({ version: 2, name: 'Naam van A' });

    await saveRegion(b);
    await expect(b.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();
    const stored = await getRegionState(request, region.id);
    expect(stored.region).toMatchObject({ version: 3, name: 'Naam van A' });
    expect(stored.sharedItems.map((s) => s.amounts)).toEqual([
      [
        { year: 2026, amount: 45_000 },
        { year: 2027, amount: 0 },
      ],
    ]);
    await a.context().close();
    await b.context().close();
  });

  test('the same field: both values shown, the save refused until one is chosen, then saved with the chosen value', async ({ browser, request }) => {
    const region = await apiRegion(request);
    const [a, b] = await twoEditors(browser, region.editUrl);

    await a.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('40.000');
    await saveRegion(a);
    await expect(a.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2.' })).toBeVisible();

    await b.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('50.000');
    await b.getByLabel('Naam van de regio of het plan').fill('Naam van B');
    await saveRegion(b);
    const choice = notice(b).getByRole('group', { name: 'Gedeelde kostenpost ‘Training professionals’: bedrag 2026' });
    await expect(choice.getByRole('radio', { name: /^Mijn waarde: €\s50\.000$/ })).toBeVisible();
    await expect(choice.getByRole('radio', { name: /^Hun waarde \(versie 2\): €\s40\.000$/ })).toBeVisible();
    await expectNoAxeViolations(b);

    await saveRegion(b);
    const summary = b.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary.getByRole('link', { name: /Kies bij ‘Gedeelde kostenpost ‘Training professionals’: bedrag 2026’ welke waarde blijft/ })).toHaveAttribute('href', '#keuze-0');
    await expectNoAxeViolations(b);
    expect((await getRegionState(request, region.id)).region.version).toBe(2);

    await notice(b).getByRole('radio', { name: /^Mijn waarde/ }).check();
    await saveRegion(b);
    await expect(b.getByRole('status').filter({ hasText: 'Opgeslagen als versie 3.' })).toBeVisible();
    const stored = await getRegionState(request, region.id);
    expect(stored.region).toMatchObject({ version: 3, name: 'Naam van B' });
    expect(stored.sharedItems[0]?.amounts).toEqual([
      { year: 2026, amount: 50_000 },
      { year: 2027, amount: 45_000 },
    ]);
    await a.context().close();
    await b.context().close();
  });
  test('without JavaScript: a member changed differently by both is a choice in the plain form', async ({ browser, request }) => {
    const region = await apiRegion(request);
    const [a, b] = await twoEditors(browser, region.editUrl, { javaScriptEnabled: false });
    const members = (ede: number) => ['Arnhem\t7000\t30000', `Ede\t${ede}\t25000`, 'Renkum\t1000\t6000'].join('\n');

    await a.getByLabel('Deelnemende gemeenten').fill(members(6100));
    await saveRegion(a);
    await expect(a.getByText('Opgeslagen als versie 2.')).toBeVisible();

    await b.getByLabel('Deelnemende gemeenten').fill(`${members(6200)}\nRenswoude\t300\t1500`);
    await saveRegion(b);
    const group = notice(b).getByRole('group', { name: 'Gemeente Ede: kinderen 0–4' });
    await expect(group.getByRole('radio', { name: 'Mijn waarde: 6.200' })).toBeVisible();
    await expect(group.getByRole('radio', { name: 'Hun waarde (versie 2): 6.100' })).toBeVisible();
    await saveRegion(b);
    await expect(b.getByRole('link', { name: /Kies bij ‘Gemeente Ede: kinderen 0–4’ welke waarde blijft/ })).toBeVisible();
    expect((await getRegionState(request, region.id)).region.version).toBe(2);

    await group.getByRole('radio', { name: /^Hun waarde/ }).check();
    await saveRegion(b);
    await expect(b.getByText('Opgeslagen als versie 3.')).toBeVisible();
    const stored = await getRegionState(request, region.id);
    expect(stored.members.map((m) => [m.name, m.children0to4])).toEqual([
      ['Arnhem', 7000],
      ['Ede', 6100],
      ['Renkum', 1000],
      ['Renswoude', 300],
    ]);
    await a.context().close();
    await b.context().close();
  });
});
