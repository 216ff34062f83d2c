import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { type Row, type SqlValue, type Step, StepExpectationFailed, type StepResult, type Store, WriteTimeoutError } from './types';

/**
 * The PostgreSQL store (DATABASE_URL=postgresql://…): the hot paths of
 * lib/store/types.ts on a pg Pool, which the Prisma client of this process
 * shares (lib/db.ts), so one server process holds at most
 * DATABASE_POOL_SIZE connections (default 5).
 *
 * Dialect, in this one place:
 *   - `?` parameters become `$1, $2, …` (callers never put a `?` in a literal);
 *     each SQL text is a named prepared statement, prepared once per connection;
 *   - a Date is sent as UTC ISO text: Prisma's DateTime is `timestamp(3)`
 *     without time zone, holding UTC, whatever the server's TimeZone;
 *   - bigint (COUNT, the rate-limit window start) and numeric come back as
 *     numbers (all of ours are far below 2^53), timestamps as ISO strings;
 *   - a batch's rows go in as multi-row INSERTs (insertRows in lib/store/types.ts):
 *     each statement is a round trip, the save's cost on this store;
 *   - a batch runs in READ COMMITTED: the version guard is an UPDATE of the
 *     plan's row, so a concurrent save of the same plan waits for the row
 *     lock, then sees the new version and changes nothing (a conflict, never a
 *     lost update). Deadlocks and serialization failures (40P01, 40001) are
 *     retried with a short pause; SET LOCAL lock_timeout bounds each attempt;
 *   - a connection the server ended (a restart, a fail-over) is replaced: a
 *     read, or a transaction that lost it before COMMIT, runs again on another
 *     (connectionLost below); a loss during COMMIT is reported, not retried.
 */

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** Type parsers of this store's pool only (the pg module's global ones stay as they are; Prisma brings its own per query). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    switch (oid) {
      case INT8:
      case NUMERIC:
        return (value: string) => Number(value);
      case TIMESTAMP:
        return (value: string) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
      case TIMESTAMPTZ:
        return (value: string) => new Date(value).toISOString();
      default:
        return pg.types.getTypeParser(oid, 'text');
    }
  },
} as pg.CustomTypesConfig;

/** `?` → `$n`, outside quoted identifiers and string literals. */
export function numberedParameters(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

const toPostgres = (params: readonly SqlValue[] = []): (string | number | null)[] =>
  params.map((p) => (p instanceof Date ? p.toISOString() : p));

/** SQLSTATE of a pg error, if any. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)
    ? error.code
    : undefined;
}

/** Contention, worth another attempt: serialization failure, deadlock, lock_timeout. */
const RETRYABLE = new Set(['40001', '40P01', '55P03']);

/**
 * The connection failed, not the statement: the server ended it (57P01: a
 * restart, a fail-over or pg_terminate_backend; 57P02: a crash of another
 * backend) or the socket closed under it. pg's pool keeps idle connections
 * without checking them, so after a restart each one fails the first
 * statement sent on it, whether or not this process has read its end yet.
 */
export function connectionLost(error: unknown): boolean {
  const state = sqlState(error);
  if (state === '57P01' || state === '57P02' || state === '08003' || state === '08006') return true;
  if (typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return true;
  // Not "Connection terminated due to connection timeout": a server that does not answer is not retried.
  return error instanceof Error && /^Connection terminated unexpectedly/.test(error.message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_SIZE);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 5;
}

/** What a lock may be waited for per statement, set once per connection (a save's own deadline, see batch). */
const LOCK_TIMEOUT_MS = 10_000;

/**
 * How long a request may wait for a connection: a new one to a server that
 * does not answer (a fail-over, a dropped network; without a bound, Linux gives
 * up on a SYN only after ~2 minutes), or a free one from a busy pool. The
 * save's own deadline, so a save that cannot start in time fails as a save
 * that could not finish in time would: 503, nothing written.
 */
export const CONNECT_TIMEOUT_MS = LOCK_TIMEOUT_MS;

export function createPool(url: string, max = poolSize(), options: { connectTimeoutMs?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    // TCP keepalive on idle connections: a firewall or NAT between app and
    // database may forget a flow that stays silent for minutes, and the next
    // statement on it then fails or waits for TCP to give up.
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
    ...parseIntoClientConfig(url),
    max,
    types,
    application_name: 'wegwijzer-kansrijke-start',
    lock_timeout: LOCK_TIMEOUT_MS,
    // A transaction left open by a crashed request must not hold its locks forever.
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection that the server closed (a restart, a fail-over) must
  // not crash the process; the pool replaces it on the next query.
  pool.on('error', (error) => console.error(`PostgreSQL: verbinding verbroken (${sqlState(error) ?? error.message})`));
  return pool;
}

export class PostgresStore implements Store {
  readonly kind = 'postgresql';
  private readonly names = new Map<string, { name: string; text: string }>();

  constructor(readonly pool: pg.Pool) {}

  /**
   * How often a statement may meet a lost connection before the loss counts:
   * once per connection the pool may hold (each dead one is dropped when it
   * fails), and once more. A server that is really down fails on connect
   * (ECONNREFUSED), which is never retried.
   */
  private get lostConnectionRetries(): number {
    return (this.pool.options.max ?? 10) + 1;
  }

  /**
   * `work` on a connection of its own, inside BEGIN … COMMIT or ROLLBACK; `work`
   * returns what to do (COMMIT with its result, or ROLLBACK). A connection
   * lost before COMMIT was sent is retried on another one: the server rolled
   * that transaction back. A loss during COMMIT is not: the save may have
   * committed, and only its caller can tell (the version check of a next save).
   */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<{ commit: boolean; result: T }>): Promise<T> {
    for (let lost = 0; ; lost++) {
      const client = await this.pool.connect();
      // A checked-out client has no listener of the pool's: a connection that
      // ends between two statements would emit an unhandled 'error' and end the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      let committing = false;
      try {
        await client.query('BEGIN');
        const { commit, result } = await work(client);
        committing = commit;
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (error) {
        if (!broken) {
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            // The connection itself failed: do not give it back to the pool.
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          }
        }
        if (connectionLost(error) && !committing && lost < this.lostConnectionRetries) continue;
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    }
  }

  /** One statement on whichever pooled connection is free; a lost connection is retried on another (reads, and single statements that either ran or did not). */
  private async once(sql: string, params?: readonly SqlValue[]): Promise<pg.QueryResult<Row>> {
    for (let lost = 0; ; lost++) {
      try {
        return await this.run(this.pool, sql, params);
      } catch (error) {
        if (connectionLost(error) && lost < this.lostConnectionRetries) continue;
        throw error;
      }
    }
  }

  private query(sql: string): { name: string; text: string } {
    let q = this.names.get(sql);
    if (!q) {
      q = { name: `ww${this.names.size}`, text: numberedParameters(sql) };
      this.names.set(sql, q);
    }
    return q;
  }

  private async run(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly SqlValue[]): Promise<pg.QueryResult<Row>> {
    return client.query<Row>({ ...this.query(sql), values: toPostgres(params) });
  }

  async get(sql: string, params?: readonly SqlValue[]): Promise<Row | undefined> {
    return (await this.once(sql, params)).rows[0];
  }

  async all(sql: string, params?: readonly SqlValue[]): Promise<readonly Row[]> {
    return (await this.once(sql, params)).rows;
  }

  async batch(steps: readonly Step[], timeoutMs = LOCK_TIMEOUT_MS): Promise<StepResult[]> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.inTransaction(async (client) => {
          // Waiting for a row lock is bounded by what is left of the deadline
          // (the connection's own lock_timeout is the whole deadline: one round trip less on a first attempt).
          const left = deadline - Date.now();
          if (left < LOCK_TIMEOUT_MS) await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(left))}`);
          const results: StepResult[] = [];
          for (const [index, step] of steps.entries()) {
            const result = await this.run(client, step.sql, step.params);
            const changes = result.rowCount ?? 0;
            if (step.expect === 'one-row' && changes !== 1) throw new StepExpectationFailed(index, changes);
            results.push({ changes, rows: result.rows });
          }
          return { commit: true, result: results };
        });
      } catch (error) {
        const state = sqlState(error);
        if (state === undefined || !RETRYABLE.has(state)) throw error;
        if (Date.now() >= deadline) throw new WriteTimeoutError();
        await sleep(Math.min(2 ** attempt, 16) * (0.5 + Math.random()));
      }
    }
  }

  isUniqueViolation(error: unknown): boolean {
    return sqlState(error) === '23505';
  }

  /**
   * A write transaction that writes nothing: BEGIN, a rate-limit row inserted
   * and rolled back (refused on a read-only server or a full disk, waits on
   * a stuck lock up to `timeoutMs`), ROLLBACK.
   */
  async probeWrite(timeoutMs: number): Promise<void> {
    try {
      await this.inTransaction(async (client) => {
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, timeoutMs)}`);
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, timeoutMs)}`);
        await client.query(`INSERT INTO "RateLimitWindow" ("limiter", "key", "windowStart", "count") VALUES ('HEALTH', 'probe', 0, 0)
          ON CONFLICT ("limiter", "key") DO UPDATE SET "count" = "RateLimitWindow"."count"`);
        return { commit: false, result: undefined };
      });
    } catch (error) {
      if (sqlState(error) === '55P03' || sqlState(error) === '57014') throw new WriteTimeoutError();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
