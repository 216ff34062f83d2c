import type { StoreKind } from '../env-database';

/**
 * The hot paths' way to the database (issue 12): the few statements asked on
 * every plan read, save and wrong secret (a plan's version, its secret hash,
 * the save transaction, rate-limit windows) go to the database's own driver
 * through this interface, not through Prisma (per-statement overhead, see
 * lib/store/sqlite.ts). One implementation per store, chosen once at start-up
 * by DATABASE_URL (lib/store/index.ts):
 *   - SQLite (lib/store/sqlite.ts): one connection per process, synchronous;
 *   - PostgreSQL (lib/store/postgres.ts): a pooled connection per call.
 *
 * Callers write portable SQL: double-quoted identifiers and `?` parameters.
 * What differs per dialect (placeholders, how a date is sent, how integers
 * come back, what can be retried) is handled in one place per store, and SQL
 * that only one dialect understands (health checks) lives in its store's files.
 */

/** A parameter. A Date is sent the way Prisma stores a DateTime in that store, so Prisma reads it back. */
export type SqlValue = string | number | null | Date;

/** A row as the driver returns it; callers parse it (zod), they never cast it. Integers arrive as numbers. */
export type Row = Readonly<Record<string, unknown>>;

export type Step = {
  sql: string;
  params?: readonly SqlValue[];
  /**
   * 'one-row': the statement must change exactly one row, or the whole batch
   * is rolled back and StepExpectationFailed is thrown (the version guard of
   * an optimistic save).
   */
  expect?: 'one-row';
};

export type StepResult = { changes: number; rows: readonly Row[] };

export interface Store {
  readonly kind: StoreKind;
  /** The first row of a read, or undefined. Sees only committed data. */
  get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined>;
  all(sql: string, params?: readonly SqlValue[]): Promise<readonly Row[]>;
  /**
   * Runs the steps in order as ONE write transaction: all of them or none.
   * A step's `RETURNING` rows are in its result. Contention (SQLite's writer
   * lock held by another process; a PostgreSQL serialization failure or
   * deadlock) is retried until `timeoutMs` (default 10 s), then
   * WriteTimeoutError; anything else rolls back and is rethrown.
   */
  batch(steps: readonly Step[], timeoutMs?: number): Promise<StepResult[]>;
  /** A unique or primary-key constraint refused a write. */
  isUniqueViolation(error: unknown): boolean;
  /** Can a write transaction start and roll back within `timeoutMs`? Writes nothing; throws when it cannot (/api/health). */
  probeWrite(timeoutMs: number): Promise<void>;
  /** Closes the store's connections (scripts and tests). */
  close(): Promise<void>;
}

/** A step with `expect: 'one-row'` changed another number of rows; nothing of the batch was written. */
export class StepExpectationFailed extends Error {
  constructor(readonly step: number, readonly changes: number) {
    super(`Stap ${step} wijzigde ${changes} rijen in plaats van 1; er is niets opgeslagen.`);
  }
}

export class WriteTimeoutError extends Error {
  /** SQLite's code for what happened, so lib/storage-errors.ts classifies it as contention on either store. */
  readonly code = 'SQLITE_BUSY';
  constructor() {
    super('De database bleef bezet; de wijziging is niet opgeslagen.');
  }
}

/** Rows per INSERT statement: well within SQLite's 32,766 and PostgreSQL's 65,535 parameters for our widest table (11 columns). */
const ROWS_PER_INSERT = 500;

/**
 * One multi-row INSERT per up to ROWS_PER_INSERT rows, instead of a statement
 * per row: on PostgreSQL every statement is a round trip to the server, and a
 * save of 24 lines over 4 years would otherwise send ~45. Portable SQL (both
 * stores take `VALUES (…), (…)`); each row count is its own prepared text.
 */
export function insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Step[] {
  const steps: Step[] = [];
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    steps.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      params: chunk.flat(),
    });
  }
  return steps;
}
