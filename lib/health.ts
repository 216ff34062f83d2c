import { closeSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { storageFailure } from './storage-errors';

/**
 * Health of the app = can a save succeed now? SELECT 1 answered "yes" for a
 * corrupt, full, read-only and missing database (issue 11), so /api/health
 * checks what a save needs, cheapest first, and names the first thing that
 * fails:
 *   1. the file: it exists, starts with SQLite's header, has a valid page size
 *      and whole pages (garbage or a truncated copy fails here without SQLite);
 *   2. the schema: every table of the Prisma schema exists;
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

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * SQLite's file header (https://sqlite.org/fileformat.html): the magic string,
 * a page size that is a power of two from 512 to 65536 (stored as 1 for
 * 65536), and a file of whole pages. null when it looks like a database.
 */
export function headerProblem(file: string): HealthReason | null {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return 'cannot-open';
  }
  // An empty file is an empty database: SQLite writes the header on the first write. It has no tables.
  if (size === 0) return 'tables-missing';
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EIO' ? 'io-error' : 'cannot-open';
  }
  if (read < 100 || !header.subarray(0, 16).equals(HEADER)) return 'not-a-database';
  const stored = header.readUInt16BE(16);
  const pageSize = stored === 1 ? 65_536 : stored;
  if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) return 'not-a-database';
  if (size % pageSize !== 0) return 'corrupt';
  return null;
}

const tableRows = z.array(z.object({ name: z.string() }));
const migrationRows = z.array(
  z.object({ migration_name: z.string(), finished_at: z.unknown(), rolled_back_at: z.unknown() }),
);

/** Tables and migrations: null when the schema is what this version of the app expects. */
export function schemaProblem(query: DatabaseProbe['query'], expected: Expectations): HealthReason | null {
  const tables = new Set(tableRows.parse(query(`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`)).map((r) => r.name));
  if (expected.tables.some((t) => !tables.has(t))) return 'tables-missing';
  if (!tables.has('_prisma_migrations')) return 'migrations-pending';
  const rows = migrationRows.parse(query('SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"'));
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
