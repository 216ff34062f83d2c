import { expect, test, type APIRequestContext } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';

// Regional plans: create with the 15 Gelderland-Midden municipalities, fill in
// costs, read the split, hand a share to a municipal plan. Every test makes
// its own plans, so the tests can run in parallel.

// The municipalities of Gelderland-Midden (../shared/reference/aanvullende-feiten.md).
// The children counts are NOT real: test data only (the sources do not have them).
const GELDERLAND_MIDDEN = [
  'Arnhem', 'Barneveld', 'Doesburg', 'Duiven', 'Ede', 'Lingewaard', 'Nijkerk', 'Overbetuwe',
  'Renkum', 'Rheden', 'Rozendaal', 'Scherpenzeel', 'Wageningen', 'Westervoort', 'Zevenaar',
];
const fakeCounts = (i: number) => ({ c4: 1000 + 137 * i, c18: 5000 + 611 * i });
const PASTED = ['Gemeente\tKinderen 0-4\tKinderen 0-18', ...GELDERLAND_MIDDEN.map((n, i) => `${n}\t${fakeCounts(i).c4.toLocaleString('nl-NL')}\t${fakeCounts(i).c18.toLocaleString('nl-NL')}`)].join('\n');

const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });

async function apiRegion(request: APIRequestContext) {
  const res = await request.post('/api/regio', {
    data: {
      name: 'Regio voor de test',
      startYear: 2026,
      endYear: 2027,
      members: GELDERLAND_MIDDEN.map((name, i) => ({ name, children0to4: fakeCounts(i).c4, children0to18: fakeCounts(i).c18 })),
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training professionals', amountPerYear: 45_000, splitKey: 'kinderen-0-4' }],
      trajectoryItems: [],
    },
  });
  expect(res.status()).toBe(201);
  return created.parse(await res.json());
}

test('the menu links to a new regional plan', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regio' }).click();
  await expect(page).toHaveURL(/\/regio\/nieuw$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw regionaal plan');
  // No invented numbers: the member list starts empty.
  await expect(page.getByLabel('Deelnemende gemeenten')).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('creating a region with 15 pasted members, filling in costs, reading the split', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/regio/nieuw');
  await page.getByLabel('Naam van de regio of het plan').fill('Gelderland-Midden (test)');
  await page.getByLabel('Deelnemende gemeenten').fill('Arnhem\t12,5\t100\nEde');
  await page.getByRole('button', { name: 'Regionaal plan maken' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary).toContainText('Regel 1: “12,5” is geen heel aantal kinderen (0–4 jaar).');
  await expect(summary).toContainText('Regel 2: het aantal kinderen van 0–4 jaar ontbreekt');
  await expect(page.getByLabel('Deelnemende gemeenten')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Deelnemende gemeenten').fill(PASTED);
  await page.getByLabel('Eerste jaar').fill('2026');
  await page.getByLabel('Laatste jaar').fill('2027');
  await page.getByRole('button', { name: 'Regionaal plan maken' }).click();
  await expect(page.getByRole('heading', { name: 'Het regionale plan “Gelderland-Midden (test)” is gemaakt' })).toBeVisible();
  const editUrl = (await page.locator('#bewerkingslink').textContent()) ?? '';
  expect(editUrl).toMatch(/\/regio\/[A-Za-z0-9_-]{22}\/bewerken\?sleutel=[A-Za-z0-9_-]{43}$/);
  expect(page.url()).toMatch(/\/regio\/nieuw$/);
  await expectNoAxeViolations(page);

  await page.goto(editUrl);
  await expect(page.getByLabel('Deelnemende gemeenten')).toHaveValue(/^Arnhem\t1000\t5000\n/);
  // A refused save: messages per field, axe on the error state.
  await page.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('veel');
  await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeVisible();
  await expect(page.getByLabel('Bedrag 2026, gedeelde kostenpost 1')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.locator('#regio-sharedItems-0-description').fill('Training professionals');
  await page.locator('#regio-sharedItems-0-costCategory').selectOption('voorinvesteringen');
  await page.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('€ 45.001');
  await page.getByLabel('Bedrag 2027, gedeelde kostenpost 1').fill('€ 45.001');
  await page.locator('#regio-sharedItems-0-splitKey').selectOption('kinderen-0-4');
  // A one-off cost: licences in the first year only (2027 stays empty, i.e. € 0).
  await page.locator('#regio-sharedItems-1-description').fill('Licenties');
  await page.getByLabel('Bedrag 2026, gedeelde kostenpost 2').fill('1.000');
  await page.locator('#regio-sharedItems-1-splitKey').selectOption('gelijk');
  await page.locator('#regio-trajectoryItems-0-intervention').selectOption('voorzorg');
  await page.locator('#regio-trajectoryItems-0-costCategory').selectOption('interventies');
  await page.locator('#regio-trajectoryItems-0-pricePerTrajectory').fill('4.500');
  await page.locator('#regio-trajectoryItems-0-basis-percentage').check();
  await page.locator('#regio-trajectoryItems-0-percentage').fill('0,5');
  await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
  await expect(page.getByText('Opgeslagen als versie 2.')).toBeVisible();
  await expectNoAxeViolations(page);

  const readPath = new URL(editUrl).pathname.replace(/\/bewerken$/, '');
  await page.goto(readPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gelderland-Midden (test)');
  const totals = page.getByRole('table', { name: 'Aandeel per gemeente per jaar' });
  await expect(totals.getByRole('row')).toHaveCount(1 + 15 + 1);
  // Arnhem: 45.001 × 1.000/29.385 children 0–4 → € 1.531 (largest remainder) each year, licences 1.000/15 → € 67 in 2026 only,
  // 5 VoorZorg trajectories (0,5% of 1.000) × € 4.500 = € 22.500 each year.
  await expect(totals.getByRole('row', { name: /^Arnhem/ })).toHaveText(/Arnhem\s*€\s24\.098\s*€\s24\.031\s*€\s48\.129/);
  const keys = page.getByRole('table', { name: 'Kostenposten, verdeelsleutel en controle per jaar' });
  await expect(keys.getByRole('row', { name: /Training professionals/ })).toContainText(/€\s45\.001\s*€\s45\.001\s*€\s90\.002\s*€\s90\.002/);
  await expect(keys.getByRole('row', { name: /Licenties/ })).toContainText(/€\s1\.000\s*€\s0\s*€\s1\.000\s*€\s1\.000/);
  await expect(page.getByRole('img', { name: /Aandeel per gemeente over de hele looptijd/ })).toBeVisible();
  for (const name of GELDERLAND_MIDDEN) await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('historical trajectories pasted per member per year from a spreadsheet', async ({ page, request }) => {
  const region = await apiRegion(request);
  await page.goto(region.editUrl);
  const grid = page.getByLabel('Trajecten per gemeente per jaar (bij historisch gebruik)').first();
  await page.locator('#regio-trajectoryItems-0-intervention').selectOption('voorzorg');
  await page.locator('#regio-trajectoryItems-0-costCategory').selectOption('interventies');
  await page.locator('#regio-trajectoryItems-0-pricePerTrajectory').fill('4.500');
  // A row is missing and one has a word: nothing is saved, the pasted text stays.
  const bad = ['Gemeente\t2026\t2027', 'Arnhem\tveel\t1'].join('\n');
  await grid.fill(bad);
  await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(summary).toContainText('Regel 2: “veel” is geen heel aantal trajecten.');
  await expect(summary).toContainText('Er ontbreken trajecten voor Barneveld');
  await expect(grid).toHaveValue(bad);
  await expect(grid).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // Rows = members (by name, any order), columns = years, as copied from a spreadsheet.
  const rows = GELDERLAND_MIDDEN.map((name, i) => `${name}\t${i % 3}\t${(i + 1) % 3}`).reverse();
  await grid.fill(['Gemeente\t2026\t2027', ...rows].join('\n'));
  await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
  await expect(page.getByText('Opgeslagen als versie 2.')).toBeVisible();
  // The form shows the stored counts the same way, in the order of the member list.
  await expect(grid).toHaveValue(/^Gemeente\t2026\t2027\nArnhem\t0\t1\nBarneveld\t1\t2\n/);

  await page.goto(region.readUrl);
  // Arnhem: no trajectory in 2026, one in 2027; Barneveld: one, then two.
  const arnhem = page.getByRole('table', { name: 'Aandeel van Arnhem per kostenpost en jaar' });
  await expect(arnhem.getByRole('row', { name: /VoorZorg/ })).toContainText(/€\s0\s*0 trajecten\s*€\s4\.500\s*1 traject\s*€\s4\.500/);
  const barneveld = page.getByRole('table', { name: 'Aandeel van Barneveld per kostenpost en jaar' });
  await expect(barneveld.getByRole('row', { name: /VoorZorg/ })).toContainText(/€\s4\.500\s*1 traject\s*€\s9\.000\s*2 trajecten\s*€\s13\.500/);
  await expectNoAxeViolations(page);
});

test('handing a member’s share to its municipal plan; the region shows who did', async ({ page, request }) => {
  const region = await apiRegion(request);
  const planRes = await request.post('/api/plannen', { data: { municipality: 'Ede', title: 'Plan Ede', startYear: 2026, endYear: 2027 } });
  const plan = created.parse(await planRes.json());

  await page.goto(region.editUrl);
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Ede' });
  await page.getByLabel('Bewerkingslink van het financieringsplan van deze gemeente').fill(new URL(plan.editUrl, page.url()).toString());
  await page.getByRole('button', { name: 'Aandeel overnemen in financieringsplan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het aandeel van Ede staat nu als 1 regel in het financieringsplan (versie 2).' })).toBeVisible();
  await expectNoAxeViolations(page);

  const state = z
    .object({
      plan: z.object({ version: z.number() }),
      lines: z.array(z.object({ sourceSlug: z.string().nullable(), amounts: z.array(z.object({ year: z.number(), amount: z.number() })), status: z.string() })),
    })
    .parse(await (await request.get(`/api/plannen/${plan.id}`)).json());
  expect(state.plan.version).toBe(2);
  // One line per cost category, with the share of each year.
  expect(state.lines.map((l) => [l.sourceSlug, l.amounts.map((a) => a.year), l.status])).toEqual([['regionaal-budget', [2026, 2027], 'idee']]);
  expect(state.lines[0]?.amounts[0]?.amount).toBeGreaterThan(0);

  await page.goto(region.readUrl);
  await expect(page.getByRole('link', { name: 'Financieringsplan van Ede' }).first()).toHaveAttribute('href', `/plannen/${plan.id}`);
  await expect(page.getByText(/sleutel=/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The municipal plan's read page shows the regional lines.
  await page.goto(plan.readUrl);
  await expect(page.getByText('Regionaal budget van samenwerkende gemeenten').first()).toBeVisible();
});

/** The body of a save: the API's own GET answer, with changes. */
async function apiSave(request: APIRequestContext, region: z.infer<typeof created>, version: number, patch: Record<string, unknown>) {
  const current = z
    .object({ region: z.object({ name: z.string(), startYear: z.number(), endYear: z.number() }), members: z.array(z.unknown()), sharedItems: z.array(z.unknown()), trajectoryItems: z.array(z.unknown()) })
    .parse(await (await request.get(`/api/regio/${region.id}`)).json());
  const res = await request.put(`/api/regio/${region.id}`, {
    headers: { Authorization: `Bearer ${region.editSecret}`, 'If-Match': `"${version}"` },
    data: { ...current.region, members: current.members, sharedItems: current.sharedItems, trajectoryItems: current.trajectoryItems, ...patch },
  });
  expect(res.status()).toBe(200);
}

const regionState = async (request: APIRequestContext, id: string) =>
  z
    .object({ region: z.object({ name: z.string(), version: z.number() }), members: z.array(z.object({ name: z.string() })), sharedItems: z.array(z.object({ amounts: z.array(z.object({ year: z.number(), amount: z.number() })) })) })
    .parse(await (await request.get(`/api/regio/${id}`)).json());

test('the history lists what each version changed and restores one as a new version', async ({ page, request }) => {
  const region = await apiRegion(request);
  await apiSave(request, region, 1, { name: 'Regio, tweede versie' });
  const training = (amount: number) => [{ costCategory: 'voorinvesteringen', description: 'Training professionals', amounts: [{ year: 2026, amount }], splitKey: 'kinderen-0-4' }];
  await apiSave(request, region, 2, { sharedItems: training(60_000) });

  await page.goto(region.editUrl);
  const history = page.getByRole('table', { name: 'Versies van dit regionale plan, nieuwste eerst' });
  await expect(history.getByRole('row')).toHaveCount(1 + 3);
  await expect(history.getByRole('row', { name: /^3/ })).toContainText(
    /Gedeelde kostenpost ‘Training professionals’ gewijzigd: bedrag 2026 €\s45\.000 → €\s60\.000; bedrag 2027 €\s45\.000 → €\s0/,
  );
  await expect(history.getByRole('row', { name: /^2/ })).toContainText('Naam: ‘Regio voor de test’ → ‘Regio, tweede versie’');
  await expect(history.getByRole('row', { name: /^1/ })).toContainText('Regionaal plan gemaakt');
  await expect(history.getByRole('button', { name: 'Versie 3 terugzetten' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await history.getByRole('button', { name: 'Versie 1 terugzetten' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Versie 1 is teruggezet als nieuwe versie 4.' })).toBeVisible();
  await expect(page.getByLabel('Naam van de regio of het plan')).toHaveValue('Regio voor de test');
  await expect(page.getByLabel('Bedrag 2027, gedeelde kostenpost 1')).toHaveValue('45000');
  await expect(history.getByRole('row')).toHaveCount(1 + 4);
  await expect(history.getByRole('row', { name: /^4/ })).toContainText('Naam: ‘Regio, tweede versie’ → ‘Regio voor de test’');
  await expectNoAxeViolations(page);
  const stored = await regionState(request, region.id);
  expect(stored.region).toMatchObject({ name: 'Regio voor de test', version: 4 });
  expect(stored.sharedItems[0]?.amounts).toEqual([
    { year: 2026, amount: 45_000 },
    { year: 2027, amount: 45_000 },
  ]);

  // A restore from a page that is no longer current is refused and says what changed.
  await apiSave(request, region, 4, { name: 'Intussen' });
  await history.getByRole('button', { name: 'Versie 3 terugzetten' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Niet opgeslagen' });
  await expect(alert).toContainText('Iemand anders heeft dit regionale plan intussen opgeslagen (versie 5).');
  await expect(alert.getByRole('listitem')).toHaveText(['Naam: ‘Regio voor de test’ → ‘Intussen’']);
  expect((await regionState(request, region.id)).region).toMatchObject({ name: 'Intussen', version: 5 });
});

test('replacing the edit link; a wrong or old edit link gets a 403 page; privacy headers on region pages', async ({ page, request }) => {
  const region = await apiRegion(request);
  await page.goto(region.editUrl);
  await page.getByRole('button', { name: 'Nieuwe bewerkingslink maken' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe bewerkingslink gemaakt' })).toBeVisible();
  expect(page.url()).not.toContain(region.editSecret);
  await expectNoAxeViolations(page);
  expect((await page.goto(region.editUrl))?.status()).toBe(403);
  const res = await page.goto(region.editUrl.replace(region.editSecret, 'verkeerd'));
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Geen toegang tot bewerken' })).toBeVisible();
  await expectNoAxeViolations(page);
  const read = await request.get(region.readUrl);
  expect(read.headers()['referrer-policy']).toBe('strict-origin');
  expect(read.headers()['x-robots-tag']).toContain('noindex');
  const csv = await request.get(`/api/regio/${region.id}/export.csv`);
  expect(csv.status()).toBe(200);
  const xlsx = await request.get(`/api/regio/${region.id}/export.xlsx`);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});

test.describe('regional plans without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // (axe needs JavaScript in the page; the same states are checked with JavaScript above.)
  test('create, a refused save with messages per field, and a conflict that keeps what was typed', async ({ page, request }) => {
    test.setTimeout(60_000);
    await page.goto('/regio/nieuw');
    await page.getByLabel('Naam van de regio of het plan').fill('Zonder JavaScript');
    await page.getByLabel('Deelnemende gemeenten').fill(PASTED);
    await page.getByLabel('Eerste jaar').fill('2026');
    await page.getByLabel('Laatste jaar').fill('2027');
    await page.getByRole('button', { name: 'Regionaal plan maken' }).click();
    await expect(page.getByRole('heading', { name: 'Het regionale plan “Zonder JavaScript” is gemaakt' })).toBeVisible();
    const editUrl = (await page.locator('#bewerkingslink').textContent()) ?? '';
    const secret = new URL(editUrl).searchParams.get('sleutel') ?? '';
    const id = new URL(editUrl).pathname.split('/')[2] ?? '';

    await page.goto(editUrl);
    await page.locator('#regio-sharedItems-0-description').fill('Coördinatie');
    await page.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('10.000');
    await page.locator('#regio-sharedItems-0-splitKey').selectOption('percentages');
    await page.locator('#regio-sharedItems-0-percentages').fill('50; 50');
    await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
    await expect(summary).toContainText('Geef 15 percentages, één per gemeente in de volgorde van de lijst (nu 2).');
    await expect(page.locator('#regio-sharedItems-0-percentages')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#regio-sharedItems-0-description')).toHaveValue('Coördinatie');

    // Someone else saves in between: this save is refused, the typed values stay.
    const current = await request.get(`/api/regio/${id}`);
    const doc = z.object({ members: z.array(z.unknown()) }).parse(await current.json());
    const put = await request.put(`/api/regio/${id}`, {
      headers: { Authorization: `Bearer ${secret}`, 'If-Match': '"1"' },
      data: { name: 'Door een ander', startYear: 2026, endYear: 2027, members: doc.members },
    });
    expect(put.status()).toBe(200);
    await page.locator('#regio-sharedItems-0-splitKey').selectOption('gelijk');
    await page.locator('#regio-sharedItems-0-percentages').fill('');
    await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit regionale plan intussen opgeslagen (versie 2)' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('listitem')).toHaveText(['Naam: ‘Zonder JavaScript’ → ‘Door een ander’']);
    await expect(page.locator('#regio-sharedItems-0-description')).toHaveValue('Coördinatie');
    // Saving again is a deliberate replace of version 2.
    await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
    await expect(page.getByText('Opgeslagen als versie 3.')).toBeVisible();

    // Restoring without JavaScript: the history's buttons post the same form.
    const history = page.getByRole('table', { name: 'Versies van dit regionale plan, nieuwste eerst' });
    await expect(history.getByRole('row')).toHaveCount(1 + 3);
    await history.getByRole('button', { name: 'Versie 2 terugzetten' }).click();
    await expect(page.getByText('Versie 2 is teruggezet als nieuwe versie 4.')).toBeVisible();
    await expect(page.getByLabel('Naam van de regio of het plan')).toHaveValue('Door een ander');
    await expect(history.getByRole('row')).toHaveCount(1 + 4);
  });
});
