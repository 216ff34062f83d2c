/**
 * Which failures of the database are the storage's fault rather than ours:
 * the one place that decides, for the JSON API (503 with Retry-After instead
 * of 500), the edit forms (a Dutch message that says the input was not saved
 * and why) and /api/health (lib/health.ts).
 *
 * Errors reach us in three shapes, all recognised here:
 *   - the driver (lib/store/sqlite.ts, `libsql`): `{code: "SQLITE_BUSY", rawCode: 5}`;
 *   - Prisma with the libSQL adapter: a DriverAdapterError whose `cause` is
 *     `{kind: "sqlite", extendedCode, originalCode, originalMessage}`, or, for
 *     SQLITE_BUSY, `{kind: "SocketTimeout"}` wrapped in a known request error
 *     with code P1008 and `meta.driverAdapterError`;
 *   - our own WriteTimeoutError (lib/store/sqlite.ts: the writer lock stayed taken),
 *     which carries the code SQLITE_BUSY.
 * SQLite's messages are stable ("database is locked", "database or disk is
 * full"), so they are the fallback when a wrapper dropped the codes.
 *
 * On PostgreSQL (issue 12) the same kinds come from SQLSTATE codes: pg's
 * DatabaseError (`{code: "53100", severity}`), Prisma's adapter-pg
 * (`{kind: "postgres", code}` as the DriverAdapterError's cause), and Node's
 * socket errors when the server cannot be reached (`ECONNREFUSED`, …).
 */
export type StorageFailureKind = 'busy' | 'full' | 'read-only' | 'corrupt' | 'cannot-open' | 'io-error';

export type StorageFailure = { kind: StorageFailureKind; code: string };

/** SQLite's primary result codes (the low byte of an extended code). */
const BUSY: StorageFailure = { kind: 'busy', code: 'SQLITE_BUSY' };
const READONLY: StorageFailure = { kind: 'read-only', code: 'SQLITE_READONLY' };
const IOERR: StorageFailure = { kind: 'io-error', code: 'SQLITE_IOERR' };
const CORRUPT: StorageFailure = { kind: 'corrupt', code: 'SQLITE_CORRUPT' };
const NOTADB: StorageFailure = { kind: 'corrupt', code: 'SQLITE_NOTADB' };
const FULL: StorageFailure = { kind: 'full', code: 'SQLITE_FULL' };
const CANTOPEN: StorageFailure = { kind: 'cannot-open', code: 'SQLITE_CANTOPEN' };
const PRIMARY: Readonly<Record<number, StorageFailure>> = {
  5: BUSY,
  6: { kind: 'busy', code: 'SQLITE_LOCKED' },
  8: READONLY,
  10: IOERR,
  11: CORRUPT,
  13: FULL,
  14: CANTOPEN,
  26: NOTADB,
};

/** PostgreSQL's SQLSTATE codes (postgresql.org/docs/15/errcodes-appendix.html) and socket errors, by kind. */
const POSTGRES: Readonly<Record<string, StorageFailure>> = {
  ...Object.fromEntries(
    ['40001', '40P01', '55P03', '57014', '53300'].map((code) => [code, { kind: 'busy', code }] as const),
  ),
  '53100': { kind: 'full', code: '53100' },
  '25006': { kind: 'read-only', code: '25006' },
  XX001: { kind: 'corrupt', code: 'XX001' },
  XX002: { kind: 'corrupt', code: 'XX002' },
  '58030': { kind: 'io-error', code: '58030' },
  ...Object.fromEntries(
    ['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '3D000', '28000', '28P01', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'].map(
      (code) => [code, { kind: 'cannot-open', code }] as const,
    ),
  ),
};

const BY_NAME: ReadonlyArray<[prefix: string, failure: StorageFailure]> = Object.values(PRIMARY).map((f) => [f.code, f]);

const BY_MESSAGE: ReadonlyArray<[pattern: RegExp, failure: StorageFailure]> = [
  [/database is locked|database table is locked/i, BUSY],
  [/attempt to write a readonly database|readonly database/i, READONLY],
  [/disk I\/O error/i, IOERR],
  [/database disk image is malformed/i, CORRUPT],
  [/file is not a database|file is encrypted or is not a database/i, NOTADB],
  [/database or disk is full/i, FULL],
  [/unable to open database file|Failed to connect to database/i, CANTOPEN],
  [/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i, { kind: 'cannot-open', code: 'ECONNREFUSED' }],
];

function fromCodes(node: Record<string, unknown>): StorageFailure | null {
  // PostgreSQL first: its all-digit SQLSTATEs must not be read as SQLite's numeric codes.
  if (typeof node.code === 'string' && (node.kind === 'postgres' || 'severity' in node || /^E[A-Z_]+$/.test(node.code))) {
    const postgres = POSTGRES[node.code];
    if (postgres) return postgres;
    if (node.kind === 'postgres' || 'severity' in node) return null;
  }
  for (const key of ['code', 'originalCode']) {
    const value = node[key];
    if (typeof value !== 'string') continue;
    const named = BY_NAME.find(([prefix]) => value.startsWith(prefix));
    if (named) return named[1];
    // Prisma's P1008 "Operation has timed out" is what its libSQL adapter makes of SQLITE_BUSY.
    if (value === 'P1008') return BUSY;
    if (/^\d+$/.test(value)) {
      const numeric = PRIMARY[Number(value) & 0xff];
      if (numeric) return numeric;
    }
  }
  for (const key of ['rawCode', 'extendedCode']) {
    const value = node[key];
    if (typeof value === 'number' && Number.isInteger(value)) {
      const numeric = PRIMARY[value & 0xff];
      if (numeric) return numeric;
    }
  }
  if (node.kind === 'SocketTimeout') return BUSY;
  return null;
}

function fromMessages(node: Record<string, unknown>): StorageFailure | null {
  for (const key of ['message', 'originalMessage']) {
    const value = node[key];
    if (typeof value !== 'string') continue;
    const hit = BY_MESSAGE.find(([pattern]) => pattern.test(value));
    if (hit) return hit[1];
  }
  return null;
}

/** The storage failure behind `error`, or null when it is something else (a bug, a refused value). */
export function storageFailure(error: unknown): StorageFailure | null {
  // Breadth-first through the wrappers (cause, meta.driverAdapterError), codes before messages.
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  const nodes: Record<string, unknown>[] = [];
  while (queue.length > 0 && nodes.length < 8) {
    const node = queue.shift();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    nodes.push(record);
    queue.push(record.cause);
    const meta = record.meta;
    if (typeof meta === 'object' && meta !== null) queue.push((meta as Record<string, unknown>).driverAdapterError);
  }
  for (const node of nodes) {
    const failure = fromCodes(node);
    if (failure) return failure;
  }
  for (const node of nodes) {
    const failure = fromMessages(node);
    if (failure) return failure;
  }
  return null;
}

/**
 * Seconds a client should wait before trying again. A taken lock frees
 * within seconds; a full, read-only or damaged database needs someone to act,
 * so clients are asked to wait longer instead of hammering it.
 */
export function retryAfterSeconds(kind: StorageFailureKind): number {
  return kind === 'busy' ? 5 : 60;
}

/** What the user reads: nothing was saved, and whether to retry now or later. No paths, no codes. */
export function storageFailureMessage(kind: StorageFailureKind): string {
  switch (kind) {
    case 'busy':
      return 'De database is even bezet; uw wijziging is niet opgeslagen. Probeer het over enkele seconden opnieuw.';
    case 'full':
      return 'De opslag van de server is vol; uw wijziging is niet opgeslagen. Probeer het later opnieuw; blijft dit zo, meld het dan aan de beheerder.';
    case 'read-only':
      return 'De database kan nu niet worden beschreven; uw wijziging is niet opgeslagen. Probeer het later opnieuw; blijft dit zo, meld het dan aan de beheerder.';
    case 'corrupt':
      return 'De database is beschadigd; uw wijziging is niet opgeslagen. Meld het aan de beheerder.';
    case 'cannot-open':
    case 'io-error':
      return 'De database is nu niet bereikbaar; uw wijziging is niet opgeslagen. Probeer het later opnieuw; blijft dit zo, meld het dan aan de beheerder.';
  }
}

/**
 * For a Server Action's catch: the Dutch message for a storage failure, or
 * `fallback` for anything else. The form keeps what was typed either way.
 */
export function failureMessage(error: unknown, fallback: string, suffix = ''): string {
  const failure = storageFailure(error);
  return failure ? storageFailureMessage(failure.kind) + suffix : fallback;
}

/** Suffix for edit forms, which return every posted value on a refusal. */
export const KEPT = ' Uw invoer staat hieronder nog.';
