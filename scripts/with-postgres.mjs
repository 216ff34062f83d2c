#!/usr/bin/env node
// Runs a command with a PostgreSQL cluster to test against:
//
//   node scripts/with-postgres.mjs <command> [args…]
//
// With TEST_POSTGRES_URL set (a role that may create databases), that cluster
// is used as it is. Otherwise a private, throw-away cluster is started with
// scripts/pg-cluster.sh (in a temp dir of its own, on a free port), its URL is
// exported as TEST_POSTGRES_URL for the command, and the cluster is stopped and
// deleted when the command ends, whatever its result. The tests make their own
// databases on it (tests/unit/support/temp-db.ts, playwright.postgres.config.ts).
//
// PG_CLUSTER_PORT=<port> picks the cluster's port (default: any free one).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

const clusterScript = fileURLToPath(new URL('./pg-cluster.sh', import.meta.url));

function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((version) => existsSync(path.join(root, version, 'bin', 'initdb')));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs the command with `env`; resolves with its exit code. Ctrl-C and SIGTERM reach it and the cluster still goes. */
function run(env) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env, shell: false });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`with-postgres: ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let code;
if (process.env.TEST_POSTGRES_URL?.trim()) {
  code = await run(process.env);
} else {
  if (!postgresInstalled()) {
    console.error(
      'with-postgres: PostgreSQL is not installed, and TEST_POSTGRES_URL is not set.\n' +
        "Install Debian's server package (apt-get install -y postgresql), or set TEST_POSTGRES_URL to a role that may create databases.",
    );
    process.exit(1);
  }
  const state = mkdtempSync(path.join(tmpdir(), 'wegwijzer-pg-state-'));
  rmSync(state, { recursive: true }); // pg-cluster.sh creates it; an existing state dir means "already running"
  const env = { ...process.env, PG_CLUSTER_STATE: state };
  const port = process.env.PG_CLUSTER_PORT?.trim() || String(await freePort());
  const started = Date.now();
  const start = spawnSync('bash', [clusterScript, 'start', port], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = start.stdout.trim().split('\n').pop();
  const stop = () => spawnSync('bash', [clusterScript, 'stop'], { env, stdio: 'inherit' });
  if (start.status !== 0 || !url) {
    console.error('with-postgres: the PostgreSQL test cluster did not start (scripts/pg-cluster.sh).');
    stop();
    process.exit(1);
  }
  console.log(`with-postgres: a private PostgreSQL cluster on port ${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  try {
    code = await run({ ...process.env, TEST_POSTGRES_URL: url });
  } finally {
    stop();
  }
}
process.exit(code);
