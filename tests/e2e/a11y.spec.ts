import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { loadContentDir } from '@/lib/content/parse';
import { contentRoutes } from '@/lib/content/routes';
import { expectNoAxeViolations } from './support/axe';
import { noSidewaysScroll } from './support/layout';

// WCAG 2.1 AA (axe) at 1280 and at 360 px, and no sideways scroll at 360 px, on
// every content route (each law, source, intervention and example, from
// content/), the wegwijzer's states, the site pages, the plan forms and a plan
// and a regional plan filled with 20 lines over 4 years.

const content = loadContentDir(path.resolve('content'));
const CONTENT = contentRoutes(content);

const STATES = [
  '/wegwijzer?wet=jeugdwet&niveau=selectief',
  '/wegwijzer?wet=wmo&niveau=universeel',
  '/wegwijzer?wet=integraal',
  '/wegwijzer?niveau=geindiceerd',
  '/wegwijzer?wet=zvw&niveau=geindiceerd&kosten=interventies&fase=tijdens-de-zwangerschap',
  '/wegwijzer?q=kraamzorg',
  '/wegwijzer?q=prenataal+huisbezoek',
  '/interventies?kies=voorzorg,prenataal-huisbezoek,centering-pregnancy',
  '/interventies?kies=geldboom',
  '/wegwijzer?q=xyzzy',
  '/wegwijzer?interventie=nu-niet-zwanger',
  '/wegwijzer?wet=onbekend',
  '/knelpunten#eigen-bijdrage-kraamzorg',
  '/bestaat-niet',
  '/plannen',
  '/plannen/nieuw',
  '/plannen/nieuw?voorbeeld=den-haag',
  '/regio/nieuw',
];

/**
 * Axe at 1280 px and no sideways scroll; then the same at 360 px. One navigation, then a resize: the server never knows the width
 * and no script of ours reads it (layout is CSS media queries only), so the
 * resized page is the page a phone gets. A second navigation cost each of
 * ~90 tests a page load and hydration on CI's two cores.
 */
async function checkBothWidths(page: Page, url: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await noSidewaysScroll(page);
  await expectNoAxeViolations(page);
}

test('the route list covers every law, source, intervention and example', () => {
  expect(CONTENT).toContain('/wetten/jeugdwet');
  expect(CONTENT.filter((r) => r.startsWith('/bronnen/'))).toHaveLength(content.financieringsbronnen.length);
  expect(CONTENT.filter((r) => r.startsWith('/interventies/'))).toHaveLength(content.interventies.length);
  expect(CONTENT.filter((r) => r.startsWith('/voorbeelden/'))).toHaveLength(content.voorbeelden.length);
  expect(CONTENT).toEqual(expect.arrayContaining(['/toegankelijkheid', '/privacy', '/colofon']));
});

for (const url of [...CONTENT, ...STATES]) {
  test(`axe and no sideways scroll at 1280 and 360 px: ${url}`, async ({ page }) => {
    await checkBothWidths(page, url);
  });
}

// --- A plan and a regional plan at a realistic size ---------------------------------------------

const YEARS = [2026, 2027, 2028, 2029];
const created = z.object({ id: z.string(), readUrl: z.string(), editUrl: z.string(), editSecret: z.string() });

async function filledPlan(request: APIRequestContext) {
  const res = await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Plan met twintig regels', startYear: 2026, endYear: 2029 } });
  expect(res.status()).toBe(201);
  const plan = created.parse(await res.json());
  const categories = content.kostensoorten.map((k) => k.slug);
  const sources = content.financieringsbronnen;
  const statuses = ['idee', 'aangevraagd', 'toegezegd', 'afgewezen'] as const;
  const lines = Array.from({ length: 20 }, (_, i) => {
    const status = statuses[i % statuses.length];
    const source = i % 7 === 6 ? null : sources[i % sources.length];
    return {
      costCategory: categories[i % categories.length],
      ...(source ? { sourceSlug: source.slug } : { customSourceName: `Eigen fonds ${i}` }),
      // A source that only gives temporary (or only structural) money refuses the other kind.
      looptijd: source?.looptijd === 'tijdelijk' || source?.looptijd === 'structureel' ? source.looptijd : i % 2 ? 'structureel' : 'tijdelijk',
      status,
      ...(status === 'afgewezen' ? { rejectionReason: 'Past niet binnen de regeling' } : {}),
      note: i % 3 ? undefined : `Toelichting bij regel ${i + 1}, met wat langere tekst om de tabel te vullen.`,
      amounts: YEARS.map((year, y) => ({ year, amount: 10_000 + 1_000 * i + 250 * y })),
    };
  });
  const needs = categories.flatMap((costCategory, c) => YEARS.map((year) => ({ costCategory, year, amount: 90_000 + 10_000 * c })));
  const put = await request.put(`/api/plannen/${plan.id}`, {
    headers: { Authorization: `Bearer ${plan.editSecret}`, 'If-Match': '"1"' },
    data: { needs, lines },
  });
  expect(put.status(), await put.text()).toBe(200);
  return plan;
}

const MEMBERS = ['Arnhem', 'Barneveld', 'Doesburg', 'Duiven', 'Ede', 'Lingewaard', 'Nijkerk', 'Overbetuwe', 'Renkum', 'Rheden'];

async function filledRegion(request: APIRequestContext) {
  const interventions = content.interventies.map((i) => i.slug);
  const res = await request.post('/api/regio', {
    data: {
      name: 'Regio met twintig posten',
      startYear: 2026,
      endYear: 2029,
      // Test data only: not real numbers of children.
      members: MEMBERS.map((name, i) => ({ name, children0to4: 1000 + 137 * i, children0to18: 5000 + 611 * i })),
      sharedItems: Array.from({ length: 10 }, (_, i) => ({
        costCategory: i % 2 ? 'proceskosten' : 'voorinvesteringen',
        description: `Gedeelde post ${i + 1}`,
        amounts: YEARS.map((year, y) => ({ year, amount: 20_000 + 1_000 * i + 500 * y })),
        splitKey: (['kinderen-0-4', 'kinderen-0-18', 'gelijk'] as const)[i % 3],
      })),
      trajectoryItems: Array.from({ length: 10 }, (_, i) => ({
        intervention: interventions[i % interventions.length],
        costCategory: 'interventies',
        pricePerTrajectory: 1_000 + 100 * i,
        basis: 'historisch',
        trajectories: YEARS.map((year, y) => ({ year, counts: MEMBERS.map((_, m) => (m + i + y) % 6) })),
      })),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return created.parse(await res.json());
}

test('a plan with 20 lines over 4 years: read and edit pages at 1280 and 360 px', async ({ page }) => {
  test.setTimeout(180_000);
  const plan = await filledPlan(page.request);
  await checkBothWidths(page, plan.readUrl);
  await checkBothWidths(page, plan.editUrl);
});

test('a regional plan with 20 items over 4 years: read and edit pages at 1280 and 360 px', async ({ page }) => {
  test.setTimeout(180_000);
  const region = await filledRegion(page.request);
  await checkBothWidths(page, region.readUrl);
  await checkBothWidths(page, region.editUrl);
});
