// `npm run bench:pages`: the page budgets of issue 10 (section 4), measured
// against the framework's floor in the same run.
//
// 1. Builds this app (`npm run build`) and a bare Next.js page with the same
//    Next.js and React (an app/layout + app/page with one heading, in
//    .bench/bare, using this project's node_modules), and serves ours as
//    `npm start` does (scripts/serve.mjs, one worker: content pages without
//    the framework's scripts, scripts/content-pages.cjs) and the bare page
//    with `next start`.
// 2. Per route: the gzipped JavaScript a modern browser loads on first load,
//    every <script> in the HTML, external files (each gzipped) and inline
//    scripts (gzipped together, as they travel in the HTML), without
//    `nomodule`; the inline RSC payload (`self.__next_f.push` scripts, data
//    for React rather than code) separately.
// 3. Lighthouse (the npm package, in Debian's Chromium): mobile performance
//    score, N runs (default 3) per route, bare page and ours interleaved so
//    that noise on this shared machine hits both; desktop preset likewise.
// 4. Prints one table (scripts/bench-pages-verdict.ts decides) plus the
//    medians of the metrics behind the scores, and exits 1 over budget.
//
// Everything heavy runs under /tmp/heavy.lock, which the script takes itself
// (do not wrap it in `flock /tmp/heavy.lock` too: that would wait forever).
// BENCH_LOCK=<path> chooses another lock file, BENCH_LOCK= (empty) none.
//
// Flags: --no-lighthouse (sizes only), --runs N, --no-desktop, --no-build
// (reuse .next and .bench/bare), --save DIR (keep every Lighthouse JSON),
// --without-js (also score each route with the framework's scripts blocked:
// what the page's own HTML and CSS cost, a diagnostic outside the budgets).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, verdict, verdictTable, type RouteMeasure } from './bench-pages-verdict';
import { freePort } from './free-port';

/** Every content route: the JavaScript and RSC budgets apply to each. */
const ROUTES = [
  '/',
  '/wegwijzer',
  '/wegwijzer?wet=jeugdwet&niveau=selectief',
  '/wegwijzer?q=kraamzorg&kosten=interventies',
  '/wetten/jeugdwet',
  '/bronnen',
  '/bronnen/spuk-kansrijke-start',
  '/interventies',
  '/interventies/voorzorg',
  '/knelpunten',
  '/knelpunten/eigen-bijdrage-kraamzorg',
  '/voorbeelden',
  '/voorbeelden/gelderland-midden',
];
/** The routes the issue scores with Lighthouse. */
const LIGHTHOUSE_ROUTES = ['/', '/wegwijzer', '/wegwijzer?wet=jeugdwet&niveau=selectief', '/knelpunten', '/interventies/voorzorg'];
const BARE = '(bare Next.js page)';
/** The name of a --without-js target: the route, scored with the framework's scripts blocked. */
const withoutJs = (route: string) => `${route} (no JS)`;
/**
 * Every script file Next serves (the framework, React and the app's chunks).
 * Lighthouse blocks them in the browser (`--blocked-url-patterns`), so the page
 * loads as without JavaScript; the inline RSC scripts still run but only queue
 * data that nothing reads.
 */
const SCRIPT_FILES = '*/_next/static/*.js';

const ROOT = process.cwd();
const BARE_DIR = path.join(ROOT, '.bench', 'bare');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const LIGHTHOUSE_BIN = path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

const gz = (text: string | Uint8Array) => gzipSync(text).length;

export type ScriptTag = { src?: string; inline?: string; nomodule: boolean };

/** The <script> tags of an HTML document (a parse good enough for Next's own output). */
export function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(re)) {
    const attrs = m[1] ?? '';
    const type = /\btype="([^"]*)"/i.exec(attrs)?.[1];
    // JSON-LD and other data blocks are not JavaScript.
    if (type && !/javascript|module/i.test(type)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    tags.push({ src, inline: src ? undefined : (m[2] ?? ''), nomodule: /\bnomodule\b/i.test(attrs) });
  }
  return tags;
}

/**
 * Gzipped bytes of inline scripts, compressed together: they travel in one gzip stream inside the HTML, and Next
 * splits the same payload into a different number of scripts for a prerendered page than for a rendered one
 * (compressed one by one, /knelpunten's 21 KB of RSC data counted as 27 KB).
 */
export function inlineBytes(tags: ScriptTag[]): number {
  const text = tags.filter((t) => !t.nomodule && !t.src).map((t) => t.inline ?? '').join('');
  return text ? gz(text) : 0;
}

/** Gzipped bytes of the inline RSC payload: Next's `self.__next_f.push(...)` scripts. */
export function rscBytes(tags: ScriptTag[]): number {
  return inlineBytes(tags.filter((t) => /^\s*\(?self\.__next_f\b/.test(t.inline ?? '')));
}

async function waitFor(url: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${url}`);
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    // Build output goes to stderr, so stdout holds only the results.
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Holds an flock(1) lock until release() or until this process ends (the holder's stdin closes). */
async function takeLock(file: string): Promise<() => void> {
  if (!file) return () => {};
  const holder = spawn('flock', [file, 'sh', '-c', 'echo locked; read _'], { stdio: ['pipe', 'pipe', 'inherit'] });
  console.error(`waiting for ${file} ...`);
  await new Promise<void>((resolve, reject) => {
    holder.on('error', reject);
    holder.on('exit', (code) => reject(new Error(`flock exited with ${code}`)));
    holder.stdout.once('data', () => resolve());
  });
  holder.removeAllListeners('exit');
  return () => holder.stdin.end();
}

/** The bare page: the framework's floor. An empty next.config stops Next from finding ours in the folder above. */
function writeBareApp() {
  mkdirSync(path.join(BARE_DIR, 'app'), { recursive: true });
  writeFileSync(path.join(BARE_DIR, 'package.json'), '{ "name": "bench-bare", "private": true }\n');
  writeFileSync(path.join(BARE_DIR, 'next.config.mjs'), 'export default {};\n');
  writeFileSync(
    path.join(BARE_DIR, 'app', 'layout.jsx'),
    'export default function RootLayout({ children }) {\n  return (\n    <html lang="nl">\n      <body>{children}</body>\n    </html>\n  );\n}\n',
  );
  writeFileSync(path.join(BARE_DIR, 'app', 'page.jsx'), 'export default function Page() {\n  return <h1>Kale Next.js-pagina</h1>;\n}\n');
}

/** Ours through scripts/serve.mjs (as `npm start`, with one worker), the bare page with a plain `next start`. */
function startServer(dir: string, port: number, how: 'serve' | 'next-start'): ChildProcess {
  const args = ['-p', String(port), '-H', '127.0.0.1'];
  const command = how === 'serve' ? [path.join(dir, 'scripts', 'serve.mjs'), ...args] : [NEXT_BIN, 'start', dir, ...args];
  const child = spawn(process.execPath, command, {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WEB_CONCURRENCY: '1' },
  });
  children.add(child);
  return child;
}

async function measureJs(base: string, route: string, fileCache: Map<string, number>) {
  const res = await fetch(base + route);
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status}`);
  const tags = scriptTags(await res.text()).filter((t) => !t.nomodule);
  // External files one by one (each its own response), inline scripts together. The inline RSC payload is data,
  // counted on its own: the JavaScript figures (bare 131 KB, `/` 134 KB) are without it.
  const rsc = (t: ScriptTag) => /^\s*\(?self\.__next_f\b/.test(t.inline ?? '');
  let jsBytes = inlineBytes(tags.filter((t) => !rsc(t)));
  for (const tag of tags) {
    if (!tag.src) continue;
    const url = new URL(tag.src, base).toString();
    if (!fileCache.has(url)) fileCache.set(url, gz(new Uint8Array(await (await fetch(url)).arrayBuffer())));
    jsBytes += fileCache.get(url) ?? 0;
  }
  return { jsBytes, rscBytes: rscBytes(tags) };
}

type LighthouseRun = { score: number; metrics: Record<string, number> };

/** Metrics kept per run (numericValue, ms unless noted): what the score is made of, and where the time goes. */
const METRICS: Record<string, string> = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'speed-index': 'SI',
  'cumulative-layout-shift': 'CLS',
  'server-response-time': 'TTFB',
  'bootup-time': 'JS boot',
  'mainthread-work-breakdown': 'main thread',
  'dom-size': 'DOM nodes',
  'total-byte-weight': 'bytes',
};

type Audit = { numericValue?: number; details?: { items?: { url?: string; resourceType?: string; transferSize?: number }[] } };
type LighthouseJson = { categories?: { performance?: { score?: number | null } }; audits?: Record<string, Audit> };

/** Children to end with this script (servers, a running Lighthouse). */
const children = new Set<ChildProcess>();

/** One Lighthouse run: the preset, whether the framework's scripts are blocked (--without-js), where to keep the JSON. */
type LighthouseOptions = { desktop: boolean; blockScripts: boolean; saveTo: string | null };

/** Lighthouse on a busy machine sometimes fails to record a trace (NO_NAVSTART): such a run is repeated, twice at most. */
async function lighthouse(url: string, options: LighthouseOptions): Promise<LighthouseRun> {
  let result = await lighthouseOnce(url, options);
  for (let retry = 0; retry < 2 && !Number.isFinite(result.score); retry++) result = await lighthouseOnce(url, options);
  return result;
}

/** The Lighthouse CLI's arguments for one run (after the CLI's own path). */
export function lighthouseArgs(url: string, { desktop, blockScripts }: Pick<LighthouseOptions, 'desktop' | 'blockScripts'>): string[] {
  return [
    url,
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance',
    '--quiet',
    // Not scored; they only make the JSON large.
    '--skip-audits=full-page-screenshot,screenshot-thumbnails,final-screenshot',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
    ...(desktop ? ['--preset=desktop'] : []),
    ...(blockScripts ? [`--blocked-url-patterns=${SCRIPT_FILES}`] : []),
  ];
}

async function lighthouseOnce(url: string, options: LighthouseOptions): Promise<LighthouseRun> {
  const args = [LIGHTHOUSE_BIN, ...lighthouseArgs(url, options)];
  const saveTo = options.saveTo;
  const chunks: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    });
    children.add(child);
    child.on('exit', () => children.delete(child));
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  if (code !== 0 || !text.trim().startsWith('{')) {
    console.error(`lighthouse ${url} failed (exit ${code})`);
    return { score: NaN, metrics: {} };
  }
  if (saveTo) writeFileSync(saveTo, text);
  const report = JSON.parse(text) as LighthouseJson;
  const score = report.categories?.performance?.score;
  const metrics: Record<string, number> = {};
  for (const [id, label] of Object.entries(METRICS)) metrics[label] = report.audits?.[id]?.numericValue ?? NaN;
  // Where the time goes beyond the metrics: the HTML (with its inline RSC payload), requests before the first
  // paint, and router prefetches (each response is processed on the main thread while Lighthouse watches).
  const requests = report.audits?.['network-requests']?.details?.items ?? [];
  metrics['HTML KB'] = (requests.find((r) => r.resourceType === 'Document')?.transferSize ?? NaN) / 1024;
  metrics['blocking req'] = report.audits?.['render-blocking-resources']?.details?.items?.length ?? 0;
  metrics['prefetches'] = requests.filter((r) => /[?&]_rsc=/.test(r.url ?? '')).length;
  return { score: typeof score === 'number' ? Math.round(score * 100) : NaN, metrics };
}

export function parseArgs(argv: string[]) {
  const opts = { lighthouse: true, desktop: true, build: true, withoutJs: false, runs: 3, save: null as string | null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-lighthouse') opts.lighthouse = false;
    else if (a === '--no-desktop') opts.desktop = false;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--without-js') opts.withoutJs = true;
    else if (a === '--runs' || a?.startsWith('--runs=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      opts.runs = Number(v);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`--runs needs a positive whole number, got ${v}`);
    } else if (a === '--save' || a?.startsWith('--save=')) {
      opts.save = (a.includes('=') ? a.split('=')[1] : argv[++i]) ?? null;
    } else throw new Error(`unknown flag ${a} (known: --no-lighthouse --no-desktop --no-build --without-js --runs N --save DIR)`);
  }
  return opts;
}

function metricsTable(runs: Map<string, LighthouseRun[]>): string {
  const labels = [...Object.values(METRICS), 'HTML KB', 'blocking req', 'prefetches'];
  const header = ['route (mobile, medians)', ...labels];
  const rows = [...runs].map(([route, rs]) => [
    route,
    ...labels.map((l) => {
      const m = median(rs.map((r) => r.metrics[l] ?? NaN));
      if (!Number.isFinite(m)) return 'n/a';
      return l === 'CLS' ? m.toFixed(3) : l === 'bytes' ? `${(m / 1024).toFixed(0)}K` : l === 'HTML KB' ? m.toFixed(1) : m.toFixed(0);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const release = await takeLock(process.env.BENCH_LOCK ?? '/tmp/heavy.lock');
  // Ctrl-C or a kill ends the servers and a running Lighthouse too, not only this script.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const c of children) c.kill('SIGTERM');
      release();
      process.exit(130);
    });
  }
  try {
    if (opts.build) {
      await run('npm', ['run', 'build']);
      writeBareApp();
      await run(process.execPath, [NEXT_BIN, 'build', BARE_DIR], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    }
    const [ourPort, barePort] = [await freePort(), await freePort()];
    const ours = `http://127.0.0.1:${ourPort}`;
    const bare = `http://127.0.0.1:${barePort}`;
    startServer(ROOT, ourPort, 'serve');
    startServer(BARE_DIR, barePort, 'next-start');
    await Promise.all([waitFor(`${ours}/`), waitFor(`${bare}/`)]);

    const cache = new Map<string, number>();
    const floorJs = await measureJs(bare, '/', cache);
    const measures: RouteMeasure[] = [];
    for (const route of ROUTES) measures.push({ route, ...(await measureJs(ours, route, cache)) });

    const floor: { jsBytes: number; mobile?: number[]; desktop?: number[] } = { jsBytes: floorJs.jsBytes };
    const mobileRuns = new Map<string, LighthouseRun[]>();
    /** --without-js: mobile scores per route with the framework's scripts blocked. */
    const scriptless = new Map<string, number[]>();
    if (opts.lighthouse) {
      if (opts.save) mkdirSync(opts.save, { recursive: true });
      type Target = { name: string; url: string; blockScripts: boolean };
      const targets: Target[] = [
        { name: BARE, url: `${bare}/`, blockScripts: false },
        ...LIGHTHOUSE_ROUTES.flatMap((r) => [
          { name: r, url: ours + r, blockScripts: false },
          ...(opts.withoutJs ? [{ name: withoutJs(r), url: ours + r, blockScripts: true }] : []),
        ]),
      ];
      const scores = () => new Map(targets.map(({ name }) => [name, [] as number[]]));
      const mobile = scores();
      const desktop = scores();
      for (const { name } of targets) mobileRuns.set(name, []);
      const presets: ('mobile' | 'desktop')[] = opts.desktop ? ['mobile', 'desktop'] : ['mobile'];
      for (const preset of presets) {
        // Round-robin: run i of every target before run i + 1 of any.
        for (let i = 0; i < opts.runs; i++) {
          // The diagnostic runs are mobile only: the desktop budget is met with the scripts.
          for (const { name, url, blockScripts } of targets.filter((t) => preset === 'mobile' || !t.blockScripts)) {
            const file = opts.save ? path.join(opts.save, `${preset}-${i + 1}-${name.replace(/[^a-z0-9]+/gi, '_')}.json`) : null;
            const result = await lighthouse(url, { desktop: preset === 'desktop', blockScripts, saveTo: file });
            (preset === 'mobile' ? mobile : desktop).get(name)?.push(result.score);
            if (preset === 'mobile') mobileRuns.get(name)?.push(result);
            console.error(`${preset} run ${i + 1}/${opts.runs} ${name}: ${result.score}`);
          }
        }
      }
      floor.mobile = mobile.get(BARE);
      if (opts.withoutJs) for (const r of LIGHTHOUSE_ROUTES) scriptless.set(r, mobile.get(withoutJs(r)) ?? []);
      if (opts.desktop) floor.desktop = desktop.get(BARE);
      for (const m of measures) {
        if (!LIGHTHOUSE_ROUTES.includes(m.route)) continue;
        m.mobile = mobile.get(m.route);
        if (opts.desktop) m.desktop = desktop.get(m.route);
      }
    }

    const rows = verdict(floor, measures);
    console.log(`Bare Next.js page (floor): ${(floor.jsBytes / 1024).toFixed(1)} KB gzipped JS` +
      (floor.mobile ? `, mobile ${median(floor.mobile)} [${floor.mobile.join(' ')}]` : '') +
      (floor.desktop ? `, desktop ${median(floor.desktop)} [${floor.desktop.join(' ')}]` : ''));
    console.log(verdictTable(rows));
    if (scriptless.size > 0) {
      // Not a budget: where the points go. A route that scores like the bare page without the
      // framework's scripts loses its points to running them on this page, not to its HTML and CSS.
      console.log('\nMobile with the framework\'s scripts blocked (--without-js; diagnostic, no budget):');
      for (const [route, s] of scriptless) console.log(`  ${route}: ${median(s)} [${s.join(' ')}]`);
    }
    if (mobileRuns.size > 0) console.log(`\n${metricsTable(mobileRuns)}`);
    console.log(
      '\nKB = 1024 bytes gzipped. JS: every script on first load (files + inline, no nomodule) except the inline RSC ' +
        'payload; RSC: the `self.__next_f.push` scripts. Scores: Lighthouse performance, mobile (default) and desktop preset.',
    );
    if (rows.some((r) => r.misses.length > 0)) {
      console.error('At least one route is over budget.');
      process.exitCode = 1;
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    release();
  }
}

if (process.argv[1]?.endsWith('bench-pages.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
