// The budgets of `npm run bench:pages` (issue 10, section 4) and the verdict
// over one run's measurements. Pure: scripts/bench-pages.ts measures, this
// decides, tests/unit/bench-pages-verdict.test.ts checks the decisions.

/** First-load JavaScript may exceed the bare Next.js page of the same run by this much (KB gzipped). */
export const JS_MARGIN_KB = 10;
/** Inline RSC data (`self.__next_f.push` scripts, gzipped) on these paths, whatever their query. */
export const RSC_LIMIT_KB = 20;
export const RSC_LIMITED_PATHS = ['/wegwijzer', '/knelpunten'];
/** A route's mobile Lighthouse median may be at most this many points below the bare page's median. */
export const MOBILE_MARGIN = 3;
/** Desktop preset: an absolute floor, as the issue sets it. */
export const DESKTOP_MIN = 95;

const KB = 1024;

export type RouteMeasure = {
  route: string;
  /** Gzipped bytes of every script a modern browser runs on first load (files + inline, no nomodule), without the RSC payload. */
  jsBytes: number;
  /** Gzipped bytes of the inline RSC payload scripts (`self.__next_f.push`). */
  rscBytes: number;
  /** Lighthouse performance scores 0–100, one per run; absent when Lighthouse was skipped for the route. */
  mobile?: number[];
  desktop?: number[];
};

export type Floor = { jsBytes: number; mobile?: number[]; desktop?: number[] };

export type RouteVerdict = {
  route: string;
  jsKb: number;
  jsLimitKb: number;
  rscKb: number;
  /** null: no RSC limit on this route. */
  rscLimitKb: number | null;
  mobile: number[] | null;
  mobileMedian: number | null;
  bareMedian: number | null;
  desktop: number[] | null;
  desktopMedian: number | null;
  /** Why the route misses its budgets; empty when it meets them all. */
  misses: string[];
};

/** The median; NaN for no values or when any value is not a number (a failed Lighthouse run). */
export function median(values: number[]): number {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? NaN) + hi) / 2;
}

const pathOf = (route: string) => route.split('?')[0] ?? route;

export function verdict(floor: Floor, routes: RouteMeasure[]): RouteVerdict[] {
  const jsLimitKb = floor.jsBytes / KB + JS_MARGIN_KB;
  const bareMedian = floor.mobile ? median(floor.mobile) : null;
  return routes.map((r) => {
    const misses: string[] = [];
    const jsKb = r.jsBytes / KB;
    const rscKb = r.rscBytes / KB;
    // A floor of 0 means the bare page was not measured: nothing to compare with.
    if (!(floor.jsBytes > 0)) misses.push('no JavaScript floor measured');
    else if (jsKb > jsLimitKb) misses.push(`JS ${jsKb.toFixed(1)} KB > floor + ${JS_MARGIN_KB} = ${jsLimitKb.toFixed(1)} KB`);
    const rscLimitKb = RSC_LIMITED_PATHS.includes(pathOf(r.route)) ? RSC_LIMIT_KB : null;
    if (rscLimitKb !== null && rscKb > rscLimitKb) misses.push(`RSC ${rscKb.toFixed(1)} KB > ${rscLimitKb} KB`);
    let mobileMedian: number | null = null;
    if (r.mobile) {
      mobileMedian = median(r.mobile);
      if (!Number.isFinite(mobileMedian)) misses.push('mobile score not measured');
      else if (bareMedian === null || !Number.isFinite(bareMedian)) misses.push('bare page mobile score not measured');
      else if (bareMedian - mobileMedian > MOBILE_MARGIN)
        misses.push(`mobile ${mobileMedian} < bare ${bareMedian} − ${MOBILE_MARGIN}`);
    }
    let desktopMedian: number | null = null;
    if (r.desktop) {
      desktopMedian = median(r.desktop);
      if (!Number.isFinite(desktopMedian)) misses.push('desktop score not measured');
      else if (desktopMedian < DESKTOP_MIN) misses.push(`desktop ${desktopMedian} < ${DESKTOP_MIN}`);
    }
    return {
      route: r.route,
      jsKb,
      jsLimitKb,
      rscKb,
      rscLimitKb,
      mobile: r.mobile ?? null,
      mobileMedian,
      bareMedian: r.mobile ? bareMedian : null,
      desktop: r.desktop ?? null,
      desktopMedian,
      misses,
    };
  });
}

const fmt = (n: number | null, digits = 0) => (n === null ? '–' : Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** The table `npm run bench:pages` prints: one row per route, its numbers beside their bounds. */
export function verdictTable(rows: RouteVerdict[]): string {
  const header = ['route', 'JS KB', 'floor+10', 'RSC KB', 'mobile median [runs]', 'bare', 'desktop [runs]', 'verdict'];
  const body = rows.map((r) => [
    r.route,
    fmt(r.jsKb, 1),
    fmt(r.jsLimitKb, 1),
    r.rscLimitKb === null ? fmt(r.rscKb, 1) : `${fmt(r.rscKb, 1)}/${r.rscLimitKb}`,
    r.mobile ? `${fmt(r.mobileMedian)} [${r.mobile.map((s) => fmt(s)).join(' ')}]` : '–',
    fmt(r.bareMedian),
    r.desktop ? `${fmt(r.desktopMedian)} [${r.desktop.map((s) => fmt(s)).join(' ')}]` : '–',
    r.misses.length === 0 ? 'ok' : `OVER: ${r.misses.join('; ')}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}
