import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { expectNoAxeViolations } from './support/axe';

// Issue 8: a current guide. /actueel, the dated notices, validity on source pages, and warnings in plans.

test('/actueel lists the changes with date, certainty and source links, and says what is not known', async ({ page }) => {
  await page.goto('/actueel');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat is er veranderd sinds de wegwijzer?');
  const spuk = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /brede SPUK, met daarin Kansrijke Start, loopt af op 31 december 2026/ }) });
  await expect(spuk).toContainText('Datum: 6 februari 2023');
  await expect(spuk).toContainText('Zekerheid: Autoriteit');
  await expect(spuk.getByRole('link', { name: 'officielebekendmakingen.nl/stcrt-2023-4245.html' })).toHaveAttribute('href', 'https://www.officielebekendmakingen.nl/stcrt-2023-4245.html');
  await expect(spuk.getByRole('link', { name: 'SPUK Kansrijke Start (onderdeel van de brede SPUK)' })).toHaveAttribute('href', '/bronnen/spuk-kansrijke-start');

  const open = page.getByRole('region', { name: 'Nog niet bekend' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Nog niet bekend' }) }));
  await expect(open).toContainText('Of er na 2026 een opvolger van de brede SPUK komt, is bij ons niet bekend (stand: 2 december 2026');

  // Ended sources are listed as ended, in words (not colour alone).
  const table = page.getByRole('table', { name: /Geldbronnen met een einddatum/ });
  await expect(table.getByRole('row', { name: /Subsidie preventiecoalities/ })).toContainText('Beëindigd');
  await expect(table.getByRole('row', { name: /SPUK Kansrijke Start/ })).toContainText('Loopt af op 31 december 2026');
  await expectNoAxeViolations(page);
});

test('the notice on /wegwijzer says how old the matrix is and links to /actueel', async ({ page }) => {
  await page.goto('/wegwijzer');
  const notice = page.getByRole('complementary', { name: 'Hoe actueel is deze pagina?' });
  await expect(notice).toContainText('ongedateerd, van vóór juni 2022');
  await notice.getByRole('link', { name: 'Wat is er veranderd sinds de wegwijzer?' }).click();
  await expect(page).toHaveURL(/\/actueel$/);
});

test('law and example pages carry the dated notice; example pages say they describe about 2020', async ({ page }) => {
  await page.goto('/wetten/zvw');
  await expect(page.getByRole('complementary', { name: 'Hoe actueel is deze pagina?' })).toContainText('december 2020');
  await page.goto('/voorbeelden/zuid-limburg');
  const notice = page.getByRole('complementary', { name: 'Hoe actueel is deze pagina?' });
  await expect(notice).toContainText('situatie van ongeveer 2020');
  await expect(notice.getByRole('link', { name: 'Wat is er veranderd sinds de wegwijzer?' })).toHaveAttribute('href', '/actueel');
  // The funding mix shows what each source is now.
  await expect(page.getByRole('table', { name: /Financieringsmix van Regionale coalitie Zuid-Limburg/ }).getByRole('row', { name: /Gezond in de Stad/ })).toContainText('Loopt af op 31 december 2026');
});

test('source pages show validity as a badge with text; ended sources are sorted after current ones', async ({ page }) => {
  await page.goto('/bronnen');
  const rijk = page.getByRole('table', { name: 'Financieringsbronnen van betaler Rijk' });
  const names = await rijk.locator('tbody th').allInnerTexts();
  const statuses = await rijk.locator('tbody tr').allInnerTexts();
  const firstEnded = statuses.findIndex((s) => s.includes('Beëindigd'));
  expect(firstEnded).toBeGreaterThan(0);
  expect(statuses.slice(firstEnded).every((s) => s.includes('Beëindigd'))).toBe(true);
  expect(names).toContain('Impuls Kansrijke Start (decentralisatie-uitkering, tot en met 2022)');

  await page.goto('/bronnen/spuk-kansrijke-start');
  await expect(page.getByText('Loopt af op 31 december 2026')).toBeVisible();
  await expect(page.getByText(/Een opvolgende regeling voor 2027 en bedragen voor 2027 zijn niet gevonden/)).toBeVisible();
});

test('"Wie betaalt?" in the matrix is labelled as interpretation, with the dated rule it rests on', async ({ page }) => {
  await page.goto('/wegwijzer?wet=zvw&niveau=geindiceerd');
  const detail = page.locator('#detail');
  await expect(detail.getByRole('heading', { name: 'Wie betaalt? (interpretatie)' })).toBeVisible();
  await expect(detail).toContainText('Het werkdocument van december 2020 verdeelt preventie zo');
  await expect(detail).toContainText('Bron: Duurzame financiering Ketenaanpak Kansrijke Start');
});

const warningsSchema = z.object({ warnings: z.array(z.object({ year: z.number(), sourceSlug: z.string(), message: z.string() })) });

test('a plan with SPUK money in 2027 warns on the read page, in the CSV and in the API; 2026 does not', async ({ page, request }) => {
  test.slow(); // an API plan, a CSV, the read page at two widths and the edit page, each with axe
  const created = await request.post('/api/plannen', { data: { municipality: 'Teststad', title: 'Plan met SPUK', startYear: 2026, endYear: 2027 } });
  expect(created.status()).toBe(201);
  const { id, editSecret } = z.object({ id: z.string(), editSecret: z.string() }).parse(await created.json());
  const line = { costCategory: 'interventies', sourceSlug: 'spuk-kansrijke-start', amount: 40000, looptijd: 'tijdelijk', status: 'toegezegd' };
  const saved = await request.put(`/api/plannen/${id}`, {
    headers: { Authorization: `Bearer ${editSecret}`, 'If-Match': '"1"' },
    data: {
      needs: [2026, 2027].map((year) => ({ costCategory: 'interventies', year, amount: 50000 })),
      lines: [
        { ...line, year: 2026 },
        { ...line, year: 2027 },
      ],
    },
  });
  expect(saved.status()).toBe(200);

  const warning = 'SPUK Kansrijke Start (onderdeel van de brede SPUK) loopt af op 31 december 2026; voor 2027 is geen opvolger bekend.';
  const api = warningsSchema.parse(await (await request.get(`/api/plannen/${id}`)).json());
  expect(api.warnings).toEqual([expect.objectContaining({ year: 2027, sourceSlug: 'spuk-kansrijke-start', message: warning })]);

  const csv = await (await request.get(`/api/plannen/${id}/export.csv`)).text();
  // One row per line, a column per year: the 2026 line has no warning, the 2027 line has.
  const rows = csv.split('\r\n').filter((r) => r.startsWith('Financiering;'));
  expect(rows[0]).toContain(';40000;0;40000;');
  expect(rows[0]).not.toContain('loopt af');
  expect(rows[1]).toContain(';0;40000;40000;');
  expect(rows[1]).toContain(warning);

  await page.goto(`/plannen/${id}`);
  await expect(page.getByRole('note').filter({ hasText: 'Let op' })).toContainText(warning);
  // The summary counts the 2027 money apart, and the two scenarios are side by side.
  await expect(page.getByText('Onzeker na afloop van de bron', { exact: true }).first()).toBeVisible();
  const scenarios = page.getByRole('table', { name: /Twee scenario's per jaar/ });
  await expect(scenarios.getByRole('row', { name: /^Zoals ingevuld/ })).toContainText('€ 40.000');
  await expect(scenarios.getByRole('row', { name: /^Zonder afgelopen of onzekere geldbronnen/ })).toContainText(/€\s40\.000\s*€\s0€/);
  await expect(page.getByRole('img', { name: /behoefte en twee scenario's per jaar/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoAxeViolations(page);

  // The edit page warns at the 2027 line only.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/plannen/${id}/bewerken?sleutel=${editSecret}`);
  await expect(page.getByText(warning)).toHaveCount(1);
  await expectNoAxeViolations(page);
});

// Axe at 1280 and 360 px and no sideways scroll on /actueel: tests/e2e/a11y.spec.ts (every content route).
