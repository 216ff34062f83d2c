import 'server-only';
import Database from 'libsql';
import { databaseUrl, sqlitePath } from '../env-database';

export { sqlitePath } from '../env-database';
import { type Row, type SqlValue, type Step, StepExpectationFailed, type StepResult, type Store, WriteTimeoutError } from './types';

export { WriteTimeoutError } from './types';

/**
 * The hot paths of funding plans (checking an edit secret, a plan's version,
 * and the save itself) talk to the embedded SQLite file through its driver
 * directly: one long-lived connection per process, prepared statements kept,
 * synchronous calls. Everything else goes through the Prisma client (lib/db.ts).
 *
 * Why not Prisma for these: measured in-process for one realistic plan save
 * (16 needs, 24 lines), Prisma's interactive transaction took ~3 ms and the
 * secret check ~0.7 ms, mostly per-statement overhead; and its libSQL client
 * opens a NEW connection after every transaction (@libsql/client
 * sqlite3.js `transaction()`), so each save also paid for opening the file.
 * The same work here takes a fraction of that (scripts/bench-api.ts).
 *
 * The SQL is plain and portable (quoted identifiers, `?` parameters);
 * SqliteStore below is this store's side of lib/store/types.ts, and
 * lib/store/postgres.ts the PostgreSQL side.
 */

/**
 * WAL with synchronous=NORMAL: a commit no longer waits for fsync (measured
 * here: 0.30 → 0.05 ms per commit, and an fsync behind other disk traffic
 * takes far longer, while it holds the writer lock and this process's event
 * loop). The database stays consistent; what it gives up is that the last
 * commits before a power loss or OS crash (not a crash of the app) may be
 * rolled back. SQLite's documentation recommends it for WAL. Set on every
 * connection, Prisma's included (lib/db.ts).
 */
export const SYNCHRONOUS = 'NORMAL';

type Connection = { url: string; db: Database.Database; statements: Map<string, Database.Statement> };

// Kept on globalThis: Next reloads modules in development, and unit tests
// point DATABASE_URL at a fresh file per test file (tests/unit/support/temp-db.ts).
const holder = globalThis as unknown as { __sqlite?: Connection };

function connection(): Connection {
  const url = databaseUrl();
  const current = holder.__sqlite;
  if (current && current.url === url) return current;
  current?.db.close();
  const db = new Database(sqlitePath(url));
  // Never wait inside SQLite: a wait there would block this process's event
  // loop, and the lock may be held by a Prisma transaction of this very
  // process that needs the event loop to finish. writeTransaction() waits
  // asynchronously instead.
  db.prepare('PRAGMA busy_timeout = 0').get();
  db.prepare(`PRAGMA synchronous = ${SYNCHRONOUS}`).run();
  const created: Connection = { url, db, statements: new Map() };
  holder.__sqlite = created;
  return created;
}

/** A prepared statement on the process's connection, prepared once per SQL text. */
export function statement(sql: string): Database.Statement {
  const conn = connection();
  let prepared = conn.statements.get(sql);
  if (!prepared) {
    prepared = conn.db.prepare(sql);
    conn.statements.set(sql, prepared);
  }
  return prepared;
}

/** DateTime as Prisma's SQLite adapter writes it ("2026-11-23T13:50:21.917+00:00"), so Prisma reads it back. */
export const sqliteDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/** SQLite answered "locked by another connection" (SQLITE_BUSY, or its extended codes). */
export function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/** A unique or primary-key constraint refused a write. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || error.code === 'SQLITE_CONSTRAINT_UNIQUE')) return true;
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one write transaction (BEGIN IMMEDIATE … COMMIT) and returns
 * its result; any exception rolls everything back and is rethrown. `work` is
 * synchronous on purpose: the transaction holds SQLite's only writer lock, and
 * nothing else in this process can run while it does, so it is held for
 * microseconds, never across an `await`.
 *
 * When another connection holds the writer lock (a Prisma write, or another
 * process), the attempt is repeated after a short asynchronous pause (about
 * 1, 2, then 4 ms) until `timeoutMs`, then WriteTimeoutError.
 */
export async function writeTransaction<T>(work: (db: Database.Database) => T, timeoutMs = 10_000): Promise<T> {
  return inWriteLock(work, timeoutMs, 'COMMIT');
}

/**
 * BEGIN IMMEDIATE, `work`, then `end` (COMMIT, or ROLLBACK for a probe).
 * Between a successful BEGIN and its end there is no `await`: the connection
 * is shared by every request of this process, and another request's BEGIN on
 * it would fail with "cannot start a transaction within a transaction".
 */
async function inWriteLock<T>(work: (db: Database.Database) => T, timeoutMs: number, end: 'COMMIT' | 'ROLLBACK'): Promise<T> {
  const { db } = connection();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw new WriteTimeoutError();
      // Short, jittered pauses: the lock is held for well under a millisecond,
      // and long pauses let the other workers overtake this one again and again.
      await sleep(Math.min(2 ** attempt, 4) * (0.5 + Math.random()));
      continue;
    }
    try {
      const result = work(db);
      if (result instanceof Promise) throw new Error('writeTransaction: work must be synchronous');
      db.exec(end);
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * What /api/health asks before it says a save can succeed: on this process's
 * connection, can a write transaction start (the file is writable, the writer
 * lock frees within `timeoutMs`) and roll back? Writes nothing. Throws the
 * driver's error (or WriteTimeoutError) when it cannot.
 */
export async function probeWrite(timeoutMs: number): Promise<void> {
  await inWriteLock(() => undefined, timeoutMs, 'ROLLBACK');
}

/** The database file of this process's connection and the connection itself (for the read-only checks of lib/health.ts). */
export function currentConnection(): { file: string; db: Database.Database } {
  const conn = connection();
  return { file: sqlitePath(conn.url), db: conn.db };
}

/**
 * Drops this process's connection; the next statement opens a new one (tests
 * that point the process at another file). Note: libsql 0.3's close() does
 * not release the file: its descriptors and locks stay until the process
 * exits, so a process that ever opened the database counts as using it for
 * scripts/db-restore.mjs.
 */
export function closeConnection(): void {
  holder.__sqlite?.db.close();
  holder.__sqlite = undefined;
}

/** Parameters as SQLite takes them: a Date as Prisma's SQLite adapter writes it. */
const toSqlite = (params: readonly SqlValue[] = []): (string | number | null)[] =>
  params.map((p) => (p instanceof Date ? sqliteDate(p) : p));

/** Integers may arrive as bigint from the driver; callers get numbers, as from PostgreSQL (lib/store/postgres.ts). */
function toRow(raw: unknown): Row | undefined {
  if (raw === undefined || raw === null || typeof raw !== 'object') return undefined;
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) row[key] = typeof value === 'bigint' ? Number(value) : value;
  return row;
}

/**
 * The embedded store: this process's one connection, prepared statements,
 * synchronous calls. A batch runs inside writeTransaction, synchronously, so
 * the writer lock is held for microseconds and never across an `await`.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';

  async get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return toRow(statement(sql).get(...toSqlite(params)));
  }

  async all(sql: string, params?: readonly SqlValue[]): Promise<readonly Row[]> {
    return statement(sql)
      .all(...toSqlite(params))
      .map((raw) => toRow(raw) ?? {});
  }

  batch(steps: readonly Step[], timeoutMs?: number): Promise<StepResult[]> {
    return writeTransaction(
      () =>
        steps.map((step, index) => {
          const prepared = statement(step.sql);
          const params = toSqlite(step.params);
          if (prepared.reader) {
            const rows = prepared.all(...params).map((raw) => toRow(raw) ?? {});
            if (step.expect === 'one-row' && rows.length !== 1) throw new StepExpectationFailed(index, rows.length);
            return { changes: rows.length, rows };
          }
          const { changes } = prepared.run(...params);
          if (step.expect === 'one-row' && changes !== 1) throw new StepExpectationFailed(index, changes);
          return { changes, rows: [] };
        }),
      timeoutMs,
    );
  }

  isUniqueViolation(error: unknown): boolean {
    return isUniqueViolation(error);
  }

  probeWrite(timeoutMs: number): Promise<void> {
    return probeWrite(timeoutMs);
  }

  async close(): Promise<void> {
    closeConnection();
  }
}
