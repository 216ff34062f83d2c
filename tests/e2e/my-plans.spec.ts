import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';
import { noSidewaysScroll } from './support/layout';

// "Mijn plannen" (localStorage), the warning for unsaved changes, printing,
// and plan and region pages on a 360 px phone. Every test makes its own plans.

// Several pages and axe runs per test: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

const STORAGE_KEY = 'kansrijke-start:mijn-plannen';
const YEARS = [2026, 2027, 2028, 2029];
const CATEGORIES = ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'];

const createdSchema = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });
type Created = z.infer<typeof createdSchema>;

async function apiPlan(request: APIRequestContext, fields: Record<string, unknown> = {}): Promise<Created> {
  const res = await request.post('/api/plannen', {
    data: { municipality: 'Teststad', title: 'Plan voor de test', startYear: 2026, endYear: 2027, ...fields },
  });
  expect(res.status()).toBe(201);
  return createdSchema.parse(await res.json());
}

async function apiRegion(request: APIRequestContext, fields: Record<string, unknown> = {}): Promise<Created> {
  const res = await request.post('/api/regio', {
    data: { name: 'Regio voor de test', startYear: 2026, endYear: 2027, members: [{ name: 'Arnhem', children0to4: 1000, children0to18: 5000 }], ...fields },
  });
  expect(res.status()).toBe(201);
  return createdSchema.parse(await res.json());
}

/** A funding line as the tests think of it: a source with an amount per year. */
type Line = { costCategory: string; customSourceName: string; looptijd: string; status: string; rejectionReason?: string; note: string; amounts: { year: number; amount: number }[] };

/**
 * THE place that knows the API's line shape. Today a line holds one year
 * (`year`, `amount`), so each line becomes one API line per year. When lines
 * carry `amounts: [{year, amount}]`, return `lines` unchanged.
 */
function apiLines(lines: Line[]): Record<string, unknown>[] {
  return lines.flatMap(({ amounts, ...line }) => amounts.map(({ year, amount }) => ({ ...line, year, amount })));
}

/** A four-year plan with 20 funding lines (long names, every status, amounts in the millions) and needs in every category and year. */
async function filledPlan(request: APIRequestContext): Promise<Created> {
  const plan = await apiPlan(request, {
    municipality: 'Súdwest-Fryslân en omliggende gemeenten',
    title: 'Meerjarig financieringsplan Kansrijke Start met een lange titel',
    startYear: YEARS[0],
    endYear: YEARS.at(-1),
  });
  const statuses = ['toegezegd', 'aangevraagd', 'idee', 'afgewezen'];
  const lines: Line[] = Array.from({ length: 20 }, (_, i) => ({
    costCategory: CATEGORIES[i % CATEGORIES.length] ?? 'interventies',
    customSourceName: `Eigen financieringsbron nummer ${i + 1} met een lange naam`,
    looptijd: i % 2 === 0 ? 'structureel' : 'tijdelijk',
    status: statuses[i % statuses.length] ?? 'idee',
    ...(i % statuses.length === 3 ? { rejectionReason: 'Past niet binnen de voorwaarden van de regeling' } : {}),
    note: 'Toelichting bij deze regel, met wat meer tekst dan één woord',
    // Today a line holds one year, so the 20 lines are spread over the 4 years.
    amounts: [{ year: YEARS[i % YEARS.length] ?? 2026, amount: 1_234_567 + 1000 * i }],
  }));
  const needs = CATEGORIES.flatMap((costCategory) => YEARS.map((year) => ({ costCategory, year, amount: 2_500_000 })));
  const res = await request.put(`/api/plannen/${plan.id}`, {
    headers: { Authorization: `Bearer ${plan.editSecret}`, 'If-Match': '"1"' },
    data: { needs, lines: apiLines(lines) },
  });
  expect(res.status()).toBe(200);
  return plan;
}

/** A four-year regional plan with 8 members, three shared items and a trajectory item. */
async function filledRegion(request: APIRequestContext): Promise<Created> {
  const members = Array.from({ length: 8 }, (_, i) => ({ name: `Gemeente Langenaam-aan-de-Rivier ${i + 1}`, children0to4: 1000 + 137 * i, children0to18: 5000 + 611 * i }));
  return apiRegion(request, {
    name: 'Regionale samenwerking Kansrijke Start met een lange naam',
    startYear: YEARS[0],
    endYear: YEARS.at(-1),
    members,
    sharedItems: [
      { costCategory: 'voorinvesteringen', description: 'Training professionals in de hele regio', amounts: [{ year: 2026, amount: 1_234_567 }], splitKey: 'kinderen-0-4' },
      { costCategory: 'proceskosten', description: 'Regionale coördinatie en projectleiding', amountPerYear: 987_654, splitKey: 'kinderen-0-18' },
      { costCategory: 'proceskosten', description: 'Licenties', amountPerYear: 12_345, splitKey: 'gelijk' },
    ],
    trajectoryItems: [{ intervention: 'voorzorg', costCategory: 'interventies', pricePerTrajectory: 4500, basis: 'historisch', trajectories: members.map((_, i) => 10 + i) }],
  });
}

const storedList = async (page: Page) => {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY);
  if (raw === null) return { raw: '', plans: [] };
  const schema = z.object({ format: z.literal(1), plans: z.array(z.object({ kind: z.string(), id: z.string(), title: z.string(), secret: z.string().optional() })) });
  let data: unknown = null;
  try {
    data = JSON.parse(raw);
  } catch {
    // not JSON: no list
  }
  const parsed = schema.safeParse(data);
  // Data a test put there on purpose (or not ours) reads as no list, so expect.poll can wait for the page to replace it.
  return { raw, plans: parsed.success ? parsed.data.plans : [] };
};

/** Opens an edit page and waits until it runs (the remember box appears then): typing before that is the page as loaded. */
async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByLabel('Onthoud de bewerkingslink op dit apparaat')).toBeVisible();
}

const myList = (page: Page) => page.getByRole('region', { name: 'Geopend in deze browser' });
const myPlansItem = (page: Page, title: string) => myList(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test.describe('Mijn plannen', () => {
  test('remembers the plans and regional plans opened in this browser, and forgets one', async ({ page, request }) => {
    const plan = await apiPlan(request, { title: 'Onthouden plan', municipality: 'Onthoudstad' });
    const region = await apiRegion(request, { name: 'Onthouden regio' });

    await page.goto('/plannen');
    await expect(page.getByText('U heeft in deze browser nog geen plannen geopend.')).toBeVisible();

    // The list is written once the page runs.
    await page.goto(plan.readUrl);
    await expect.poll(async () => (await storedList(page)).plans.map((p) => p.id)).toEqual([plan.id]);
    await page.goto(region.readUrl);
    await expect.poll(async () => (await storedList(page)).plans.length).toBe(2);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn plannen' }).click();
    await expect(page).toHaveURL(/\/plannen$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn plannen');

    const planItem = myPlansItem(page, 'Onthouden plan');
    await expect(planItem).toContainText('Financieringsplan · Onthoudstad');
    await expect(planItem.getByRole('link', { name: 'Onthouden plan' })).toHaveAttribute('href', plan.readUrl);
    const regionItem = myPlansItem(page, 'Onthouden regio');
    await expect(regionItem).toContainText('Regionaal plan · 1 gemeente');
    // Newest first; no edit links, in the list or in storage.
    await expect(myList(page).getByRole('listitem').first()).toContainText('Onthouden regio');
    await expect(myList(page).getByRole('link', { name: /Bewerken/ })).toHaveCount(0);
    const stored = await storedList(page);
    expect(stored.plans.map((p) => [p.kind, p.id, p.title])).toEqual([
      ['regio', region.id, 'Onthouden regio'],
      ['plan', plan.id, 'Onthouden plan'],
    ]);
    expect(stored.raw).not.toContain(plan.editSecret);
    expect(stored.raw).not.toContain(region.editSecret);

    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoAxeViolations(page);

    await planItem.getByRole('button', { name: /^Vergeten/ }).click();
    await expect(myList(page).getByRole('status')).toHaveText('Financieringsplan “Onthouden plan” is vergeten.');
    await expect(myList(page).getByRole('status')).toBeFocused();
    await expect(planItem).toHaveCount(0);
    await expect(regionItem).toBeVisible();
    expect((await storedList(page)).plans.map((p) => p.id)).toEqual([region.id]);

    // Still forgotten after a reload: it is stored, not just hidden.
    await page.reload();
    await expect(myPlansItem(page, 'Onthouden regio')).toBeVisible();
    await expect(myPlansItem(page, 'Onthouden plan')).toHaveCount(0);
  });

  test('stores the edit link only while "Onthoud de bewerkingslink op dit apparaat" is ticked', async ({ page, request }) => {
    const plan = await apiPlan(request, { title: 'Plan met bewerkingslink' });
    await page.goto(plan.editUrl);
    const remember = page.getByLabel('Onthoud de bewerkingslink op dit apparaat');
    await expect(remember).not.toBeChecked();
    // The visit is remembered, the secret is not.
    await expect.poll(async () => (await storedList(page)).plans.map((p) => p.id)).toEqual([plan.id]);
    expect((await storedList(page)).raw).not.toContain(plan.editSecret);
    // The box is not part of the edit form (never posted).
    await expect(page.locator('#plan-form').getByLabel('Onthoud de bewerkingslink op dit apparaat')).toHaveCount(0);

    await remember.check();
    await expect.poll(async () => (await storedList(page)).plans[0]?.secret).toBe(plan.editSecret);

    // The list offers the edit link; forgetting only the edit link keeps the plan.
    await page.goto('/plannen');
    const item = myPlansItem(page, 'Plan met bewerkingslink');
    await expect(item.getByRole('link', { name: /^Bewerken/ })).toHaveAttribute('href', plan.editUrl);
    await expectNoAxeViolations(page);
    await item.getByRole('button', { name: /^Bewerkingslink vergeten/ }).click();
    await expect(myList(page).getByRole('status')).toContainText('De bewerkingslink van financieringsplan “Plan met bewerkingslink” is vergeten.');
    await expect(item.getByRole('link', { name: /^Bewerken/ })).toHaveCount(0);
    await expect(item.getByRole('link', { name: 'Plan met bewerkingslink' })).toBeVisible();
    let stored = await storedList(page);
    expect(stored.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(stored.raw).not.toContain(plan.editSecret);

    // Ticked again, then unticked: the secret is removed.
    await page.goto(plan.editUrl);
    await expect(remember).not.toBeChecked();
    await remember.check();
    await expect.poll(async () => (await storedList(page)).raw).toContain(plan.editSecret);
    await page.reload();
    await expect(remember).toBeChecked();
    await remember.uncheck();
    await expect.poll(async () => (await storedList(page)).raw).not.toContain(plan.editSecret);
    stored = await storedList(page);
    expect(stored.plans.map((p) => [p.id, p.secret])).toEqual([[plan.id, undefined]]);
    // A read page never stores or removes the secret.
    await remember.check();
    await page.goto(plan.readUrl);
    await expect.poll(async () => (await storedList(page)).plans[0]?.secret).toBe(plan.editSecret);
  });

  test('the regional plan edit page offers the same box', async ({ page, request }) => {
    const region = await apiRegion(request, { name: 'Regio met bewerkingslink' });
    await page.goto(region.editUrl);
    await expect.poll(async () => (await storedList(page)).plans.map((p) => [p.kind, p.title])).toEqual([['regio', 'Regio met bewerkingslink']]);
    expect((await storedList(page)).raw).not.toContain(region.editSecret);
    await page.getByLabel('Onthoud de bewerkingslink op dit apparaat').check();
    await expect.poll(async () => (await storedList(page)).plans[0]?.secret).toBe(region.editSecret);
    await page.goto('/plannen');
    await expect(myPlansItem(page, 'Regio met bewerkingslink').getByRole('link', { name: /^Bewerken/ })).toHaveAttribute('href', /\/regio\/[^/]+\/bewerken\?sleutel=/);
  });

  test('corrupt or foreign data in storage: invalid entries are dropped, the page keeps working', async ({ page, request }) => {
    const plan = await apiPlan(request, { title: 'Plan na rommel' });
    await page.goto('/plannen');
    await page.evaluate((key) => window.localStorage.setItem(key, '{not json'), STORAGE_KEY);
    await page.reload();
    await expect(page.getByText('U heeft in deze browser nog geen plannen geopend.')).toBeVisible();

    const good = { kind: 'plan', id: 'GoedId', title: 'Goed plan', place: 'Ergens', seen: 1_700_000_000_000 };
    await page.evaluate(
      ({ key, value }) => window.localStorage.setItem(key, value),
      {
        key: STORAGE_KEY,
        value: JSON.stringify({
          format: 1,
          plans: [
            good,
            { ...good, id: 'javascript:alert(1)', title: 'Kwaadaardig' },
            { ...good, id: 'x2', kind: 'iets', title: 'Onbekende soort' },
            { ...good, id: 'x3', title: { html: '<b>' } },
            { ...good, id: 'x4', secret: '"><script>', title: 'Rare sleutel' },
            null,
            42,
          ],
        }),
      },
    );
    await page.reload();
    await expect(myPlansItem(page, 'Goed plan').getByRole('link', { name: 'Goed plan' })).toHaveAttribute('href', '/plannen/GoedId');
    await expect(myList(page).getByRole('listitem')).toHaveCount(1);

    // The next visit writes a clean list.
    await page.goto(plan.readUrl);
    await expect.poll(async () => (await storedList(page)).plans.map((p) => p.title)).toEqual(['Plan na rommel', 'Goed plan']);
    const stored = await storedList(page);
    expect(stored.raw).not.toContain('Kwaadaardig');

    // Data that is not ours at all reads as an empty list too.
    await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify([{ kind: 'plan', id: 'a' }])), STORAGE_KEY);
    await page.goto('/plannen');
    await expect(page.getByText('U heeft in deze browser nog geen plannen geopend.')).toBeVisible();
  });
});

test.describe('unsaved changes', () => {
  test('the plan edit page warns when leaving with edits, not when unchanged or after saving', async ({ page, request }) => {
    const plan = await apiPlan(request);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });

    // Unchanged (after a click on the page, so Chromium would show a dialog): no warning.
    await openEditor(page, plan.editUrl);
    await page.getByRole('heading', { level: 1 }).click();
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual([]);

    // Edited: the browser asks before leaving.
    await openEditor(page, plan.editUrl);
    await page.getByLabel('Behoefte Interventies 2026').fill('12.500');
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual(['beforeunload']);
    await expect(page).toHaveURL(/\/wegwijzer$/);

    // Typed back to what was loaded: nothing to lose, no warning.
    dialogs.length = 0;
    await openEditor(page, plan.editUrl);
    await page.getByLabel('Behoefte Interventies 2026').fill('12.500');
    await page.getByLabel('Behoefte Interventies 2026').fill('');
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual([]);

    // Saved: no warning.
    await openEditor(page, plan.editUrl);
    await page.getByLabel('Behoefte Interventies 2026').fill('12.500');
    await page.getByRole('button', { name: 'Plan opslaan' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: /Opgeslagen/ })).toBeVisible();
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual([]);
  });

  test('a link inside the app asks too, and staying keeps the edits', async ({ page, request }) => {
    const plan = await apiPlan(request);
    await openEditor(page, plan.editUrl);
    await page.getByLabel('Titel').fill('Nog niet opgeslagen titel');
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wegwijzer' }).click();
    await expect.poll(() => dialogs).toEqual([expect.stringMatching(/^confirm: U heeft wijzigingen die nog niet zijn opgeslagen/)]);
    await expect(page).toHaveURL(/\/bewerken\?sleutel=/);
    await expect(page.getByLabel('Titel')).toHaveValue('Nog niet opgeslagen titel');
    // Ticking "onthoud de bewerkingslink" is not an edit of the plan.
    await page.getByLabel('Titel').fill('Plan voor de test');
    await page.getByLabel('Onthoud de bewerkingslink op dit apparaat').check();
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wegwijzer' }).click();
    await expect(page).toHaveURL(/\/wegwijzer$/);
    expect(dialogs).toHaveLength(1);
  });

  test('the regional plan edit page warns after an edit and a refused save, not after saving', async ({ page, request }) => {
    const region = await apiRegion(request);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await openEditor(page, region.editUrl);
    await page.getByLabel('Naam van de regio of het plan').fill('Andere naam');
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual(['beforeunload']);

    // A refused save keeps the typed values: still unsaved.
    dialogs.length = 0;
    await openEditor(page, region.editUrl);
    await page.getByLabel('Bedrag 2026, gedeelde kostenpost 1').fill('veel');
    await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeVisible();
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual(['beforeunload']);

    dialogs.length = 0;
    await openEditor(page, region.editUrl);
    await page.getByLabel('Naam van de regio of het plan').fill('Opgeslagen naam');
    await page.getByRole('button', { name: 'Regionaal plan opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen als versie 2' })).toBeVisible();
    await page.goto('/wegwijzer');
    expect(dialogs).toEqual([]);
  });
});

/** The text of the page-margin boxes the browser parsed from the print styles. */
async function printedMargins(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const visit = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSMediaRule || rule instanceof CSSPageRule) visit(rule.cssRules);
        // CSSMarginRule (Chromium 131+): @top-left etc. inside @page.
        else if ('name' in rule && rule.parentRule instanceof CSSPageRule && 'style' in rule) {
          out[String(rule.name)] = (rule.style as CSSStyleDeclaration).getPropertyValue('content');
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) visit(sheet.cssRules);
    return out;
  });
}

test.describe('print', () => {
  test('an "Afdrukken" button on the read pages, and title, version, date and read link on every printed page', async ({ page, request }) => {
    await page.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printed = String(Number(document.documentElement.dataset.printed ?? 0) + 1);
      };
    });
    const plan = await apiPlan(request, { title: 'Plan “om” af te drukken', municipality: 'Drukstad' });
    await page.goto(plan.readUrl);
    await expect(page.getByText(/gebruik Afdrukken in uw browser/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-printed', '1');
    const margins = await printedMargins(page);
    expect(margins['top-left']).toBe('"Financieringsplan Plan “om” af te drukken, Drukstad"');
    expect(margins['top-right']).toMatch(/^"Versie 1 van \d{1,2} \w+ 20\d\d om \d\d:\d\d"$/);
    expect(margins['bottom-left']).toBe(`"${new URL(plan.readUrl, page.url()).href}"`);
    expect(margins['bottom-right']).toContain('counter(page)');
    // The button is not printed.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    const region = await apiRegion(request, { name: 'Regio om af te drukken' });
    await page.goto(region.readUrl);
    await page.getByRole('button', { name: 'Afdrukken' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-printed', '1');
    const regionMargins = await printedMargins(page);
    expect(regionMargins['top-left']).toBe('"Regionaal plan Regio om af te drukken"');
    expect(regionMargins['bottom-left']).toBe(`"${new URL(region.readUrl, page.url()).href}"`);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/plannen says the list needs JavaScript and links to new plans; no print button, no remember box', async ({ page, request }) => {
    await page.goto('/plannen');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn plannen');
    await expect(page.getByText('Deze lijst heeft JavaScript nodig')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Nieuw financieringsplan' })).toHaveAttribute('href', '/plannen/nieuw');
    await expect(page.getByRole('link', { name: 'Nieuw regionaal plan' })).toHaveAttribute('href', '/regio/nieuw');

    const plan = await apiPlan(request);
    await page.goto(plan.readUrl);
    await expect(page.getByText('Afdrukken of als pdf bewaren: gebruik Afdrukken in uw browser (Ctrl+P).')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afdrukken' })).toHaveCount(0);
    const region = await apiRegion(request);
    await page.goto(region.readUrl);
    await expect(page.getByRole('button', { name: 'Afdrukken' })).toHaveCount(0);
    await page.goto(plan.editUrl);
    await expect(page.getByRole('button', { name: 'Plan opslaan' }).first()).toBeVisible();
    await expect(page.getByLabel('Onthoud de bewerkingslink op dit apparaat')).toHaveCount(0);
  });
});

const hint = (page: Page, table: string) => page.getByRole('region', { name: table, exact: true }).getByText('Scroll opzij voor de hele tabel');

/** The filled plan and region pages; `check` adds what is special at that width. */
const FILLED_PAGES: { name: string; open: (request: APIRequestContext) => Promise<string>; check: (page: Page, width: number) => Promise<void> }[] = [
  {
    name: 'the read page of a plan with 20 lines over 4 years',
    open: async (request) => (await filledPlan(request)).readUrl,
    check: async (page, width) => {
      const all = page.getByRole('region', { name: 'Tabel alle financieringsregels', exact: true });
      if (width > 1000) {
        // Wide enough: the table of all lines fits (its text wraps), so no hint.
        await expect(all).toBeVisible();
        await expect(hint(page, 'Tabel alle financieringsregels')).toBeHidden();
        return;
      }
      await expect(hint(page, 'Tabel alle financieringsregels')).toBeVisible();
      await expect(hint(page, 'Tabel financiering per betaler')).toBeVisible();
      // A table that fits shows no hint.
      await expect(hint(page, 'Tabel stand van de aanvragen')).toBeHidden();
      // The table scrolls in its own focusable region, by keyboard too.
      const wide = page.getByRole('region', { name: 'Tabel financiering per betaler', exact: true });
      await expect(wide).toHaveAttribute('tabindex', '0');
      await wide.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    },
  },
  {
    name: 'the edit page of a plan with 20 lines over 4 years',
    open: async (request) => (await filledPlan(request)).editUrl,
    check: async (page, width) => {
      if (width < 1000) await expect(hint(page, 'Tabel financieringsregels Interventies')).toBeVisible();
    },
  },
  {
    name: 'the read page of a region with 8 members and 4 items',
    open: async (request) => (await filledRegion(request)).readUrl,
    check: async (page, width) => {
      if (width < 1000) await expect(hint(page, 'Tabel kostenposten en verdeelsleutels')).toBeVisible();
    },
  },
  {
    name: 'the edit page of a region with 8 members and 4 items',
    open: async (request) => (await filledRegion(request)).editUrl,
    check: async (page) => {
      await expect(page.getByRole('button', { name: 'Regionaal plan opslaan' })).toBeVisible();
    },
  },
];

// Axe on filled plan and region pages at both widths runs in tests/e2e/a11y.spec.ts
// (a plan of 20 lines and a region of 20 items over 4 years); here the layout
// with long names: no sideways scroll on a phone, and the scroll hints. One
// navigation, then a resize (no script reads the width:
// tests/unit/viewport-independence.test.ts).
test.describe('filled plan and region pages on a phone and a desktop', () => {
  for (const { name, open, check } of FILLED_PAGES) {
    test(`${name} at 360 and 1280 px: no sideways scroll, hints where a table is wider than the screen`, async ({ page, request }) => {
      const url = await open(request);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(url);
      await noSidewaysScroll(page);
      await check(page, 360);
      await page.setViewportSize({ width: 1280, height: 900 });
      await noSidewaysScroll(page);
      await check(page, 1280);
    });
  }
});
