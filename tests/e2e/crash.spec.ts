import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import Database from 'libsql';
import { z } from 'zod';

// Crash test (issue 11 §8): kill -9 of the whole production server during
// concurrent saves loses no acknowledged save and leaves a sound database.
//
//   1. applies the migrations to a new SQLite file in a temporary folder and
//      starts the production server as `npm start` does (scripts/serve.mjs,
//      two `next start` workers) on a free port, in a process group of its own;
//   2. WRITERS writers each save their own plan in a loop (PUT with If-Match),
//      recording every version answered 200 and the body that made it;
//   3. once the writers have had a few dozen saves acknowledged (a random
//      number, so the kill lands at a different point of a save each time),
//      SIGKILL to the whole process group: no worker gets to finish or clean up;
//   4. restarts it on the same file (serve.mjs on a fresh port; the migrations
//      ran once before the first start) and checks, through the API and in the database file itself:
//        - every plan's version is its last acknowledged one, or one more when
//          a save was in flight at the kill (it may have committed without its
//          answer arriving); never less;
//        - the stored plan (API and rows) is exactly the body of that version;
//        - the revision of every acknowledged version holds what was sent;
//        - PRAGMA integrity_check says ok;
//   5. repeats from 2 (CYCLES times), then stops the server and checks the
//      integrity of the closed file once more.
//
// It runs on the build the suite's webServer just made (.next), beside the
// other specs. CI runs CRASH_CYCLES=2 (default); `npm run test:crash` runs 5.
// Environment: CRASH_CYCLES, CRASH_WRITERS (20), CRASH_MIN_ACKS (saves
// acknowledged in a cycle before the kill, at least; default 40).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CYCLES = positiveInt(process.env.CRASH_CYCLES, 2);
const WRITERS = positiveInt(process.env.CRASH_WRITERS, 20);
const MIN_ACKS = positiveInt(process.env.CRASH_MIN_ACKS, 40);

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

// ---------------------------------------------------------------------------
// HTTP: node:http with one keep-alive agent per server life, destroyed at the
// kill, so no request after a restart goes out on a socket of the dead server.
// ---------------------------------------------------------------------------

type Reply = { status: number; etag: string | undefined; body: string };

function call(agent: Agent, base: string, method: string, urlPath: string, headers: Record<string, string> = {}, body?: string, timeoutMs = 30_000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(urlPath, base),
      {
        method,
        agent,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: text }));
        res.on('error', reject);
      },
    );
    // A save on this machine takes milliseconds; 30 s means the server hangs.
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------
// Server: migrations + serve.mjs in a process group of its own.
// ---------------------------------------------------------------------------

/**
 * A free port below the kernel's ephemeral range. Why not port 0: that hands
 * out an ephemeral port, which the kernel gives to outgoing connections as soon
 * as our server is killed; on a busy machine one took it before the restart
 * could (EADDRINUSE). Each start gets a port of its own for the same reason.
 */
async function freePort(): Promise<number> {
  let low = 32_768;
  try {
    low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: the usual default
  }
  const from = 10_000;
  const to = Math.max(from + 1_000, low) - 1;
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from));
    // 3000–3600: where the suite's and developers' servers listen.
    if (port >= 3000 && port <= 3600) continue;
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port');
}

/** Whether any process of the group is still alive. Zombies (killed, not yet reaped by whoever inherited them) do not count: they cannot write. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc/self/stat')) return true;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
  }
  return false;
}

async function until(what: string, ms: number, check: () => boolean | Promise<boolean>, every = 100): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

type Server = { process: ChildProcess; pgid: number };

function migrate(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`migrate deploy failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}

type Started = Server & { base: string };

/**
 * Starts serve.mjs on a free port and waits for /api/health. Every server of
 * the run writes its stderr to `log` (attached to the report when the test
 * fails). A start that fails because the port was taken meanwhile (by any
 * process on the machine) is tried again on another port; any other failure
 * is the app's and fails the test.
 */
async function startServer(env: NodeJS.ProcessEnv, log: string[]): Promise<Started> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const started = await startOn(env, port, log);
    if (started.ok) return started.server;
    if (!started.portTaken || attempt >= 3) throw new Error(started.message);
    log.push(`--- port ${port} was taken meanwhile; starting on another\n`);
  }
}

type StartResult = { ok: true; server: Started } | { ok: false; portTaken: boolean; message: string };

async function startOn(env: NodeJS.ProcessEnv, port: number, log: string[]): Promise<StartResult> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/serve.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    // A process group of its own: kill(-pgid) reaches the primary and every worker, and nothing else.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the server did not start');
  const own: string[] = [];
  log.push(`--- server started on port ${port} (pid ${child.pid})\n`);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    own.push(chunk);
    log.push(chunk);
  });
  // 'close' comes after the last of stderr ('exit' may come before it).
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.on('exit', (code, signal) => log.push(`--- server ${child.pid} exited (${signal ?? `code ${code}`})\n`));
  const server = { process: child, pgid: child.pid, base };
  // Next says so on stderr, and serve.mjs then stops its other worker gracefully (seconds); no need to wait for that.
  const portTaken = () => own.some((chunk) => chunk.includes('EADDRINUSE'));
  const agent = new Agent({ keepAlive: false });
  try {
    await until('the server to answer /api/health', 90_000, async () => {
      if (child.exitCode !== null || child.signalCode !== null || portTaken()) return true;
      try {
        // A short timeout: while starting, the next poll is the better question.
        return (await call(agent, base, 'GET', '/api/health', {}, undefined, 2_000)).status === 200;
      } catch {
        return false; // not listening yet
      }
    }, 250);
  } catch (error) {
    await killGroup(server);
    throw error;
  } finally {
    agent.destroy();
  }
  if (child.exitCode === null && child.signalCode === null && !portTaken()) return { ok: true, server };
  await killGroup(server);
  await closed;
  const output = own.join('');
  return {
    ok: false,
    portTaken: portTaken(),
    message: `the server exited (${child.signalCode ?? `code ${child.exitCode}`}) while starting:\n${output}`,
  };
}

async function killGroup(server: Server, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  try {
    process.kill(-server.pgid, signal);
  } catch {
    // already gone
  }
  await until(`process group ${server.pgid} to end after ${signal}`, signal === 'SIGKILL' ? 15_000 : 30_000, () => !groupAlive(server.pgid));
}

// ---------------------------------------------------------------------------
// Plans: the body of each version is known from (writer, version), so every
// check compares with exactly what was sent.
// ---------------------------------------------------------------------------

const CATEGORIES = ['interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'] as const;
const NONCE = Math.random().toString(36).slice(2, 10);

type YearAmount = { year: number; amount: number };
type Expected = {
  title: string;
  needs: { costCategory: string; year: number; amount: number }[];
  lines: { id: string; costCategory: string; sourceSlug: null; customSourceName: string; looptijd: string; status: string; rejectionReason: null; note: string; amounts: YearAmount[] }[];
};

/** What writer w sends to make version v (v >= 2). Amounts > 0 and ascending, so the stored form equals the sent one. */
function bodyFor(w: number, v: number): Expected {
  return {
    title: `Crashtest ${w} versie ${v} ${NONCE}`,
    needs: CATEGORIES.map((costCategory, c) => ({ costCategory, year: 2026 + (c % 2), amount: v * 10 + c })),
    lines: Array.from({ length: 6 }, (_, i) => ({
      id: `r${i}`,
      costCategory: CATEGORIES[i % CATEGORIES.length] ?? 'interventies',
      sourceSlug: null,
      customSourceName: `Fonds ${i}`,
      looptijd: 'tijdelijk',
      status: 'idee',
      rejectionReason: null,
      note: `writer ${w}, versie ${v}, regel ${i}`,
      amounts: [
        { year: 2026, amount: v * 100 + i },
        { year: 2027, amount: v * 100 + i + 1 },
      ],
    })),
  };
}

function requestBody(e: Expected): string {
  return JSON.stringify({
    title: e.title,
    needs: e.needs,
    lines: e.lines.map(({ id, costCategory, customSourceName, looptijd, status, note, amounts }) => ({ id, costCategory, customSourceName, looptijd, status, note, amounts })),
  });
}

const sortNeeds = <T extends { costCategory: string; year: number }>(needs: T[]) =>
  [...needs].sort((a, b) => a.costCategory.localeCompare(b.costCategory) || a.year - b.year);

/** The stored state in the shape of Expected: only the fields the save wrote. */
const storedLine = z.object({
  id: z.string(),
  costCategory: z.string(),
  sourceSlug: z.string().nullable(),
  customSourceName: z.string().nullable(),
  looptijd: z.string(),
  status: z.string(),
  rejectionReason: z.string().nullable(),
  note: z.string().nullable(),
  amounts: z.array(z.object({ year: z.number(), amount: z.number() })),
});
const storedNeed = z.object({ costCategory: z.string(), year: z.number(), amount: z.number() });
const apiPlan = z.object({ plan: z.object({ title: z.string(), version: z.number() }), needs: z.array(storedNeed), lines: z.array(storedLine) });
const snapshot = z.object({ plan: z.object({ title: z.string() }), needs: z.array(storedNeed), lines: z.array(storedLine) });

function canonical(state: { title: string; needs: z.infer<typeof storedNeed>[]; lines: z.infer<typeof storedLine>[] }) {
  return {
    title: state.title,
    needs: sortNeeds(state.needs.map(({ costCategory, year, amount }) => ({ costCategory, year, amount }))),
    lines: state.lines.map(({ id, costCategory, sourceSlug, customSourceName, looptijd, status, rejectionReason, note, amounts }) => ({
      id,
      costCategory,
      sourceSlug,
      customSourceName,
      looptijd,
      status,
      rejectionReason,
      note,
      amounts,
    })),
  };
}

const canonicalExpected = (e: Expected) => canonical(e);

type Writer = {
  index: number;
  id: string;
  secret: string;
  /** Every version answered 200, ascending. Version 1 is the plan as created. */
  acked: number[];
  /** The version a PUT in flight at the kill would have made (its outcome unknown), else null. */
  inFlight: number | null;
  /** The version the next PUT sends in If-Match. */
  current: number;
};

const int = z.union([z.number(), z.bigint()]).transform(Number);

// ---------------------------------------------------------------------------

test('kill -9 of the server group during concurrent saves loses no acknowledged save', async () => {
  // Measured on a busy 2-core machine: migrations once (3–7 s); per cycle a
  // server start (2–12 s), saves until the kill (0.5–9 s) and the checks
  // (2–9 s). Generous, so a slow machine does not read as a failure.
  test.setTimeout(120_000 + CYCLES * 90_000);

  const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-crash-'));
  const file = path.join(dir, 'crash.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${file}`,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    // 20 plans from one client, and nothing here is about limits.
    RATE_LIMIT_DISABLED: '1',
    WEB_CONCURRENCY: '2',
  };
  let server: Started | undefined;
  const problems: string[] = [];
  const report: string[] = [];
  const log: string[] = [];
  let passed = false;
  const started = Date.now();
  const elapsed = () => `at ${((Date.now() - started) / 1000).toFixed(1)} s`;

  try {
    // Once, as a deployment does; a restart is serve.mjs alone (`npm start`
    // would run them again, a no-op that costs ~5 s of Prisma's CLI here).
    migrate(env);
    report.push(`migrations ${elapsed()}`);
    server = await startServer(env, log);
    report.push(`server up ${elapsed()}`);
    let base = server.base;
    let agent = new Agent({ keepAlive: true, maxSockets: WRITERS * 2 });

    const writers: Writer[] = await Promise.all(
      Array.from({ length: WRITERS }, async (_, i): Promise<Writer> => {
        const res = await call(agent, base, 'POST', '/api/plannen', {}, JSON.stringify({ municipality: `Crashstad ${i}`, title: `Crashtest ${i}`, startYear: 2026, endYear: 2027 }));
        expect(res.status, res.body).toBe(201);
        const created = z.object({ id: z.string(), editSecret: z.string() }).parse(JSON.parse(res.body));
        return { index: i, id: created.id, secret: created.editSecret, acked: [1], inFlight: null, current: 1 };
      }),
    );
    report.push(`${WRITERS} plans created ${elapsed()}`);

    /** Checks every writer's plan against what was acknowledged: in the file, then through the restarted server's API. */
    const check = async (cycle: number): Promise<void> => {
      const db = new Database(file, { readonly: true });
      try {
        const integrity = db.prepare('PRAGMA integrity_check').all();
        expect(integrity, `integrity_check after cycle ${cycle}`).toEqual([{ integrity_check: 'ok' }]);
        for (const w of writers) {
          const last = w.acked.at(-1) ?? 1;
          const row = z.object({ version: int, title: z.string() }).parse(db.prepare('SELECT "version", "title" FROM "Plan" WHERE "id" = ?').get(w.id));
          const stored = row.version;
          const allowed = w.inFlight === null ? [last] : [last, w.inFlight];
          if (!allowed.includes(stored)) {
            problems.push(`cycle ${cycle}: plan of writer ${w.index} has version ${stored}, acknowledged ${last}${w.inFlight === null ? '' : `, in flight ${w.inFlight}`}`);
            continue;
          }
          if (stored !== last) report.push(`writer ${w.index}: the save in flight at the kill (version ${stored}) had committed`);

          // The plan as stored: rows of the current version.
          if (stored >= 2) {
            const needs = db.prepare('SELECT "costCategory", "year", "amount" FROM "PlanNeed" WHERE "planId" = ?').all(w.id);
            const lines = db
              .prepare('SELECT "id", "costCategory", "sourceSlug", "customSourceName", "looptijd", "status", "rejectionReason", "note", "amounts" FROM "PlanLine" WHERE "planId" = ? ORDER BY "position"')
              .all(w.id);
            const fromRows = canonical({
              title: row.title,
              needs: z.array(z.object({ costCategory: z.string(), year: int, amount: int })).parse(needs),
              lines: z
                .array(storedLine.extend({ amounts: z.string().transform((s): unknown => JSON.parse(s)).pipe(storedLine.shape.amounts) }))
                .parse(lines),
            });
            expect(fromRows, `rows of writer ${w.index}'s plan at version ${stored}`).toEqual(canonicalExpected(bodyFor(w.index, stored)));
          }
          // Every acknowledged version (and a committed in-flight one) is in the history as sent.
          for (const v of [...w.acked, ...(stored !== last ? [stored] : [])]) {
            if (v < 2) continue;
            const rev = db.prepare('SELECT "snapshot" FROM "PlanRevision" WHERE "planId" = ? AND "version" = ?').get(w.id, v);
            const parsed = z.object({ snapshot: z.string() }).safeParse(rev);
            if (!parsed.success) {
              problems.push(`cycle ${cycle}: writer ${w.index}: acknowledged version ${v} has no revision`);
              continue;
            }
            const s = snapshot.parse(JSON.parse(parsed.data.snapshot));
            expect(canonical({ title: s.plan.title, needs: s.needs, lines: s.lines }), `revision ${v} of writer ${w.index}'s plan`).toEqual(
              canonicalExpected(bodyFor(w.index, v)),
            );
          }
          // The stored version becomes acknowledged history; the next cycle continues from it.
          if (stored !== last) w.acked.push(stored);
          w.inFlight = null;
          w.current = stored;
        }
      } finally {
        db.close();
      }

      // The API (the server started on the recovered file) answers the same version and content.
      const replies = await Promise.all(writers.map((w) => call(agent, base, 'GET', `/api/plannen/${w.id}`)));
      writers.forEach((w, i) => {
        const res = replies[i];
        expect(res?.status, res?.body).toBe(200);
        expect(res?.etag, `ETag of writer ${w.index}'s plan`).toBe(`"${w.current}"`);
        if (res && w.current >= 2) {
          const body = apiPlan.parse(JSON.parse(res.body));
          expect(canonical({ title: body.plan.title, needs: body.needs, lines: body.lines }), `GET of writer ${w.index}'s plan`).toEqual(
            canonicalExpected(bodyFor(w.index, w.current)),
          );
        }
      });
    };

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      let killed = false;
      let acksThisCycle = 0;
      // Random, so the kill falls at a different point of a save each cycle.
      const killAfter = MIN_ACKS + Math.floor(Math.random() * 2 * MIN_ACKS);
      const cycleAgent = agent;
      const cycleBase = base;

      const write = async (w: Writer): Promise<void> => {
        while (!killed) {
          const next = w.current + 1;
          w.inFlight = next;
          let res: Reply;
          try {
            res = await call(
              cycleAgent,
              cycleBase,
              'PUT',
              `/api/plannen/${w.id}`,
              { authorization: `Bearer ${w.secret}`, 'if-match': `"${w.current}"` },
              requestBody(bodyFor(w.index, next)),
            );
          } catch (error) {
            // After the kill a failed request is expected: its save may or may not have committed.
            if (!killed) problems.push(`cycle ${cycle}: writer ${w.index}: request failed before the kill: ${error instanceof Error ? error.message : String(error)}`);
            return;
          }
          if (res.status !== 200) {
            // Every writer has its own plan and the current version: anything but 200 is a fault.
            problems.push(`cycle ${cycle}: writer ${w.index}: PUT answered ${res.status}: ${res.body.slice(0, 300)}`);
            w.inFlight = null;
            return;
          }
          if (res.etag !== `"${next}"`) problems.push(`cycle ${cycle}: writer ${w.index}: 200 with ETag ${res.etag}, expected "${next}"`);
          w.acked.push(next);
          w.current = next;
          w.inFlight = null;
          acksThisCycle += 1;
        }
      };

      const running = Promise.all(writers.map(write));
      await until(`${killAfter} acknowledged saves in cycle ${cycle}`, 60_000, () => acksThisCycle >= killAfter || problems.length > 0, 5);
      killed = true;
      const live = server;
      await killGroup(live);
      cycleAgent.destroy();
      await running;
      report.push(`cycle ${cycle}: killed after ${acksThisCycle} acknowledged saves (${writers.filter((w) => w.inFlight !== null).length} in flight) ${elapsed()}`);
      expect(problems, 'faults during the saves').toEqual([]);

      server = await startServer(env, log);
      base = server.base;
      agent = new Agent({ keepAlive: true, maxSockets: WRITERS * 2 });
      report.push(`restarted ${elapsed()}`);
      await check(cycle);
      expect(problems, `after restart ${cycle}`).toEqual([]);
      report.push(`checked ${elapsed()}`);
    }

    // A clean stop, then the closed file on its own.
    agent.destroy();
    await killGroup(server, 'SIGTERM');
    server = undefined;
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').all(), 'integrity_check of the stopped database').toEqual([{ integrity_check: 'ok' }]);
    } finally {
      db.close();
    }
    const total = writers.reduce((n, w) => n + w.acked.length - 1, 0);
    report.push(`${total} acknowledged saves over ${CYCLES} kill(s), all present; stopped and checked ${elapsed()}`);
    test.info().annotations.push({ type: 'crash', description: report.join('; ') });
    console.log(`crash test: ${report.join('\n  ')}`);
    passed = true;
  } finally {
    if (!passed) {
      await test.info().attach('server-stderr', { body: `${report.join('\n')}\n${problems.join('\n')}\n${log.join('')}`, contentType: 'text/plain' });
    }
    if (server) await killGroup(server).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});
