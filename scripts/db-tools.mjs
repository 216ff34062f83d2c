// Shared by the database commands (db-backup.mjs, db-restore.mjs, db-check.mjs, db-pg.mjs):
// where the database is, checking a file's integrity, what it holds, and
// whether a running app has it open. Plain .mjs on the `libsql` driver, like
// scripts/prisma.mjs, so `npm start` and these commands need no build and no tsx.
import { closeSync, fsyncSync, openSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('libsql');

/** As lib/env-database.ts: the URL of the app's database, default the SQLite file data/app.db. */
export const databaseUrl = (env = process.env) => env.DATABASE_URL?.trim() || 'file:./data/app.db';

/** As lib/env-database.ts: postgres:// or postgresql:// selects PostgreSQL (scripts/db-pg.mjs). */
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);

/** As lib/env-database.ts and lib/store/sqlite.ts: DATABASE_URL (default file:./data/app.db) as an absolute path. */
export function databaseFile(env = process.env) {
  const url = env.DATABASE_URL?.trim() || 'file:./data/app.db';
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL moet een SQLite-bestand zijn (file:…) / must be a SQLite file (file:…), niet/not ${url.split(':')[0]}:`);
  const rest = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return path.resolve(decodeURIComponent(rest.split('?')[0] ?? ''));
}

export const exists = (file) => {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
};

/** Opens an existing file (the driver would create a missing one). */
export function openExisting(file) {
  if (!exists(file)) throw new Error(`bestand bestaat niet / file does not exist: ${file}`);
  const db = new Database(file);
  db.prepare('PRAGMA busy_timeout = 5000').get();
  return db;
}

/**
 * `PRAGMA integrity_check` (or the faster `quick_check`, which skips comparing
 * indexes with their tables) on `file`. Never throws: a file SQLite cannot
 * read at all ("file is not a database") is a failed check with that reason.
 * @returns {{ ok: boolean, problems: string[] }}
 */
export function checkIntegrity(file, { quick = false } = {}) {
  let db;
  try {
    db = openExisting(file);
    const pragma = quick ? 'quick_check' : 'integrity_check';
    const rows = db.prepare(`PRAGMA ${pragma}`).all().map((row) => String(row[pragma]));
    return rows.length === 1 && rows[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems: rows.slice(0, 10) };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

export const COUNTS = [
  ['plans', 'Plan', 'financieringsplannen / funding plans'],
  ['planRevisions', 'PlanRevision', 'versies van plannen / plan revisions'],
  ['regions', 'Region', 'regionale plannen / regional plans'],
  ['regionRevisions', 'RegionRevision', 'versies van regionale plannen / regional plan revisions'],
  ['regionLinks', 'PlanRegionLink', 'koppelingen plan–regio / plan–region links'],
];

/**
 * What a database file holds: row counts of the app's documents and the last
 * migration applied. Throws when it is not this app's database.
 */
export function contents(file) {
  const db = openExisting(file);
  try {
    const counts = {};
    for (const [key, table] of COUNTS) counts[key] = Number(db.prepare(`SELECT count(*) AS "n" FROM "${table}"`).get().n);
    const last = db.prepare(`SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name" DESC LIMIT 1`).get();
    return { counts, lastMigration: last ? String(last.name) : null };
  } finally {
    db.close();
  }
}

/** contents() as lines for the console. */
export function describeContents({ counts, lastMigration }) {
  return [
    ...COUNTS.map(([key, , label]) => `  ${label}: ${counts[key]}`),
    `  laatste migratie / last migration: ${lastMigration ?? '(geen / none)'}`,
  ].join('\n');
}

/**
 * Is any process using `file` as its database? Two independent tests:
 *   1. Lock: a connection in EXCLUSIVE locking mode tries BEGIN EXCLUSIVE
 *      without waiting. Every connection of the app (each worker's driver
 *      connection in lib/store/sqlite.ts, Prisma's) holds a shared lock on the file
 *      from its first statement for as long as it is open in WAL mode, so this
 *      fails with SQLITE_BUSY while the app runs, even when it is idle.
 *   2. Open files (Linux): any other process with the file, its -wal or -shm
 *      open in /proc/<pid>/fd. Catches a process that opened the file but has
 *      not read it yet. Processes of other users are only visible to root.
 * Returns the held lock connection when free (the caller closes it), so nothing
 * can start using the file between the check and the caller's next step.
 * @returns {{ inUse: true, why: string } | { inUse: false, lock: import('libsql').Database | null }}
 */
export function claimExclusive(file) {
  const holders = processesWithOpen(file);
  if (holders.length > 0) return { inUse: true, why: `geopend door proces / open in process ${holders.join(', ')}` };
  if (!exists(file)) return { inUse: false, lock: null };
  const db = new Database(file);
  try {
    db.prepare('PRAGMA busy_timeout = 0').get();
    db.prepare('PRAGMA locking_mode = EXCLUSIVE').get();
    db.exec('BEGIN EXCLUSIVE');
    return { inUse: false, lock: db };
  } catch (error) {
    db.close();
    const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
    if (code.startsWith('SQLITE_BUSY')) return { inUse: true, why: 'de database is vergrendeld door een andere verbinding / the database is locked by another connection' };
    // A file SQLite cannot read (the reason to restore) cannot be locked either; the open-files test above stands.
    return { inUse: false, lock: null };
  }
}

/** Pids (other than ours) with `file`, its -wal or its -shm open; [] where /proc is not available. */
export function processesWithOpen(file) {
  // /proc shows resolved paths: resolve ours too (a symlinked data directory or /tmp).
  const resolved = exists(file) ? realpathSync(file) : file;
  const targets = new Set([file, `${file}-wal`, `${file}-shm`, resolved, `${resolved}-wal`, `${resolved}-shm`]);
  const pids = [];
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (targets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          pids.push(Number(pid));
          break;
        }
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return pids;
}

/**
 * Flushes a file or directory to disk, so a rename that follows is durable.
 * Only for files no other connection relies on (our temporary copies, the
 * directory): closing a descriptor of a database file drops every POSIX lock
 * this process holds on it, SQLite's included (see lib/health.ts).
 */
export function fsyncPath(target) {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `--force` and the like, and the one positional argument. */
export function parseArgs(argv, flags) {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && !flags.includes(a));
  return { file: positional[0], extra: positional.slice(1), unknown, has: (flag) => argv.includes(flag) };
}

export function formatBytes(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
