import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';
import { noSidewaysScroll } from './support/layout';

// Each test does several saves and axe runs; on a busy 2-core machine that takes a while.
test.describe.configure({ timeout: 180_000 });

// Pull (issue 9 §3): a municipality links its own funding plan to a regional
// plan from its edit page, with the region's READ link and its member name.
// The share counts as need; after the region changes, "bijwerken" pulls the
// new version. Plans and regions are made through the JSON APIs; every test
// makes its own, so the tests can run in parallel.

const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
type Created = z.infer<typeof created>;

/** "€ 1.234" as formatEuro writes it (a no-break space after the sign). */
const euro = (amount: string) => `€\u00a0${amount}`;

// Arnhem 7.000 and Ede 3.000 children of 0–4: Ede pays 30% of each shared item.
const REGION = {
  name: 'Regio Koppeltest',
  startYear: 2026,
  endYear: 2028,
  members: [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Ede', children0to4: 3000, children0to18: 12000 },
  ],
  sharedItems: [{ costCategory: 'proceskosten', description: 'Coördinatie', amountPerYear: 10_000, splitKey: 'kinderen-0-4' }],
  trajectoryItems: [],
};

async function apiRegion(request: APIRequestContext): Promise<Created> {
  const res = await request.post('/api/regio', { data: REGION });
  expect(res.status()).toBe(201);
  return created.parse(await res.json());
}

/** A municipal plan of 2026–2027: the region's 2028 falls outside it. */
async function apiPlan(request: APIRequestContext, municipality = 'Ede'): Promise<Created> {
  const res = await request.post('/api/plannen', { data: { municipality, title: `Kansrijke Start ${municipality}`, startYear: 2026, endYear: 2027 } });
  expect(res.status()).toBe(201);
  const plan = created.parse(await res.json());
  // Some money of its own: € 1.000 toegezegd for proceskosten in 2026.
  const saved = await request.put(`/api/plannen/${plan.id}`, {
    headers: { Authorization: `Bearer ${plan.editSecret}`, 'If-Match': '"1"' },
    data: {
      needs: [],
      lines: [{ costCategory: 'proceskosten', customSourceName: 'Eigen budget', amounts: [{ year: 2026, amount: 1000 }], looptijd: 'structureel', status: 'toegezegd' }],
    },
  });
  expect(saved.status()).toBe(200);
  return plan;
}

async function changeRegion(request: APIRequestContext, region: Created, version: number, amountPerYear: number) {
  const res = await request.put(`/api/regio/${region.id}`, {
    headers: { Authorization: `Bearer ${region.editSecret}`, 'If-Match': `"${version}"` },
    data: { ...REGION, sharedItems: [{ ...REGION.sharedItems[0], amountPerYear }] },
  });
  expect(res.status()).toBe(200);
}

const regionSection = (page: Page) => page.getByRole('region', { name: 'Regionale plannen' });

async function linkWithJavaScript(page: Page, plan: Created, region: Created) {
  await page.goto(plan.editUrl);
  const section = regionSection(page);
  await section.getByLabel('Leeslink van het regionale plan').fill(`http://127.0.0.1${region.readUrl}`);
  // The member select appears once the link is known, without a page load.
  await expect(section.getByRole('status')).toContainText('Gevonden: het regionale plan “Regio Koppeltest” (versie 1) met 2 gemeenten.');
  await section.getByLabel('Uw gemeente in “Regio Koppeltest”').selectOption('Ede');
  await section.getByRole('button', { name: 'Koppelen en opslaan' }).click();
  await expect(page.locator('#editor-melding')).toContainText(`Gekoppeld aan het regionale plan “Regio Koppeltest” als Ede (versie 1): ${euro('6.000')} telt mee als behoefte.`);
  await expect(page.locator('#editor-melding')).toContainText(`Niet meegeteld, want buiten de looptijd van dit plan (2026–2027): 2028 (${euro('3.000')}).`);
  await expect(page.locator('#editor-melding')).toContainText('Opgeslagen als versie 3.');
}

test('link a region from the municipal edit page, read the share as need, and update it after the region changes', async ({ page }) => {
  const region = await apiRegion(page.request);
  const plan = await apiPlan(page.request);
  await linkWithJavaScript(page, plan, region);

  // The edit page: the share, read-only, per category and year, and beside the need inputs.
  const section = regionSection(page);
  const share = section.getByRole('article', { name: 'Aandeel regio Regio Koppeltest, versie 1' });
  await expect(share).toContainText('Dit is de nieuwste versie van het regionale plan.');
  await expect(share.getByRole('row', { name: /^Proceskosten/ })).toHaveText(new RegExp(`Proceskosten\\s*${euro('3.000')}\\s*${euro('3.000')}\\s*${euro('6.000')}`));
  await expect(share).toContainText(`Niet meegeteld, want buiten de looptijd van dit plan (2026–2027): 2028 (${euro('3.000')}).`);
  const proceskosten = page.getByRole('region', { name: 'Proceskosten', exact: true });
  await expect(proceskosten).toContainText('aandeel regio Regio Koppeltest, versie 1 (Ede, proceskosten): 2026 € 3.000, 2027 € 3.000.'.replaceAll('€ ', '€\u00a0'));
  await expect(page.getByText('U bewerkt versie 3.')).toBeVisible();

  // The read page: the share is need, so the gap includes it (6.000 need − 1.000 funding).
  await page.goto(plan.readUrl);
  const summary = page.getByRole('region', { name: 'In één oogopslag' });
  await expect(summary.getByRole('definition').first()).toHaveText(euro('6.000'));
  await expect(summary).toContainText(`waarvan ${euro('6.000')} aandeel in regionale plannen`);
  await expect(summary).toContainText(`Tekort${euro('5.000')}`);
  const regional = page.getByRole('region', { name: 'Aandeel in regionale plannen' });
  await expect(regional.getByRole('heading', { name: 'Aandeel regio Regio Koppeltest, versie 1' })).toBeVisible();
  await expect(regional).toContainText('Dit is de nieuwste versie van het regionale plan.');
  // The JSON API says the same.
  const api = z
    .object({ regionShares: z.array(z.object({ member: z.string(), version: z.number(), needs: z.array(z.object({ year: z.number(), amount: z.number() })) })), totals: z.object({ total: z.object({ need: z.number(), gap: z.number() }) }) })
    .parse(await (await page.request.get(`/api/plannen/${plan.id}`)).json());
  expect(api.regionShares.map((r) => [r.member, r.version, r.needs.map((n) => n.amount)])).toEqual([['Ede', 1, [3000, 3000]]]);
  expect(api.totals.total).toMatchObject({ need: 6000, gap: 5000 });

  // The regional read page shows who linked, with the version and whether it is up to date.
  await page.goto(region.readUrl);
  const linked = page.getByRole('region', { name: 'Tabel gekoppelde financieringsplannen' });
  await expect(linked.getByRole('row', { name: /^Ede/ })).toContainText('versie 1');
  await expect(linked.getByRole('row', { name: /^Ede/ })).toContainText('Ja, bijgewerkt');
  await expect(linked.getByRole('link', { name: 'Financieringsplan van Ede' })).toHaveAttribute('href', plan.readUrl);

  // The coordinator doubles the costs: a newer version.
  await changeRegion(page.request, region, 1, 20_000);
  await page.reload();
  await expect(linked.getByRole('row', { name: /^Ede/ })).toContainText('Nee, nu versie 2');

  await page.goto(plan.editUrl);
  const newer = section.getByRole('note', { name: 'Nieuwere versie van regio Regio Koppeltest' });
  await expect(newer).toContainText('Het regionale plan heeft een nieuwere versie: versie 2 (dit plan rekent met versie 1).');
  // Before: which amounts change.
  const diff = newer.getByRole('table', { name: 'Wat bijwerken verandert in de behoefte' });
  await expect(diff.getByRole('row')).toHaveCount(4);
  await expect(diff.getByRole('row').nth(1)).toHaveText(new RegExp(`Proceskosten\\s*2026\\s*${euro('3.000')}\\s*${euro('6.000')}`));
  await expect(diff.getByRole('row').nth(3)).toContainText('buiten de looptijd, telt niet mee');
  await expectNoAxeViolations(page);

  await newer.getByRole('button', { name: 'Bijwerken naar versie 2 van regio Regio Koppeltest' }).click();
  // After: what changed, as a new version of the plan.
  const message = page.locator('#editor-melding');
  await expect(message).toContainText('Aandeel regio Regio Koppeltest bijgewerkt van versie 1 naar 2; opgeslagen als versie 4.');
  await expect(message).toContainText(`Veranderd: proceskosten 2026: ${euro('3.000')} → ${euro('6.000')}, proceskosten 2027: ${euro('3.000')} → ${euro('6.000')}, proceskosten 2028: ${euro('3.000')} → ${euro('6.000')}.`);
  await expect(section.getByRole('article', { name: 'Aandeel regio Regio Koppeltest, versie 2' })).toContainText('Dit is de nieuwste versie van het regionale plan.');
  // The history names it too.
  await expect(page.getByRole('region', { name: 'Geschiedenis' }).or(page.locator('#geschiedenis'))).toContainText('Aandeel regio Regio Koppeltest bijgewerkt van versie 1 naar 2');

  await page.goto(plan.readUrl);
  await expect(summary.getByRole('definition').first()).toHaveText(euro('12.000'));
  await expect(summary).toContainText(`Tekort${euro('11.000')}`);
  await page.goto(region.readUrl);
  await expect(linked.getByRole('row', { name: /^Ede/ })).toContainText('Ja, bijgewerkt');
});

test('a stale edit page cannot update, and unlinking removes the need', async ({ page, browser }) => {
  const region = await apiRegion(page.request);
  const plan = await apiPlan(page.request);
  await linkWithJavaScript(page, plan, region);
  await changeRegion(page.request, region, 1, 20_000);
  await page.reload();

  // Someone else saves the plan in between: this page is stale.
  const other = await (await browser.newContext()).newPage();
  await other.goto(plan.editUrl);
  await other.getByLabel('Behoefte Interventies 2026').fill('500');
  await other.getByRole('button', { name: 'Plan opslaan' }).first().click();
  await expect(other.getByText('Opgeslagen als versie 4.')).toBeVisible();

  await page.getByRole('button', { name: /^Bijwerken naar versie 2/ }).click();
  // Refused, nothing written; the conflict message names the other save.
  await expect(page.locator('#editor-melding')).toContainText('Iemand anders heeft dit plan intussen opgeslagen (versie 4).');
  await expect(page.locator('#editor-melding')).toContainText('Behoefte interventies 2026');
  const state = z.object({ plan: z.object({ version: z.number() }), regionShares: z.array(z.object({ version: z.number() })) });
  expect(state.parse(await (await page.request.get(`/api/plannen/${plan.id}`)).json())).toMatchObject({ plan: { version: 4 }, regionShares: [{ version: 1 }] });

  // The page now knows version 4: update, then unlink.
  await page.getByRole('button', { name: /^Bijwerken naar versie 2/ }).click();
  await expect(page.locator('#editor-melding')).toContainText('opgeslagen als versie 5');
  await regionSection(page).getByRole('button', { name: 'Koppeling verwijderen met regio Regio Koppeltest' }).click();
  await expect(page.locator('#editor-melding')).toContainText(`De koppeling met het regionale plan “Regio Koppeltest” is verwijderd; de behoefte is ${euro('12.000')} lager. Opgeslagen als versie 6.`);
  await expect(regionSection(page).getByRole('article')).toHaveCount(0);
  expect(state.parse(await (await page.request.get(`/api/plannen/${plan.id}`)).json())).toMatchObject({ plan: { version: 6 }, regionShares: [] });
});

test('what is typed before linking is saved with the link, not dropped', async ({ page }) => {
  const region = await apiRegion(page.request);
  const plan = await apiPlan(page.request);
  await page.goto(plan.editUrl);
  await page.getByLabel('Behoefte Interventies 2027').fill('2.500');
  const section = regionSection(page);
  await section.getByLabel('Leeslink van het regionale plan').fill(`http://127.0.0.1${region.readUrl}`);
  await section.getByLabel('Uw gemeente in “Regio Koppeltest”').selectOption('Ede');
  await section.getByRole('button', { name: 'Koppelen en opslaan' }).click();
  // The typed need became version 3, the link version 4.
  await expect(page.locator('#editor-melding')).toContainText('Opgeslagen als versie 4.');
  await expect(page.getByLabel('Behoefte Interventies 2027')).toHaveValue('2.500');
  const state = z.object({ plan: z.object({ version: z.number() }), needs: z.array(z.object({ costCategory: z.string(), year: z.number(), amount: z.number() })), regionShares: z.array(z.object({ member: z.string() })) });
  expect(state.parse(await (await page.request.get(`/api/plannen/${plan.id}`)).json())).toMatchObject({
    plan: { version: 4 },
    needs: [{ costCategory: 'interventies', year: 2027, amount: 2500 }],
    regionShares: [{ member: 'Ede' }],
  });
});

test('axe on the edit page with a linked region', async ({ page }) => {
  const region = await apiRegion(page.request);
  const plan = await apiPlan(page.request);
  await linkWithJavaScript(page, plan, region);
  await expectNoAxeViolations(page);
  await page.goto(plan.editUrl);
  await expectNoAxeViolations(page);
  await page.goto(plan.readUrl);
  await expectNoAxeViolations(page);
  await page.goto(region.readUrl);
  await expectNoAxeViolations(page);
});

test('at 360 px the pages with a linked region do not scroll sideways and axe finds nothing', async ({ page }) => {
  const region = await apiRegion(page.request);
  const plan = await apiPlan(page.request);
  await linkWithJavaScript(page, plan, region);
  await page.setViewportSize({ width: 360, height: 800 });
  for (const url of [plan.editUrl, plan.readUrl, region.readUrl]) {
    await page.goto(url);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('links in two steps: the read link (a GET to the edit page), then the member', async ({ page }) => {
    const region = await apiRegion(page.request);
    const plan = await apiPlan(page.request, 'Gemeente Ede');
    await page.goto(plan.editUrl);
    const section = regionSection(page);
    await expect(section.getByLabel(/Uw gemeente in/)).toHaveCount(0);

    // A link that is no region: said at the field.
    await section.getByLabel('Leeslink van het regionale plan').fill(plan.readUrl);
    await section.getByRole('button', { name: 'Gemeenten ophalen' }).click();
    await expect(section.getByText('Dit is geen link naar een regionaal plan.')).toBeVisible();
    await expect(section.getByLabel('Leeslink van het regionale plan')).toHaveAttribute('aria-invalid', 'true');

    await section.getByLabel('Leeslink van het regionale plan').fill(region.readUrl);
    await section.getByRole('button', { name: 'Gemeenten ophalen' }).click();
    await expect(page).toHaveURL(/\/bewerken\?sleutel=[^&]+&regio=/);
    const member = section.getByLabel('Uw gemeente in “Regio Koppeltest”');
    // "Gemeente Ede" is not a member name: nothing preselected, the municipality chooses.
    await expect(member).toHaveValue('');
    await section.getByRole('button', { name: 'Koppelen en opslaan' }).click();
    await expect(page.locator('#editor-melding')).toContainText('Kies uw gemeente in het regionale plan “Regio Koppeltest”.');

    await member.selectOption('Ede');
    await section.getByRole('button', { name: 'Koppelen en opslaan' }).click();
    await expect(page.locator('#editor-melding')).toContainText('Gekoppeld aan het regionale plan “Regio Koppeltest” als Ede (versie 1)');
    await expect(section.getByRole('article', { name: 'Aandeel regio Regio Koppeltest, versie 1' })).toBeVisible();
    // The same link again is not offered: the plan is linked already.
    await expect(section.getByText('Dit plan is al gekoppeld aan het regionale plan “Regio Koppeltest”.')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Koppelen en opslaan' })).toHaveCount(0);

    await page.goto(plan.readUrl);
    await expect(page.getByRole('region', { name: 'In één oogopslag' })).toContainText(`Tekort${euro('5.000')}`);
  });
});
