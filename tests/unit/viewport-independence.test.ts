import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * tests/e2e/a11y.spec.ts checks each page at 1280 px, then resizes the same
 * page to 360 px instead of loading it again. That is only the page a phone
 * gets while no code of ours reads the viewport: layout is CSS media queries
 * only. This test fails when a script starts to depend on the width, so the
 * a11y spec has to go back to a navigation per width.
 */
const ROOTS = ['app', 'components', 'lib'];
const WIDTH_READS = /\b(matchMedia|innerWidth|outerWidth|visualViewport|ResizeObserver)\b|addEventListener\(\s*['"]resize['"]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === 'generated' || entry === 'node_modules') return [];
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|js|mjs)$/.test(entry) ? [full] : [];
  });
}

describe('no code reads the viewport width', () => {
  it('app/, components/ and lib/ never read the width (CSS media queries do the layout)', () => {
    const all = ROOTS.flatMap((root) => files(path.resolve(root)));
    expect(all.length).toBeGreaterThan(50);
    const offenders = all.filter((file) => WIDTH_READS.test(readFileSync(file, 'utf8'))).map((file) => path.relative(process.cwd(), file));
    expect(offenders).toEqual([]);
  });
});
