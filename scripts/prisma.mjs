#!/usr/bin/env node
// Runs the Prisma CLI with this machine's constraints baked in, so the README
// commands stay plain. Prisma 6.19 runs migrations through its WebAssembly
// schema engine (prisma.config.ts: engine "js" + adapter), but the CLI still
// checks at start-up that native engine files exist. They are never executed
// in this mode, so any existing file satisfies the check; without this the CLI
// tries to download engines, which this network does not allow.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
// The CLI reads the URL through prisma.config.ts; the schema's env() needs it set.
env.DATABASE_URL ??= 'file:./data/app.db';
// The embedded default database lives in a git-ignored folder.
mkdirSync(new URL('../data/', import.meta.url), { recursive: true });

const cli = require.resolve('prisma/build/index.js');
const args = process.argv.slice(2);
const deploying = args[0] === 'migrate' && args[1] === 'deploy';

// Both stores' clients are generated (on install too): the app picks one by
// DATABASE_URL when it starts (lib/db.ts), and generating needs no database.
if (args[0] === 'generate' && !args.some((a) => a === '--schema' || a.startsWith('--schema='))) {
  for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
    const generated = spawnSync(process.execPath, [cli, ...args, '--schema', schema], { stdio: 'inherit', env });
    if (generated.status !== 0) process.exit(generated.status ?? 1);
  }
  process.exit(0);
}

// `npm start` and `npm run dev` deploy the migrations first: refuse a damaged
// database there, before anything writes to it (scripts/db-check.mjs).
if (deploying && env.DATABASE_URL.startsWith('file:')) {
  const { startupProblem } = await import('./db-check.mjs');
  const problem = startupProblem(env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
const postgres = /^postgres(ql)?:\/\//i.test(env.DATABASE_URL);
const result = deploying && postgres ? await deployWithoutLinger() : spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });

/**
 * `migrate deploy` on PostgreSQL: the CLI has finished its work when it says
 * so, but then lingers ~10 s on timers of Prisma's WebAssembly engine (see
 * ../shared/notes/postgresql-with-prisma-6.19.md), which every `npm start`
 * on PostgreSQL would wait for. Once it has printed that every migration is
 * applied (each migration is committed before that), it is stopped; its
 * connections close with it, and PostgreSQL releases its advisory lock. Any
 * other output, an error included, waits for the CLI to exit by itself.
 */
function deployWithoutLinger() {
  const DONE = /All migrations have been successfully applied|No pending migrations to apply/;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['inherit', 'pipe', 'inherit'], env });
    let done = false;
    let seen = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      seen = (seen + chunk.toString()).slice(-500);
      if (!done && DONE.test(seen)) {
        done = true;
        setTimeout(() => child.kill('SIGTERM'), 200).unref();
      }
    });
    child.on('exit', (code, signal) => resolve({ status: done ? 0 : (code ?? (signal ? 1 : 0)) }));
  });
}

// After `migrate deploy` (what `npm run start` and `npm run dev` run) an
// embedded SQLite file is switched to write-ahead logging: readers keep
// reading while a save commits, and a commit needs one sync instead of
// several (see scripts/bench-api.ts). The mode is stored in the file, so every
// process that opens it later uses it. A migration cannot do this: Prisma
// refuses a PRAGMA that returns a row.
if (result.status === 0 && deploying && env.DATABASE_URL.startsWith('file:')) {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: env.DATABASE_URL });
  try {
    await client.execute('PRAGMA journal_mode=WAL');
  } finally {
    client.close();
  }
}
process.exit(result.status ?? 1);
