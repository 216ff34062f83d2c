import axe from 'axe-core';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 AA, the standard Dutch government sites must meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violation = { id: string; help: string; targets: string[] };

/**
 * axe-core's own `axe.run` in the page, with the same rules and tags as
 * `@axe-core/playwright`'s AxeBuilder, but
 *  - axe's source (~550 kB) is injected once per document: a second check of
 *    the same page (tests/e2e/a11y.spec.ts resizes to 360 px) reuses it;
 *  - no blank page is opened for `axe.finishRun`: AxeBuilder's default mode
 *    does that on every call, to merge results from cross-origin frames. Our
 *    pages have no frames (checked below);
 *  - only the violations come back to the test, not the passes.
 * Measured on this 2-core machine (2026-12-02): on `/bronnen/spuk` AxeBuilder
 * took 1.25–1.97 s where `axe.run` itself took 0.09 s; on `/knelpunten` 4.9 s
 * against 0.9–1.3 s. The a11y suite spent ~1,200 s of CI's test time there.
 */
async function axeViolations(page: Page): Promise<Violation[]> {
  expect(page.frames(), `${page.url()} has frames; axe.run in the top document would not see inside them`).toHaveLength(1);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
}

export async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.targets.slice(0, 3).join(' | ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
