import { expect, type Page } from '@playwright/test';

/** WCAG 1.4.10 (reflow): the page itself never scrolls sideways; wide tables scroll inside their own region. */
export async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}
