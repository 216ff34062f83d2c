import { describe, expect, it } from 'vitest';
import { median, verdict, verdictTable } from '../../scripts/bench-pages-verdict';
import { inlineBytes, lighthouseArgs, parseArgs, rscBytes, scriptTags } from '../../scripts/bench-pages';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const floor = { jsBytes: 131 * KB, mobile: [88, 90, 86] };

describe('bench:pages verdict', () => {
  it('takes the median of the runs, and none of a failed run', () => {
    expect(median([77, 91, 80])).toBe(80);
    expect(median([70, 80])).toBe(75);
    expect(median([])).toBeNaN();
    expect(median([90, NaN, 91])).toBeNaN();
  });

  it('measures JavaScript against the floor of the same run plus 10 KB', () => {
    const [under, over] = verdict(floor, [
      { route: '/', jsBytes: 141 * KB, rscBytes: 2 * KB },
      { route: '/bronnen', jsBytes: 141 * KB + 1, rscBytes: 2 * KB },
    ]);
    expect(under?.jsLimitKb).toBe(141);
    expect(under?.misses).toEqual([]);
    expect(over?.misses).toEqual(['JS 141.0 KB > floor + 10 = 141.0 KB']);
    // The same route against a smaller floor misses.
    expect(verdict({ jsBytes: 120 * KB }, [{ route: '/', jsBytes: 141 * KB, rscBytes: 0 }])[0]?.misses).toHaveLength(1);
    // No floor measured: never a pass.
    expect(verdict({ jsBytes: 0 }, [{ route: '/', jsBytes: 1, rscBytes: 0 }])[0]?.misses).toEqual(['no JavaScript floor measured']);
  });

  it('limits inline RSC data to 20 KB on /wegwijzer (any query) and /knelpunten only', () => {
    const rows = verdict(floor, [
      { route: '/wegwijzer', jsBytes: 135 * KB, rscBytes: 20 * KB },
      { route: '/wegwijzer?wet=jeugdwet&niveau=selectief', jsBytes: 135 * KB, rscBytes: 21 * KB },
      { route: '/knelpunten', jsBytes: 135 * KB, rscBytes: 25 * KB },
      { route: '/bronnen', jsBytes: 135 * KB, rscBytes: 25 * KB },
    ]);
    expect(rows.map((r) => r.misses.length)).toEqual([0, 1, 1, 0]);
    expect(rows[2]?.misses[0]).toBe('RSC 25.0 KB > 20 KB');
    expect(rows[3]?.rscLimitKb).toBeNull();
  });

  it('allows a mobile median at most 3 points below the bare median, and needs a desktop median of 95', () => {
    const js = { jsBytes: 135 * KB, rscBytes: 0 };
    const rows = verdict(floor, [
      { route: '/a', ...js, mobile: [85, 70, 99], desktop: [95, 94, 99] },
      { route: '/b', ...js, mobile: [84, 84, 90], desktop: [94, 94, 100] },
      { route: '/c', ...js, mobile: [90, NaN, 90] },
    ]);
    expect(rows[0]?.bareMedian).toBe(88);
    expect(rows[0]?.mobileMedian).toBe(85);
    expect(rows[0]?.misses).toEqual([]);
    expect(rows[1]?.misses).toEqual(['mobile 84 < bare 88 − 3', 'desktop 94 < 95']);
    expect(rows[2]?.misses).toEqual(['mobile score not measured']);
    // A bare page without a score gives nothing to compare with.
    expect(verdict({ jsBytes: 131 * KB, mobile: [NaN] }, [{ route: '/a', ...js, mobile: [99] }])[0]?.misses).toEqual([
      'bare page mobile score not measured',
    ]);
  });

  it('prints each route with its numbers, bounds and verdict', () => {
    const table = verdictTable(
      verdict(floor, [
        { route: '/knelpunten', jsBytes: 139.5 * KB, rscBytes: 31.2 * KB, mobile: [75, 74, 76], desktop: [96, 97, 95] },
        { route: '/', jsBytes: 133 * KB, rscBytes: 3 * KB },
      ]),
    );
    expect(table).toMatch(/^route\s+JS KB\s+floor\+10\s+RSC KB\s+mobile median \[runs\]\s+bare\s+desktop \[runs\]\s+verdict/);
    expect(table).toMatch(/\/knelpunten\s+139\.5\s+141\.0\s+31\.2\/20\s+75 \[75 74 76\]\s+88\s+96 \[96 97 95\]\s+OVER: RSC 31\.2 KB > 20 KB; mobile 75 < bare 88 − 3/);
    expect(table).toMatch(/\n\/\s+133\.0\s+141\.0\s+3\.0\s+–\s+–\s+–\s+ok$/);
  });
});

describe('bench:pages script parsing', () => {
  it('finds scripts, skips data blocks and marks nomodule', () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script type="application/ld+json">{"a":1}</script>' +
      '<script nomodule="" src="/p.js"></script><script>self.__next_f.push([1,"x"])</script><script>other()</script>';
    expect(scriptTags(html)).toEqual([
      { src: '/_next/a.js', inline: undefined, nomodule: false },
      { src: '/p.js', inline: undefined, nomodule: true },
      { src: undefined, inline: 'self.__next_f.push([1,"x"])', nomodule: false },
      { src: undefined, inline: 'other()', nomodule: false },
    ]);
    // Only the RSC payload scripts count as RSC data.
    expect(rscBytes(scriptTags(html))).toBe(gzipSync('self.__next_f.push([1,"x"])').length);
    expect(rscBytes(scriptTags('<script>other()</script>'))).toBe(0);
  });

  it('compresses inline scripts together, as they travel in the HTML, so splitting the payload costs nothing', () => {
    const chunk = `self.__next_f.push([1,${JSON.stringify('<article class="mt-6 rounded border p-4">Knelpunt</article>'.repeat(40))}])`;
    const split = scriptTags(`<script>${chunk}</script>`.repeat(6));
    const whole = scriptTags(`<script>${chunk.repeat(6)}</script>`);
    expect(rscBytes(split)).toBe(rscBytes(whole));
    expect(rscBytes(split)).toBeLessThan(6 * gzipSync(chunk).length);
    // External files are not inline bytes.
    expect(inlineBytes(scriptTags('<script src="/a.js"></script>'))).toBe(0);
  });
});

describe('bench:pages flags', () => {
  it('scores without the framework only when asked, and then blocks every script file Next serves', () => {
    expect(parseArgs([]).withoutJs).toBe(false);
    expect(parseArgs(['--without-js', '--runs=2', '--no-desktop'])).toMatchObject({ withoutJs: true, runs: 2, desktop: false });
    expect(() => parseArgs(['--without-javascript'])).toThrow(/unknown flag --without-javascript/);

    const url = 'http://127.0.0.1:3000/knelpunten';
    const plain = lighthouseArgs(url, { desktop: false, blockScripts: false });
    expect(plain[0]).toBe(url);
    expect(plain.some((a) => a.startsWith('--blocked-url-patterns'))).toBe(false);
    const blocked = lighthouseArgs(url, { desktop: false, blockScripts: true });
    const pattern = blocked.find((a) => a.startsWith('--blocked-url-patterns='))?.split('=')[1] ?? '';
    // Chrome's blocked-URL patterns: `*` matches any run of characters, the rest literally.
    const matches = (u: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.?+^$()[\]{}|\\/]/g, '\\$&')).join('.*')}$`).test(u);
    expect(matches('http://127.0.0.1:3000/_next/static/chunks/33f5jnums5dcy.js')).toBe(true);
    expect(matches('http://127.0.0.1:3000/_next/static/chunks/turbopack-077hmtqrhcoji.js')).toBe(true);
    // The page and its stylesheet still load.
    expect(matches('http://127.0.0.1:3000/_next/static/chunks/0fflm2dtuyb8v.css')).toBe(false);
    expect(matches(url)).toBe(false);
    expect(lighthouseArgs(url, { desktop: true, blockScripts: false })).toContain('--preset=desktop');
  });
});
