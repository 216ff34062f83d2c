// `npm start` (after the migrations): the production server, one `next start`
// process per core, all listening on the same port (node:cluster hands each new
// connection to the next worker).
//
// Why: one Node process uses one core, and Next's own work per request is most
// of the cost of an API call (scripts/bench-api.ts: a route that does nothing
// reaches about the rate of a cached plan read). Every piece of state the
// workers must share lives in the database they share: plans and regions,
// rate-limit windows (lib/rate-limit.ts), and the version that validates each
// worker's cached plan JSON (lib/plans/json-cache.ts). SQLite's one writer is
// shared through WAL and waits for the lock (lib/db.ts, lib/store/sqlite.ts).
//
// WEB_CONCURRENCY=<n> sets the number of workers (default: the number of
// cores). Arguments are passed on to `next start` (e.g. `-p 3100`); PORT and
// HOSTNAME work as with `next start`.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const requested = Number(process.env.WEB_CONCURRENCY);
const workers = Number.isInteger(requested) && requested >= 1 && requested <= 64 ? requested : Math.max(1, availableParallelism());
// A larger young generation for the workers (V8's default semi-space is 16 MB).
// Measured with --trace-gc under 50 concurrent plan reads: with 25 requests in
// flight per worker, much of their short-lived data outlived the frequent
// scavenges and was promoted, some scavenges took over 20 ms, and old space
// grew by ~220 MB between full collections. 64 MB semi-spaces gave ~8 % more
// requests per second (scripts/bench-api.ts). Costs up to ~200 MB of memory
// per worker under load. A flag given to node or in NODE_OPTIONS wins.
const semiSpace = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-semi-space-size'))
  ? []
  : ['--max-semi-space-size=64'];
// scripts/worker-preload.cjs runs in each worker before Next: it gives the
// app the client's socket address (for the rate limits; Next does not expose
// it) and redacts edit secrets from everything the worker logs.
const preload = ['--require', fileURLToPath(new URL('./worker-preload.cjs', import.meta.url))];
cluster.setupPrimary({
  exec: require.resolve('next/dist/bin/next'),
  args: ['start', ...process.argv.slice(2)],
  execArgv: [...process.execArgv, ...semiSpace, ...preload],
});

let stopping = false;
let stopCode = 0;
const ready = new Set();
/**
 * Recent unexpected exits of workers that had been serving. A crashed worker
 * is replaced at once, but more than 5 crashes within a minute means
 * something a restart will not fix (a corrupt build, a database that fails on
 * every request, memory exhausted): rather than fork workers in a tight loop,
 * the server stops with exit code 1 and says so. Restarting after that, with
 * a pause, is the supervisor's job: the systemd unit in README.md
 * (Restart=always, RestartSec=5) starts the server again, and a broken start
 * stays visible in `systemctl status` and the journal.
 */
const crashes = [];

function fork() {
  const worker = cluster.fork({ WEGWIJZER_WORKER: '1' });
  worker.on('listening', () => ready.add(worker.id));
}

cluster.on('exit', (worker, code, signal) => {
  const wasReady = ready.delete(worker.id);
  if (stopping) {
    // The code shutdown() was given: a give-up must exit non-zero, or a supervisor (systemd
    // Restart=on-failure) would take it for a clean stop.
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopCode);
    return;
  }
  const reason = signal ?? `code ${code}`;
  if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') {
    // Asked to stop (Ctrl-C reaches every process of the group): stop with it.
    shutdown(0);
    return;
  }
  if (!wasReady) {
    // It never listened: starting again would fail the same way.
    console.error(`serve: een serverproces stopte tijdens het starten (${reason}); de server stopt.`);
    shutdown(code || 1);
    return;
  }
  const now = Date.now();
  crashes.push(now);
  while (crashes.length > 0 && (crashes[0] ?? now) < now - 60_000) crashes.shift();
  if (crashes.length > 5) {
    console.error('serve: serverprocessen blijven vastlopen; de server stopt.');
    shutdown(1);
    return;
  }
  console.error(`serve: serverproces ${worker.process.pid} stopte (${reason}); een nieuw wordt gestart.`);
  fork();
});

function shutdown(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  stopCode = exitCode;
  const alive = Object.values(cluster.workers ?? {});
  if (alive.length === 0) process.exit(exitCode);
  for (const worker of alive) worker?.process.kill('SIGTERM');
  // Workers finish open requests; after 10 s they are stopped regardless.
  setTimeout(() => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    process.exit(exitCode);
  }, 10_000).unref();
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
}

process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));

for (let i = 0; i < workers; i++) fork();
