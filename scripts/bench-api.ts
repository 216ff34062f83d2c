// `npm run bench:api`: load test of the plan JSON API against the production
// build, on its own fresh database, with autocannon on this machine.
//
//   1. builds with `npm run build` unless .next is newer than every source
//      file (--build forces a build, --no-build never builds);
//   2. applies the migrations to a new SQLite file in a temporary folder and
//      starts the server as `npm start` does (scripts/serve.mjs: one `next start`
//      worker per core) on a free port (rate limits off: RATE_LIMIT_DISABLED=1);
//   3. runs each case for 10 s with 50 connections, one after the other:
//        GET /api/health                  the floor: Next + one SELECT 1
//        GET /api/plannen/<id>            a realistic plan (16 needs, 24 lines) with totals
//        GET /api/plannen/~               404 before any database or cache work: Next's own cost
//        PUT /api/plannen/<id>, own plan  50 writers, each saving its own plan
//        PUT /api/plannen/<id>, one plan  50 writers on ONE plan, retrying on 412
//      Every PUT carries the version it saves on (If-Match): a writer takes the
//      new version from each 200, and from the ETag of each 412.
//   4. prints req/s, p50 and p99 side by side and checks the targets:
//        reads  (GET plan)        >= 1000 req/s and p99 < 50 ms
//        saves  (PUT, own plan)   >= 200 accepted saves/s, no error, no 412
//        no lost update (both PUT cases): every plan's final version equals
//        1 + the saves that were answered 200 for it; no 5xx, no socket error.
//      The one-plan case has no rate target: of 50 writers on one version only
//      one can win each round (the rest get 412 by design); it shows what
//      contention costs and proves that nothing is lost under it.
//   Exits 1 when a target is missed.
//
// Options: --duration=<s> (default 10), --connections=<n> (default 50),
//          --build / --no-build, --json=<file> (also write the results as JSON),
//          --cases=health,read,floor,save,shared (a subset, e.g. to profile one case).
// Environment: WEB_CONCURRENCY=<n> server workers (default: one per core, as
//          `npm start`); BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
//          passes node flags to the server and its workers (to profile them).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k ?? '', v ?? 'true'] as const;
  }),
);
const DURATION = Number(args.get('duration') ?? 10);
/** Which cases to run (all by default): health, read, save (own plan per writer), shared (one plan). */
const CASES = new Set((args.get('cases') ?? 'health,read,floor,save,shared').split(','));
const CONNECTIONS = Number(args.get('connections') ?? 50);
const TARGETS = { readRps: 1000, readP99: 50, saveRps: 200 };

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
  const sources = ['app', 'components', 'lib', 'content', 'public', 'prisma', 'proxy.ts', 'next.config.mjs', 'package.json', 'tsconfig.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  return statSync(buildId).mtimeMs > newest;
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, argv, { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (${result.status ?? result.signal})`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

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

/** A realistic plan body: every need filled, 24 lines over catalogue and custom sources. */
function planBody(sources: { slug: string; looptijd: string; kostensoorten: string[] }[], seed: number): string {
  const needs = CATEGORIES.flatMap((costCategory, c) => YEARS.map((year, y) => ({ costCategory, year, amount: 50_000 + c * 10_000 + y * 1_000 + seed })));
  const lines = Array.from({ length: 24 }, (_, i) => {
    const year = YEARS[i % YEARS.length] ?? 2025;
    if (i % 8 === 7) {
      return { costCategory: 'proceskosten', customSourceName: 'Lokaal fonds', year, amount: 5_000 + i, looptijd: 'tijdelijk', status: 'aangevraagd', note: 'Eigen bron' };
    }
    const source = sources[i % sources.length];
    if (!source) throw new Error('the catalogue has no sources');
    return {
      costCategory: source.kostensoorten[0] ?? 'interventies',
      sourceSlug: source.slug,
      year,
      amount: 10_000 * (i + 1) + seed,
      looptijd: source.looptijd === 'beide' ? 'structureel' : source.looptijd,
      status: (['idee', 'aangevraagd', 'toegezegd', 'afgewezen'] as const)[i % 4],
      ...(i % 4 === 3 ? { rejectionReason: 'Past niet in de regeling' } : {}),
      note: `Regel ${i + 1}`,
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
  /** CPU of this process (autocannon) during the case: near 100 means the client, not the server, was the limit. */
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

function fromAutocannon(name: string, r: autocannon.Result): CaseResult {
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

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
  const result = await cannon({ url: base, duration: DURATION + 60, setupClient }, (instance) => {
    stop = () => instance.stop();
  });
  clearTimeout(timer);
  if (drained < clients) console.log(`   ${name}: ${clients - drained} writer(s) still waiting for a PUT after the run`);
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
    errors: result.errors + result.timeouts,
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
  const databaseUrl = `file:${path.join(dir, 'bench.db')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_DISABLED: '1',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  run(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], env);

  const port = await freePort();
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
  const failures: string[] = [];
  const results: CaseResult[] = [];
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
    // Warm up every route (JIT, Prisma's query plans) before measuring.
    await cannon({ url: `${base}/api/plannen/${readPlan.id}`, duration: 2 });
    await cannon({ url: `${base}/api/health`, duration: 1 });

    console.log(`== ${CONNECTIONS} connections, ${DURATION} s per case`);
    const pid = server.pid;
    if (CASES.has('health')) {
      results.push(await measured(pid, async () => fromAutocannon('GET /api/health', await cannon({ url: `${base}/api/health` }))));
    }
    if (CASES.has('read')) {
      results.push(
        await measured(pid, async () => fromAutocannon('GET /api/plannen/<id>', await cannon({ url: `${base}/api/plannen/${readPlan.id}` }))),
      );
    }
    if (CASES.has('floor')) {
      // The same route with an id that cannot exist: 404 before any database
      // or cache work. What Next itself costs per request, for comparison.
      const floor = await measured(pid, async () => fromAutocannon('GET /api/plannen/~ (404, Next zelf)', await cannon({ url: `${base}/api/plannen/~` })));
      floor.note = '404 by design: no database, no cache';
      results.push(floor);
    }

    // Versions are read from the database file itself, not through the app
    // (whose GET answers come from a cache): the check must not trust the code it checks.
    const direct = createClient({ url: databaseUrl });
    const storedVersion = async (plan: Plan): Promise<number> => {
      const result = await direct.execute({ sql: 'SELECT "version" FROM "Plan" WHERE "id" = ?', args: [plan.id] });
      return Number(result.rows[0]?.version);
    };
    const startVersions = new Map<string, number>();
    for (const plan of [...ownPlans, sharedPlan]) startVersions.set(plan.id, await storedVersion(plan));
    const body = (_plan: Plan, version: number) => planBody(catalogue, version % 1000);

    const saveCases: [string, Awaited<ReturnType<typeof saveCase>>, Plan[]][] = [];
    if (CASES.has('save')) {
      const own = await measured(pid, () =>
        saveCase('PUT /api/plannen/<id> (eigen plan)', base, (i) => ownPlans[i % ownPlans.length] ?? sharedPlan, (plan) => startVersions.get(plan.id) ?? 2, body),
      );
      own.note = `${own.conflicts} × 412`;
      if (own.conflicts > 0) failures.push('eigen plan: 412 where every writer had the current version');
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
      if (lost > 0) failures.push(`${label}: lost or phantom updates`);
      if (c.others.size > 0 || c.errors > 0) failures.push(`${label}: unexpected statuses or socket errors (${others}; ${c.errors} errors)`);
    }
    direct.close();
  } finally {
    await stopServer(server);
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
  console.log('(PUT rows: req/s = accepted saves per second; p50/p99 over every PUT response.');
  console.log(' srv/cli CPU% = CPU used by the server / by autocannon in this process (100 = one core);');
  console.log(' load = 1-minute load average after the case: above ~2.5 other processes were competing for the 2 cores.)');

  const health = results.find((r) => r.name === 'GET /api/health');
  const read = results.find((r) => r.name === 'GET /api/plannen/<id>');
  const save = results.find((r) => r.name.startsWith('PUT') && r.name.includes('eigen plan'));
  if (health && (health.non2xx > 0 || health.errors > 0)) failures.push('health: errors');
  if (read && read.rps < TARGETS.readRps) failures.push(`reads: ${read.rps.toFixed(0)} req/s < ${TARGETS.readRps}`);
  if (read && !(read.p99 < TARGETS.readP99)) failures.push(`reads: p99 ${read.p99} ms >= ${TARGETS.readP99} ms`);
  if (read && (read.non2xx > 0 || read.errors > 0)) failures.push('reads: errors');
  if (save && save.rps < TARGETS.saveRps) failures.push(`saves: ${save.rps.toFixed(0)} accepted/s < ${TARGETS.saveRps}`);

  const json = args.get('json');
  if (json && json !== 'true') writeFileSync(json, JSON.stringify({ connections: CONNECTIONS, duration: DURATION, results, failures }, null, 2));

  console.log('');
  console.log(`targets: reads >= ${TARGETS.readRps}/s and p99 < ${TARGETS.readP99} ms; saves >= ${TARGETS.saveRps}/s, no error, no lost update`);
  if (failures.length > 0) {
    console.log(`MISSED:\n  - ${failures.join('\n  - ')}`);
    process.exitCode = 1;
  } else {
    console.log(CASES.size === 4 ? 'all targets met' : `all targets met for the cases run (${[...CASES].join(', ')})`);
  }

  async function loadSources() {
    // Imported here so the bench starts without parsing content/ when the build fails.
    const { loadContentDir } = await import('../lib/content/parse');
    const content = loadContentDir(path.join(ROOT, 'content'));
    return content.financieringsbronnen.map(({ slug, looptijd, kostensoorten }) => ({ slug, looptijd, kostensoorten }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
