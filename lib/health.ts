import { statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { storageFailure } from './storage-errors';

/**
 * Health of the app = can a save succeed now? SELECT 1 answered "yes" for a
 * corrupt, full, read-only and missing database (issue 11), so /api/health
 * checks what a save needs, cheapest first, and names the first thing that
 * fails:
 *   1. the file exists and is not empty (stat only, see headerProblem);
 *   2. the schema: every table of the Prisma schema exists (SQLite reads the
 *      header here: garbage is "not a database"), and the file holds whole
 *      pages (a truncated copy);
 *   3. the migrations: every folder in prisma/migrations is recorded as
 *      finished in `_prisma_migrations` (not failed, not rolled back), and the
 *      database has none the app does not know (it is newer than the code);
 *   4. integrity: `PRAGMA quick_check` (the b-trees and pages, without
 *      comparing indexes with their tables; ~3 ms per MB here);
 *   5. space: at least MIN_FREE_BYTES free where the database and its WAL live;
 *   6. a write transaction starts (BEGIN IMMEDIATE) within LOCK_TIMEOUT_MS and
 *      rolls back: the file is writable and the writer lock is not stuck.
 * A refusal says which (`reason`, a stable English code) and, in Dutch, what it
 * means (`message`); never a path, a secret or SQLite's own text.
 */

export type HealthReason =
  | 'cannot-open'
  | 'not-a-database'
  | 'corrupt'
  | 'tables-missing'
  | 'migrations-pending'
  | 'migrations-failed'
  | 'migrations-unknown'
  | 'read-only'
  | 'locked'
  | 'disk-full'
  | 'io-error'
  | 'error';

export type Health =
  | { status: 'ok'; database: 'ok' }
  | { status: 'unavailable'; database: 'unreachable' | 'failing'; reason: HealthReason; message: string };

export type HealthResult = { httpStatus: 200 | 503; body: Health };

const MESSAGES: Readonly<Record<HealthReason, string>> = {
  'cannot-open': 'De database kan niet worden geopend.',
  'not-a-database': 'Het databasebestand is geen (leesbare) SQLite-database.',
  corrupt: 'De database is beschadigd (de integriteitscontrole faalt).',
  'tables-missing': 'De database mist tabellen; de migraties zijn niet uitgevoerd.',
  'migrations-pending': 'Niet alle migraties zijn op de database uitgevoerd.',
  'migrations-failed': 'Een migratie van de database is mislukt of teruggedraaid.',
  'migrations-unknown': 'De database heeft migraties die deze versie van de app niet kent.',
  'read-only': 'De database kan niet worden beschreven (alleen-lezen).',
  locked: 'De database bleef bezet; er kan nu niet worden opgeslagen.',
  'disk-full': 'Er is (bijna) geen schijfruimte meer voor de database.',
  'io-error': 'Lezen of schrijven van de database mislukt (schijffout).',
  error: 'De database kon niet worden gecontroleerd.',
};

/** Not reachable at all, as opposed to reachable but unable to take a save. */
const UNREACHABLE: ReadonlySet<HealthReason> = new Set(['cannot-open', 'not-a-database', 'io-error']);

export function unhealthy(reason: HealthReason): HealthResult {
  return {
    httpStatus: 503,
    body: { status: 'unavailable', database: UNREACHABLE.has(reason) ? 'unreachable' : 'failing', reason, message: MESSAGES[reason] },
  };
}

export const HEALTHY: HealthResult = { httpStatus: 200, body: { status: 'ok', database: 'ok' } };

/** How long the write probe waits for the writer lock: a save waits up to 10 s, a health check should answer within 1–2 s. */
export const LOCK_TIMEOUT_MS = 1_000;
/**
 * Below this much free space a save may fail: a save appends its pages to the
 * WAL, which grows to ~4 MB (1000 pages) between checkpoints, more under load.
 */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/** What checkDatabase needs of a connection, so tests can hand it any file (or a read-only connection). */
export type DatabaseProbe = {
  /** The database file, for the header and free-space checks (never shown). */
  file: string;
  /** A read-only statement on the connection; its rows. */
  query: (sql: string) => unknown[];
  /** BEGIN IMMEDIATE (waiting up to `timeoutMs` for the lock) and ROLLBACK; throws when it cannot. */
  probeWrite: (timeoutMs: number) => Promise<void>;
};

export type Expectations = { tables: readonly string[]; migrations: readonly string[] };

export type CheckOptions = {
  lockTimeoutMs?: number;
  minFreeBytes?: number;
  /** false skips the quick_check (the caller knows it passed recently; see currentHealth). */
  integrity?: boolean;
};

/** A storage error as a health reason. */
export function reasonOf(error: unknown): HealthReason {
  const failure = storageFailure(error);
  if (!failure) return 'error';
  switch (failure.kind) {
    case 'busy':
      return 'locked';
    case 'full':
      return 'disk-full';
    case 'read-only':
      return 'read-only';
    case 'corrupt':
      return failure.code === 'SQLITE_NOTADB' ? 'not-a-database' : 'corrupt';
    case 'cannot-open':
      return 'cannot-open';
    case 'io-error':
      return 'io-error';
  }
}

/**
 * What can be told about the file without opening it: it exists and is not
 * empty. Opening it with `fs` is not an option in a process that has SQLite
 * connections on it: closing ANY descriptor of a file drops every POSIX lock
 * this process holds on it, SQLite's included, after which another process
 * can take the database as its own, checkpoint and delete the WAL this
 * process still writes to (found here: a smoke run's -wal and -shm were
 * deleted under the running server; sqlite.org/howtocorrupt.html §2.2). So
 * `stat` only; SQLite reads the header itself (schemaProblem, pagesProblem).
 */
export function headerProblem(file: string): HealthReason | null {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 'cannot-open';
  }
  // An empty file is an empty database: SQLite writes the header on the first write. It has no tables.
  return size === 0 ? 'tables-missing' : null;
}

/** The main file holds whole pages; a copy cut short does not (WAL mode or not, pages are written whole). */
export function pagesProblem(file: string, query: DatabaseProbe['query']): HealthReason | null {
  const [row] = z.array(z.object({ page_size: z.number() })).parse(query('PRAGMA page_size'));
  if (!row) return 'error';
  return statSync(file).size % row.page_size === 0 ? null : 'corrupt';
}

const tableRows = z.array(z.object({ name: z.string() }));
const migrationRows = z.array(
  z.object({ migration_name: z.string(), finished_at: z.unknown(), rolled_back_at: z.unknown() }),
);

/** Tables and migrations: null when the schema is what this version of the app expects. */
export function schemaProblem(query: DatabaseProbe['query'], expected: Expectations): HealthReason | null {
  const tables = tableRows.parse(query(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`)).map((r) => r.name);
  const rows = tables.includes('_prisma_migrations') ? query('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"') : null;
  return schemaProblemOf(tables, rows, expected);
}

/**
 * The same judgement from what either store answered: the names of its
 * tables, and the rows of `_prisma_migrations` (null when that table is missing).
 */
export function schemaProblemOf(tableNames: readonly string[], migrationRowsRaw: unknown, expected: Expectations): HealthReason | null {
  const tables = new Set(tableNames);
  if (expected.tables.some((t) => !tables.has(t))) return 'tables-missing';
  if (migrationRowsRaw === null) return 'migrations-pending';
  const rows = migrationRows.parse(migrationRowsRaw);
  // A failed migration stays as a row without finished_at; `migrate resolve --rolled-back` marks it, and a later
  // successful attempt adds a new row. So a migration counts as applied when any row of it finished and was not rolled back.
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const known = new Set(expected.migrations);
  if (rows.some((r) => !known.has(r.migration_name))) return 'migrations-unknown';
  const missing = expected.migrations.filter((m) => !applied.has(m));
  if (missing.length === 0) return null;
  const failed = missing.some((m) => rows.some((r) => r.migration_name === m));
  return failed ? 'migrations-failed' : 'migrations-pending';
}

const quickCheckRows = z.array(z.object({ quick_check: z.string() }));

/** `PRAGMA quick_check`: SQLite answers one row "ok", or rows describing the damage. */
export function integrityProblem(query: DatabaseProbe['query']): HealthReason | null {
  const rows = quickCheckRows.parse(query('PRAGMA quick_check'));
  return rows.length === 1 && rows[0]?.quick_check === 'ok' ? null : 'corrupt';
}

function freeSpaceProblem(file: string, minFreeBytes: number): HealthReason | null {
  try {
    const stats = statfsSync(path.dirname(file));
    return stats.bavail * stats.bsize < minFreeBytes ? 'disk-full' : null;
  } catch {
    // Not every platform answers statfs; the write probe and the saves themselves still tell.
    return null;
  }
}

/** Runs the checks in order and answers with the first failure, or 200. */
export async function checkDatabase(probe: DatabaseProbe, expected: Expectations, options: CheckOptions = {}): Promise<HealthResult> {
  const header = headerProblem(probe.file);
  if (header) return unhealthy(header);
  try {
    const schema = schemaProblem(probe.query, expected);
    if (schema) return unhealthy(schema);
    const pages = pagesProblem(probe.file, probe.query);
    if (pages) return unhealthy(pages);
    if (options.integrity !== false) {
      const integrity = integrityProblem(probe.query);
      if (integrity) return unhealthy(integrity);
    }
    const space = freeSpaceProblem(probe.file, options.minFreeBytes ?? MIN_FREE_BYTES);
    if (space) return unhealthy(space);
    await probe.probeWrite(options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
    return HEALTHY;
  } catch (error) {
    return unhealthy(reasonOf(error));
  }
}

/** What checkPostgres needs of the store: reads, and the write probe. */
export type PostgresProbe = {
  query: (sql: string) => Promise<readonly unknown[]>;
  probeWrite: (timeoutMs: number) => Promise<void>;
};

const recoveryRows = z.array(z.object({ recovery: z.boolean() }));

/**
 * The same question for PostgreSQL: can a save succeed now? The server
 * answers (a refused or broken connection is 'cannot-open'); the schema and
 * migrations are those of prisma/postgresql; the server is not a read-only
 * standby; a write transaction starts and rolls back within the lock timeout.
 * Integrity and free space are the database server's own business there
 * (checksums, its monitoring): a full disk or a damaged page still shows as
 * a failing write probe.
 */
export async function checkPostgres(probe: PostgresProbe, expected: Expectations, options: CheckOptions = {}): Promise<HealthResult> {
  try {
    const tables = tableRows
      .parse(await probe.query(`SELECT "table_name" AS "name" FROM "information_schema"."tables" WHERE "table_schema" = current_schema()`))
      .map((r) => r.name);
    const rows = tables.includes('_prisma_migrations')
      ? await probe.query('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"')
      : null;
    const schema = schemaProblemOf(tables, rows, expected);
    if (schema) return unhealthy(schema);
    const [standby] = recoveryRows.parse(await probe.query('SELECT pg_is_in_recovery() AS "recovery"'));
    if (standby?.recovery) return unhealthy('read-only');
    await probe.probeWrite(options.lockTimeoutMs ?? LOCK_TIMEOUT_MS);
    return HEALTHY;
  } catch (error) {
    return unhealthy(reasonOf(error));
  }
}
