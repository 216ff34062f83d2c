import { test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

// Every route, and the wegwijzer's selected, filtered, searched and highlighted states.
const PATHS = [
  '/',
  '/wegwijzer',
  '/wegwijzer?wet=jeugdwet&niveau=selectief',
  '/wegwijzer?wet=integraal',
  '/wegwijzer?niveau=geindiceerd',
  '/wegwijzer?wet=zvw&niveau=geindiceerd&kosten=interventies&fase=tijdens-de-zwangerschap',
  '/wegwijzer?q=kraamzorg',
  '/wegwijzer?q=xyzzy',
  '/wegwijzer?interventie=nu-niet-zwanger',
  '/wegwijzer?wet=onbekend',
  '/wetten/jeugdwet',
  '/wetten/integraal',
  '/bronnen',
  '/bronnen/spuk-kansrijke-start',
  '/interventies',
  '/interventies/centering-pregnancy',
  '/knelpunten',
  '/voorbeelden',
  '/voorbeelden/den-haag',
  '/voorbeelden/zuid-limburg',
  '/actueel',
  '/bronnen/subsidie-preventiecoalities',
  '/bestaat-niet',
];

for (const path of PATHS) {
  test(`axe finds no WCAG 2.1 AA violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test('axe finds no violation at 360 px wide, with a cell selected', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/wegwijzer?wet=wmo&niveau=universeel');
  await expectNoAxeViolations(page);
});
