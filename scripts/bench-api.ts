// `npm run bench:api`: load test of the plan JSON API against the production
// build, on its own fresh database, with load generators on this machine (GETs:
// the lean client of scripts/http-get-load.ts; PUTs: autocannon). All traffic
// goes to 127.0.0.1.
//
//   1. builds with `npm run build` unless .next is newer than every source
//      file (--build forces a build, --no-build never builds);
//   2. applies the migrations to a new SQLite file in a temporary folder and
//      starts the server as `npm start` does (scripts/serve.mjs: one `next start`
//      worker per core) on 127.0.0.1 (rate limits off: RATE_LIMIT_DISABLED=1);
//   3. seeds realistic plans over four years (2025–2028): 16 needs (4 cost
//      categories × 4 years) and 24 funding lines, each with an amount in every
//      one of the four years; then runs, with 50 connections:
//        GET /api/health                  the health check, mostly answered from its
//                                         1-second cache (lib/health-server.ts; for information)
//        GET /api/plannen/~               the floor: the same route answering 404
//                                         before any database or cache work
//        GET /api/plannen/<id>            the four-year plan with totals
//        PUT /api/plannen/<id>, own plan  50 writers, each saving its own plan
//        PUT /api/plannen/<id>, one plan  50 writers on ONE plan, retrying on 412
//      The floor and the read are measured interleaved, in 32 slices of an
//      eighth of the duration (each gets twice the duration in all) ordered by
//      the Thue–Morse sequence (`sliceOrder`), so a change in the machine's
//      load during the run, and the servers' periodic garbage collection, weigh
//      on both alike. Every PUT carries the version it saves on
//      (If-Match): a writer takes the new version from each 200, and from the
//      ETag of each 412.
//   4. prints the cases and a table of the targets (see `verdict`), each with
//      the measured value, the target and the ratio. The read targets are
//      ratios to the floor measured in the same run, because absolute times on
//      these 2-core machines move with whatever else runs on them:
//        plan reads  req/s >= 0.85 × the floor's req/s
//                    p99   <= 1.25 × the floor's p99
//        saves (PUT, own plan) >= 200 accepted/s
//        no lost update (both PUT cases): every plan's final version equals
//          1 + the saves that were answered 200 for it (read from the database file);
//        no save error: no 5xx or other unexpected status, no socket error, no
//          412 where the writer had the current version (own plan).
//      The one-plan case has no rate target: of 50 writers on one version only
//      one can win each round (the rest get 412 by design); it shows what
//      contention costs and proves that nothing is lost under it.
//   Exit status: 0 when every target of the cases run is met; 1 when one is
//   missed (only these targets decide); 2 when the bench itself could not run
//   (build, server start, seeding, or the whole run overran its time limit).
//
// Options: --duration=<s> (default 10, per case), --connections=<n> (default 50),
//          --port=<n> (default: a free port chosen by the OS, outside 3000–3600),
//          --build / --no-build, --json=<file> (also write the results as JSON),
//          --cases=health,read,floor,save,shared (a subset, e.g. to profile one
//          case; read always brings floor along, its targets need it),
//          --database=postgresql://user:pass@host:port/db: run on PostgreSQL
//          instead of a temporary SQLite file. The bench creates a fresh
//          database next to the named one (the role needs CREATEDB), migrates
//          it as `npm start` would, and drops it afterwards; the named database
//          itself is not touched.
// Environment: WEB_CONCURRENCY=<n> server workers (default: one per core, as
//          `npm start`); BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
//          passes node flags to the server and its workers (to profile them).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetLoad } from './http-get-load';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';
import pg from 'pg';
import { isPostgresUrl } from '../lib/env-database';
import { freePort } from './free-port';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'] as const;
  }),
);
const DURATION = Number(args.get('duration') ?? 10);
/** Which cases to run (all by default): health, read (+ floor), floor, save (own plan per writer), shared (one plan). */
const CASES = new Set((args.get('cases') ?? 'health,read,floor,save,shared').split(','));
if (CASES.has('read')) CASES.add('floor');
const CONNECTIONS = Number(args.get('connections') ?? 50);
const PORT = args.has('port') ? Number(args.get('port')) : null;

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

/**
 * The targets (issue 9). Reads are measured against the floor of the same
 * run: the same route answering 404 before any database or cache work, i.e.
 * what Next itself costs per request on this machine at this moment.
 */
export const TARGETS = {
  /** plan reads per second >= readRpsRatio × the floor's. */
  readRpsRatio: 0.85,
  /** plan read p99 <= readP99Ratio × the floor's p99. */
  readP99Ratio: 1.25,
  /** accepted saves per second (50 writers, each on its own plan). */
  saveRps: 200,
} as const;

/** What `verdict` needs of a GET case: its rate, p99 and how many answers were not the expected status. */
export type GetFigures = { rps: number; p99: number; unexpected: number; errors: number };
/** What `verdict` needs of the PUT cases. */
export type SaveFigures = {
  /** accepted saves per second in the own-plan case (undefined when that case was not run). */
  rps?: number;
  /** plans whose final version is not start + accepted saves, over both PUT cases. */
  lostUpdates: number;
  /** 5xx and other unexpected statuses, socket errors and timeouts, 412s in the own-plan case. */
  errors: number;
};

export type TargetRow = {
  name: string;
  measured: number;
  /** The floor's value in the same run, when the target is relative to it. */
  floor: number | null;
  /** The bound the measured value must meet (absolute, i.e. ratio × floor when relative). */
  bound: number;
  comparison: '>=' | '<=';
  /** How the bound is made, for the table: e.g. '0.85 × floor'. */
  rule: string;
  /** measured / floor for relative targets, measured / bound for absolute ones; null for counts. */
  ratio: number | null;
  met: boolean;
  note?: string;
};

/**
 * The targets as rows, and whether each is met. Pure: the unit test checks it.
 * A read target counts as missed when the comparison is not sound: a read
 * that was not answered 200, a floor request not answered 404, or a socket
 * error on either (a fast error is not throughput).
 */
export function verdict(input: { read?: GetFigures; floor?: GetFigures; save?: SaveFigures }): TargetRow[] {
  const rows: TargetRow[] = [];
  const { read, floor, save } = input;
  if (read && floor) {
    const unsound = [
      read.unexpected + read.errors > 0 ? `${read.unexpected + read.errors} read(s) not answered 200` : '',
      floor.unexpected + floor.errors > 0 ? `${floor.unexpected + floor.errors} floor request(s) not answered 404` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const rpsRatio = read.rps / floor.rps;
    const p99Ratio = read.p99 / floor.p99;
    rows.push({
      name: 'plan reads, req/s',
      measured: read.rps,
      floor: floor.rps,
      bound: TARGETS.readRpsRatio * floor.rps,
      comparison: '>=',
      rule: `${TARGETS.readRpsRatio} × floor`,
      ratio: rpsRatio,
      met: !unsound && Number.isFinite(rpsRatio) && rpsRatio >= TARGETS.readRpsRatio,
      ...(unsound ? { note: unsound } : {}),
    });
    rows.push({
      name: 'plan reads, p99 ms',
      measured: read.p99,
      floor: floor.p99,
      bound: TARGETS.readP99Ratio * floor.p99,
      comparison: '<=',
      rule: `${TARGETS.readP99Ratio} × floor`,
      ratio: p99Ratio,
      met: !unsound && Number.isFinite(p99Ratio) && p99Ratio <= TARGETS.readP99Ratio,
      ...(unsound ? { note: unsound } : {}),
    });
  }
  if (save) {
    if (save.rps !== undefined) {
      rows.push({
        name: 'saves (own plan), accepted/s',
        measured: save.rps,
        floor: null,
        bound: TARGETS.saveRps,
        comparison: '>=',
        rule: String(TARGETS.saveRps),
        ratio: save.rps / TARGETS.saveRps,
        met: save.rps >= TARGETS.saveRps,
      });
    }
    rows.push({ name: 'saves, lost updates (plans)', measured: save.lostUpdates, floor: null, bound: 0, comparison: '<=', rule: '0', ratio: null, met: save.lostUpdates === 0 });
    rows.push({ name: 'saves, errors', measured: save.errors, floor: null, bound: 0, comparison: '<=', rule: '0', ratio: null, met: save.errors === 0 });
  }
  return rows;
}

/** The rows as a fixed-width table. */
export function targetTable(rows: TargetRow[]): string {
  const fmt = (n: number | null, digits: number) =>
    n === null || !Number.isFinite(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const digits = (row: TargetRow) => (row.name.includes('ms') ? 1 : 0);
  const head = ['target', 'measured', 'floor', 'required', 'ratio', ''];
  const body = rows.map((r) => [
    r.name,
    fmt(r.measured, digits(r)),
    fmt(r.floor, digits(r)),
    r.floor === null ? `${r.comparison} ${r.rule}` : `${r.comparison} ${r.rule} = ${fmt(r.bound, digits(r))}`,
    r.ratio === null ? '–' : `${fmt(r.ratio, 2)}${r.floor === null ? '' : ' × floor'}`,
    (r.met ? 'met' : 'MISSED') + (r.note ? ` (${r.note})` : ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// Build, database, server
// ---------------------------------------------------------------------------

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsFresh(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const sources = ['app', 'components', 'lib', 'content', 'public', 'prisma', 'proxy.ts', 'next.config.ts', 'package.json', 'tsconfig.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  return statSync(buildId).mtimeMs > newest;
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, argv, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${result.status ?? result.signal})`);
}

/** With --port: refuse a port something else listens on (its health check would answer for our server). */
async function assertPortFree(port: number): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port=${port} is not a port`);
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', () => reject(new Error(`port ${port} is in use on 127.0.0.1; choose another --port`)));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** The server of this run, stopped on an error or when the run overruns its limit. */
let activeServer: ChildProcess | undefined;

async function waitForHealth(base: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not become healthy');
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.pid === undefined) return resolve();
    server.once('exit', () => resolve());
    // The server runs in its own process group (detached): stop it and only it.
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        if (server.pid !== undefined) process.kill(-server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000).unref();
  });
}

// ---------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------

type Plan = { id: string; secret: string };

async function createPlan(base: string, n: number): Promise<Plan> {
  const res = await fetch(`${base}/api/plannen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ municipality: `Benchgemeente ${n}`, title: `Benchplan ${n}`, startYear: 2025, endYear: 2028 }),
  });
  if (res.status !== 201) throw new Error(`POST /api/plannen: ${res.status} ${await res.text()}`);
  const body: unknown = await res.json();
  if (!body || typeof body !== 'object' || !('id' in body) || !('editSecret' in body)) throw new Error('unexpected POST response');
  return { id: String(body.id), secret: String(body.editSecret) };
}

const CATEGORIES = ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'];
const YEARS = [2025, 2026, 2027, 2028];

/**
 * A realistic four-year plan body: 16 needs (every cost category in every
 * year) and 24 funding lines over catalogue and custom sources, each line with
 * an amount in each of the four years.
 */
function planBody(sources: { slug: string; looptijd: string; kostensoorten: string[] }[], seed: number): string {
  const needs = CATEGORIES.flatMap((costCategory, c) => YEARS.map((year, y) => ({ costCategory, year, amount: 50_000 + c * 10_000 + y * 1_000 + seed })));
  const amounts = (base: number) => YEARS.map((year, y) => ({ year, amount: base + y * 500 }));
  const lines = Array.from({ length: 24 }, (_, i) => {
    if (i % 8 === 7) {
      return { costCategory: 'proceskosten', customSourceName: 'Lokaal fonds', looptijd: 'tijdelijk', status: 'aangevraagd', note: 'Eigen bron', amounts: amounts(5_000 + i) };
    }
    const source = sources[i % sources.length];
    if (!source) throw new Error('the catalogue has no sources');
    return {
      costCategory: source.kostensoorten[0] ?? 'interventies',
      sourceSlug: source.slug,
      looptijd: source.looptijd === 'beide' ? 'structureel' : source.looptijd,
      status: (['idee', 'aangevraagd', 'toegezegd', 'afgewezen'] as const)[i % 4],
      ...(i % 4 === 3 ? { rejectionReason: 'Past niet in de regeling' } : {}),
      note: `Regel ${i + 1}`,
      amounts: amounts(10_000 * (i + 1) + seed),
    };
  });
  return JSON.stringify({ needs, lines });
}

async function savePlanOnce(base: string, plan: Plan, version: number, body: string): Promise<void> {
  const res = await fetch(`${base}/api/plannen/${plan.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.secret}`, 'if-match': `"${version}"` },
    body,
  });
  if (res.status !== 200) throw new Error(`seeding PUT: ${res.status} ${await res.text()}`);
}

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

/**
 * CPU seconds the server has used: every process of its process group (the
 * primary of scripts/serve.mjs and its workers), from Linux /proc (clock
 * ticks of 1/100 s). Shown per case: a server below ~95 % per worker was
 * waiting (or starved by other processes on this machine), not CPU-bound.
 */
function serverCpuSeconds(pgid: number | undefined): number | null {
  if (pgid === undefined) return null;
  let ticks = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? ticks / 100 : null;
}

async function measured<T extends CaseResult>(pid: number | undefined, run: () => Promise<T>): Promise<T> {
  const cpu0 = serverCpuSeconds(pid);
  const own0 = process.cpuUsage();
  const t0 = Date.now();
  const result = await run();
  const seconds = (Date.now() - t0) / 1000;
  const cpu1 = serverCpuSeconds(pid);
  if (cpu0 !== null && cpu1 !== null) result.serverCpu = ((cpu1 - cpu0) / seconds) * 100;
  const own = process.cpuUsage(own0);
  result.clientCpu = ((own.user + own.system) / 1e6 / seconds) * 100;
  result.load = loadavg()[0];
  return result;
}

type CaseResult = {
  serverCpu?: number;
  /** CPU of this process (the load generator) during the case: near 100 means the client, not the server, was the limit. */
  clientCpu?: number;
  load?: number;
  name: string;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  note?: string;
};

async function cannon(opts: autocannon.Options, onStart?: (instance: autocannon.Instance) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    // A generous timeout: a request the client gives up on may still be
    // committed by the server, and then nobody could tell whether it counted.
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, timeout: 30, ...opts }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
    onStart?.(instance);
  });
}

/** One GET route measured in several slices (floor and read interleave); the slices are pooled. */
type GetSeries = {
  name: string;
  path: string;
  /** The status every answer must have (200 for the plan, 404 for the floor). */
  expect: number;
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
  seconds: number;
  wallSeconds: number;
  serverCpuSeconds: number | null;
  clientCpuSeconds: number;
};

function getSeries(name: string, path: string, expect: number): GetSeries {
  return { name, path, expect, latencies: [], statuses: new Map(), errors: 0, seconds: 0, wallSeconds: 0, serverCpuSeconds: 0, clientCpuSeconds: 0 };
}

/**
 * The order of the floor (a) and read (b) slices: 32 slices following the
 * Thue–Morse sequence (abba baab baab abba …), 16 of each.
 *
 * Why not a plain repeated pattern: each worker's major garbage collection
 * comes about every 10 s under this load, in both workers at once (their heaps
 * grow alike), and the earlier design (four rounds of floor–read–read–floor,
 * 2.5 s per slice, 10 s per round) met it at the same place in every round.
 * Printed per slice (2026-12-03), the first read slice of each round had a p99
 * of 150–166 ms and every other slice 56–109 ms, so the pooled read p99 came
 * out 1.6–2.0 × the floor's while the two routes cost the server the same.
 * The Thue–Morse order gives both routes every position of every period of 2,
 * 4, 8 … slices equally often, and is the classic balanced order against a
 * drifting or periodic disturbance.
 */
export function sliceOrder<T>(a: T, b: T): T[] {
  return Array.from({ length: 32 }, (_, n) => (popcount(n) % 2 === 0 ? a : b));
}

function popcount(n: number): number {
  let bits = 0;
  for (let v = n; v > 0; v >>= 1) bits += v & 1;
  return bits;
}

/** One slice of a GET series: `seconds` of load, every response's status and time recorded. */
async function getSlice(pid: number | undefined, load: GetLoad, series: GetSeries, seconds: number): Promise<void> {
  const cpu0 = serverCpuSeconds(pid);
  const own0 = process.cpuUsage();
  const t0 = Date.now();
  // The lean client of scripts/http-get-load.ts, not autocannon: see there why.
  const result = await load.run(series.path, seconds);
  for (const ms of result.latencies) series.latencies.push(ms);
  for (const [status, n] of result.statuses) series.statuses.set(status, (series.statuses.get(status) ?? 0) + n);
  series.seconds += result.seconds;
  series.wallSeconds += (Date.now() - t0) / 1000;
  series.errors += result.errors;
  const cpu1 = serverCpuSeconds(pid);
  series.serverCpuSeconds = cpu0 !== null && cpu1 !== null && series.serverCpuSeconds !== null ? series.serverCpuSeconds + (cpu1 - cpu0) : null;
  const own = process.cpuUsage(own0);
  series.clientCpuSeconds += (own.user + own.system) / 1e6;
}

function fromSeries(series: GetSeries): CaseResult & { unexpected: number } {
  const latencies = [...series.latencies].sort((a, b) => a - b);
  let ok = 0;
  let unexpected = 0;
  for (const [status, n] of series.statuses) {
    if (status >= 200 && status < 300) ok += n;
    if (status !== series.expect) unexpected += n;
  }
  return {
    name: series.name,
    rps: latencies.length / series.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok,
    non2xx: latencies.length - ok,
    errors: series.errors,
    unexpected,
    ...(series.serverCpuSeconds === null ? {} : { serverCpu: (series.serverCpuSeconds / series.wallSeconds) * 100 }),
    clientCpu: (series.clientCpuSeconds / series.wallSeconds) * 100,
    load: loadavg()[0],
  };
}

/** Status and ETag version of the response a client is reading, from the parser's header event. */
function readHeaderEvent(info: unknown): { status: number; etag: number | null } {
  if (!info || typeof info !== 'object' || !('statusCode' in info) || !('headers' in info)) return { status: 0, etag: null };
  const status = typeof info.statusCode === 'number' ? info.statusCode : 0;
  const raw = Array.isArray(info.headers) ? info.headers : [];
  let etag: number | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (String(raw[i]).toLowerCase() === 'etag') {
      const n = Number(String(raw[i + 1]).replace(/"/g, ''));
      etag = Number.isInteger(n) ? n : null;
    }
  }
  return { status, etag };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Saves under load. Each autocannon client (connection) gets a writer: it
 * keeps the version it will save on and sets If-Match before every request.
 * `plansFor(i)` gives client i its plan (own plans, or the same one for all).
 * After DURATION seconds every writer switches to GET /api/health (drain):
 * PUTs still in flight complete and are counted, so the lost-update check is
 * exact. PUT statistics are therefore our own (every PUT response's time).
 */
async function saveCase(
  name: string,
  base: string,
  plansFor: (client: number) => Plan,
  startVersion: (plan: Plan) => number,
  bodyFor: (plan: Plan, version: number) => string,
): Promise<CaseResult & { accepted: Map<string, number>; conflicts: number; others: Map<number, number> }> {
  const latencies: number[] = [];
  const accepted = new Map<string, number>();
  const others = new Map<number, number>();
  let conflicts = 0;
  let putErrors = 0;
  let otherErrors = 0;
  let draining = false;
  let clients = 0;
  // The newest version anyone has seen, per plan: a writer that got 412 continues from it.
  const latest = new Map<string, number>();

  let drained = 0;
  // The rate counts saves answered within DURATION; the lost-update check counts all.
  let acceptedInWindow = 0;
  let stop: (() => void) | undefined;
  const setupClient = (client: autocannon.Client) => {
    const plan = plansFor(clients++);
    if (!latest.has(plan.id)) latest.set(plan.id, startVersion(plan));
    let version = latest.get(plan.id) ?? 1;
    let inFlight: 'put' | 'get' = 'put';
    let etag: number | null = null;
    let status = 0;
    const putRequest = (): autocannon.Request => ({
      method: 'PUT',
      path: `/api/plannen/${plan.id}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.secret}`, 'if-match': `"${version}"` },
      body: bodyFor(plan, version),
    });
    // Each connection first does one GET /api/health (not counted). Measured:
    // when 50 fresh connections each open with a 5 kB PUT at the same moment,
    // Next starts some of those handlers only seconds later (the handlers
    // themselves stay under a second), which says something about opening
    // 50 connections at once, not about saving.
    let warm = false;
    client.setRequests([{ method: 'GET', path: '/api/health' }]);
    client.on('headers', (info: unknown) => {
      ({ status, etag } = readHeaderEvent(info));
    });
    // A socket error or timeout counts against the saves only while a PUT is in
    // flight; one on the uncounted GETs before and after is reported apart.
    const onError = () => {
      if (warm && inFlight === 'put') putErrors += 1;
      else otherErrors += 1;
    };
    // autocannon's client emits these, its types do not list them.
    const events = client as unknown as NodeJS.EventEmitter;
    events.on('connError', onError);
    events.on('timeout', onError);
    client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
      if (!warm) {
        warm = true;
        client.setRequests([putRequest()]);
        return;
      }
      if (inFlight === 'get') return;
      latencies.push(responseTime);
      const code = statusCode || status;
      if (code === 200) {
        accepted.set(plan.id, (accepted.get(plan.id) ?? 0) + 1);
        if (!draining) acceptedInWindow += 1;
        version = etag ?? version + 1;
      } else if (code === 412) {
        conflicts += 1;
        version = etag ?? version;
      } else {
        others.set(code, (others.get(code) ?? 0) + 1);
      }
      const known = Math.max(version, latest.get(plan.id) ?? 0);
      latest.set(plan.id, known);
      version = known;
      if (draining) {
        inFlight = 'get';
        client.setRequests([{ method: 'GET', path: '/api/health' }]);
        // Every writer has had the answer to its last PUT: the count is exact.
        if (++drained === clients) stop?.();
      } else {
        client.setRequests([putRequest()]);
      }
    });
  };

  const timer = setTimeout(() => (draining = true), DURATION * 1000);
  // Runs until every writer has drained (or a hard limit of a minute more).
  await cannon({ url: base, duration: DURATION + 60, setupClient }, (instance) => {
    stop = () => instance.stop();
  });
  clearTimeout(timer);
  if (drained < clients) console.log(`   ${name}: ${clients - drained} writer(s) still waiting for a PUT after the run`);
  if (otherErrors > 0) console.log(`   ${name}: ${otherErrors} socket error(s) on the uncounted GET /api/health before or after the PUTs`);
  const putSeconds = DURATION;
  latencies.sort((a, b) => a - b);
  const totalAccepted = [...accepted.values()].reduce((a, b) => a + b, 0);
  return {
    name,
    rps: acceptedInWindow / putSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ok: totalAccepted,
    non2xx: conflicts + [...others.values()].reduce((a, b) => a + b, 0),
    errors: putErrors,
    accepted,
    conflicts,
    others,
  };
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const force = args.get('build') === 'true';
  const skip = args.get('no-build') === 'true';
  if (force || (!skip && !buildIsFresh())) {
    console.log('== npm run build (.next is missing or older than the sources)');
    run('npm', ['run', 'build']);
  } else {
    console.log('== reusing .next (newer than every source file)');
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-bench-api-'));
  const store = await benchDatabase(dir);
  const databaseUrl = store.url;
  // A bounded run: server start (<= 60 s), seeding, warm-up, 6 × the duration
  // of load and up to a minute of drain per PUT case fit well within this.
  const limitSeconds = 300 + 8 * DURATION;
  const watchdog = setTimeout(() => {
    console.error(`the run took longer than ${limitSeconds} s; stopping the server`);
    void (activeServer ? stopServer(activeServer) : Promise.resolve()).then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(2);
    });
  }, limitSeconds * 1000);
  watchdog.unref();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_DISABLED: '1',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  run(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], env);

  const port = PORT ?? (await freePort());
  if (PORT !== null) await assertPortFree(PORT);
  const base = `http://127.0.0.1:${port}`;
  // What `npm start` runs after the migrations: one `next start` worker per
  // core (WEB_CONCURRENCY overrides). BENCH_SERVER_NODE_ARGS are node flags
  // for the server; cluster workers inherit them (e.g. "--cpu-prof").
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, 'scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  activeServer = server;
  const results: CaseResult[] = [];
  const figures: Parameters<typeof verdict>[0] = {};
  let saveRps: number | undefined;
  let load: GetLoad | undefined;
  let lostUpdates = 0;
  let saveErrors = 0;
  try {
    await waitForHealth(base);
    console.log(`== next start on ${base}, database ${env.DATABASE_URL}`);

    // The catalogue's sources, through the app itself (the bench never reads content/ on its own).
    const catalogue = await loadSources();
    const readPlan = await createPlan(base, 0);
    await savePlanOnce(base, readPlan, 1, planBody(catalogue, 0));
    const sharedPlan = await createPlan(base, 1);
    await savePlanOnce(base, sharedPlan, 1, planBody(catalogue, 1));
    const ownPlans: Plan[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const plan = await createPlan(base, 100 + i);
      await savePlanOnce(base, plan, 1, planBody(catalogue, i));
      ownPlans.push(plan);
    }
    const readBytes = (await (await fetch(`${base}/api/plannen/${readPlan.id}`)).arrayBuffer()).byteLength;
    console.log(`== the read plan's GET body: ${readBytes} bytes of JSON`);
    // Every GET case on the same CONNECTIONS keep-alive connections (closed in `finally`).
    load = new GetLoad(new URL(base), CONNECTIONS);
    // Warm up every route (JIT, Prisma's query plans) before measuring.
    await load.run(`/api/plannen/${readPlan.id}`, 2);
    await load.run('/api/plannen/~', 1);
    await load.run('/api/health', 1);

    console.log(`== ${CONNECTIONS} connections, ${DURATION} s per case`);
    const pid = server.pid;
    if (CASES.has('health')) {
      const health = getSeries('GET /api/health', '/api/health', 200);
      await getSlice(pid, load, health, DURATION);
      results.push(fromSeries(health));
    }
    if (CASES.has('floor')) {
      // The same route with an id that cannot exist: 404 before any database
      // or cache work, i.e. what Next itself costs per request. With the read,
      // interleaved (sliceOrder): drift in the machine's load (other processes
      // on these 2 cores) and periodic pauses then weigh on both alike.
      const floor = getSeries('GET /api/plannen/~ (404, the floor)', '/api/plannen/~', 404);
      const read = getSeries('GET /api/plannen/<id> (four-year plan)', `/api/plannen/${readPlan.id}`, 200);
      const order = CASES.has('read') ? sliceOrder(floor, read) : Array.from({ length: 16 }, () => floor);
      for (const series of order) await getSlice(pid, load, series, DURATION / 8);
      const floorResult = fromSeries(floor);
      floorResult.note = '404 by design: no database, no cache';
      results.push(floorResult);
      figures.floor = { rps: floorResult.rps, p99: floorResult.p99, unexpected: floorResult.unexpected, errors: floorResult.errors };
      if (CASES.has('read')) {
        const readResult = fromSeries(read);
        readResult.note = `${readBytes} bytes of JSON`;
        results.push(readResult);
        figures.read = { rps: readResult.rps, p99: readResult.p99, unexpected: readResult.unexpected, errors: readResult.errors };
      }
    }

    load.close(); // the PUT cases use autocannon's own connections

    // Versions are read from the database itself, not through the app
    // (whose GET answers come from a cache): the check must not trust the code it checks.
    const direct = await store.direct();
    const storedVersion = (plan: Plan): Promise<number> => direct.version(plan.id);
    const startVersions = new Map<string, number>();
    for (const plan of [...ownPlans, sharedPlan]) startVersions.set(plan.id, await storedVersion(plan));
    const body = (_plan: Plan, version: number) => planBody(catalogue, version % 1000);

    const saveCases: [string, Awaited<ReturnType<typeof saveCase>>, Plan[]][] = [];
    if (CASES.has('save')) {
      const own = await measured(pid, () =>
        saveCase('PUT /api/plannen/<id> (eigen plan)', base, (i) => ownPlans[i % ownPlans.length] ?? sharedPlan, (plan) => startVersions.get(plan.id) ?? 2, body),
      );
      own.note = `${own.conflicts} × 412`;
      // Every writer had the current version of its own plan: a 412 here is an error.
      saveErrors += own.conflicts;
      saveRps = own.rps;
      results.push(own);
      saveCases.push(['eigen plan', own, ownPlans]);
    }
    if (CASES.has('shared')) {
      const shared = await measured(pid, () =>
        saveCase('PUT /api/plannen/<id> (één plan, 412 → opnieuw)', base, () => sharedPlan, (plan) => startVersions.get(plan.id) ?? 2, body),
      );
      shared.note = `${shared.conflicts} × 412 (verwacht)`;
      results.push(shared);
      saveCases.push(['één plan', shared, [sharedPlan]]);
    }

    // No lost update: each plan's version went up by exactly the number of 200s it got.
    for (const [label, c, plans] of saveCases) {
      let lost = 0;
      for (const plan of plans) {
        const expected = (startVersions.get(plan.id) ?? 0) + (c.accepted.get(plan.id) ?? 0);
        const actual = await storedVersion(plan);
        if (actual !== expected) {
          lost += 1;
          console.log(`   ${label}: plan ${plan.id} has version ${actual}, expected ${expected}`);
        }
      }
      const others = [...c.others.entries()].map(([st, n]) => `${n} × ${st}`).join(', ');
      console.log(
        `== ${label}: ${c.ok} saves accepted, ${c.conflicts} × 412, other statuses: ${others || 'none'}, ` +
          `versions ${lost === 0 ? 'all equal start + accepted saves (no lost update)' : `WRONG for ${lost} plan(s)`}`,
      );
      lostUpdates += lost;
      saveErrors += [...c.others.values()].reduce((a, b) => a + b, 0) + c.errors;
    }
    await direct.close();
    if (saveCases.length > 0) figures.save = { ...(saveRps === undefined ? {} : { rps: saveRps }), lostUpdates, errors: saveErrors };
  } finally {
    load?.close();
    await stopServer(server);
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  }

  // Report
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–').padStart(9);
  console.log('');
  console.log(
    `${pad('case', 50)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'2xx'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(9)}${'srv CPU%'.padStart(10)}${'cli CPU%'.padStart(10)}${'load'.padStart(7)}  note`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.name, 50)}${num(r.rps)}${num(r.p50, 1)}${num(r.p99, 1)}${num(r.ok)}${num(r.non2xx)}${num(r.errors)}${num(r.serverCpu ?? NaN).padStart(10)}${num(r.clientCpu ?? NaN).padStart(10)}${(r.load ?? NaN).toFixed(1).padStart(7)}  ${r.note ?? ''}`,
    );
  }
  console.log(`(store: ${store.label}. PUT rows: req/s = accepted saves per second; p50/p99 over every PUT response.`);
  console.log(' srv/cli CPU% = CPU used by the server / by the load generator in this process (100 = one core);');
  console.log(' load = 1-minute load average after the case: above ~2.5 other processes were competing for the 2 cores.)');

  const rows = verdict(figures);
  const missed = rows.filter((r) => !r.met);
  console.log('');
  console.log(`targets (${CONNECTIONS} connections, ${DURATION} s per case; reads relative to the floor of this run):`);
  console.log(targetTable(rows));

  const busiest = Math.max(...results.map((r) => r.load ?? 0));
  if (busiest > availableParallelism() + 0.5) {
    console.log(
      `note: the 1-minute load average reached ${busiest.toFixed(1)} on ${availableParallelism()} cores: other processes competed for the CPU. ` +
        'The read targets are relative to the floor of this run; the save rate is absolute and suffers most.',
    );
  }

  const json = args.get('json');
  if (json && json !== 'true') {
    writeFileSync(
      json,
      JSON.stringify(
        { date: new Date().toISOString(), cores: availableParallelism(), loadMax: busiest, connections: CONNECTIONS, duration: DURATION, targets: TARGETS, results, verdict: rows, met: missed.length === 0 },
        null,
        2,
      ),
    );
  }

  console.log('');
  if (missed.length > 0) {
    console.log(`MISSED: ${missed.map((r) => r.name).join('; ')}`);
    process.exitCode = 1;
  } else if (rows.length === 0) {
    console.log('no target applies to the cases run');
  } else {
    console.log(CASES.has('read') && CASES.has('save') && CASES.has('shared') ? 'all targets met' : `all targets met for the cases run (${[...CASES].join(', ')})`);
  }

  async function loadSources() {
    // Imported here so the bench starts without parsing content/ when the build fails.
    const { loadContentDir } = await import('../lib/content/parse');
    const content = loadContentDir(path.join(ROOT, 'content'));
    return content.financieringsbronnen.map(({ slug, looptijd, kostensoorten }) => ({ slug, looptijd, kostensoorten }));
  }
}

/**
 * The database of this run: a temporary SQLite file, or with
 * --database=postgresql://… a fresh database on that server. `direct` reads a
 * plan's version without the app.
 */
async function benchDatabase(dir: string): Promise<{
  url: string;
  label: string;
  direct: () => Promise<{ version: (id: string) => Promise<number>; close: () => Promise<void> }>;
  drop: () => Promise<void>;
}> {
  const named = args.get('database');
  if (named === undefined || named === 'true' || named.startsWith('file:')) {
    const url = named?.startsWith('file:') ? named : `file:${path.join(dir, 'bench.db')}`;
    return {
      url,
      label: 'SQLite',
      direct: async () => {
        const client = createClient({ url });
        return {
          version: async (id) => Number((await client.execute({ sql: 'SELECT "version" FROM "Plan" WHERE "id" = ?', args: [id] })).rows[0]?.version),
          close: async () => client.close(),
        };
      },
      drop: async () => undefined,
    };
  }
  if (!isPostgresUrl(named)) throw new Error('--database takes a file: or postgresql:// URL');
  const name = `wegwijzer_bench_${process.pid}_${Date.now()}`;
  const url = new URL(named);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: named });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
  await admin.end();
  return {
    url: url.toString(),
    label: `PostgreSQL ${version}, pool ${process.env.DATABASE_POOL_SIZE ?? '5'} per worker`,
    direct: async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return {
        version: async (id) => Number((await client.query('SELECT "version" FROM "Plan" WHERE "id" = $1', [id])).rows[0]?.version),
        close: () => client.end(),
      };
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: named });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

// Run only as a script (`tsx scripts/bench-api.ts`), not when a unit test imports `verdict`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch(async (error: unknown) => {
    // fetch's own message ("fetch failed") hides the reason in `cause`.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(error instanceof Error ? `${error.message}${cause}` : error);
    if (activeServer) await stopServer(activeServer);
    // 2: the bench could not measure (1 is reserved for a missed target).
    process.exit(2);
  });
}
