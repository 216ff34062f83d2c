import { store } from './store';

/**
 * A small fixed-window rate limiter, per key.
 *
 * What the limits are for: they protect the server's resources (bulk creation
 * of plans, CPU and writes spent on wrong edit secrets). They are not what
 * stops guessing: an edit secret has 128 bits or more, so guessing is hopeless
 * anyway. That is why a correct secret is never refused because of a limit
 * (lib/secret-attempts.ts): other people's wrong guesses must not lock the
 * owner out of their own plan (issue 11).
 *
 * Where the counts live: `npm start` runs one server process per core
 * (scripts/serve.mjs), and the kernel hands each connection to any of them,
 * so counts kept in one process's memory would let a client make N times the
 * limit, and a deployment may run several servers on one PostgreSQL database
 * (issue 12). The app's limiters therefore count in the database every process
 * and server shares (table RateLimitWindow, through the store's driver,
 * lib/store/): check() is one prepared SELECT, hit() one UPSERT. MemoryWindowStore is the same logic in
 * memory (unit tests, and anything that must not touch the database).
 *
 * The table stays bounded: each limiter's expired windows are deleted at most
 * once a minute, and when a new window would take a limiter over
 * RATE_LIMIT_MAX_ROWS rows (default 10,000) its oldest windows are deleted.
 * Keys come from socket addresses (lib/client-address.ts) and existing plan
 * ids, so a client can no longer mint keys by forging a header; the cap is the
 * backstop if that ever changes.
 *
 * Configuration (environment, read on every check so tests can change it):
 *   RATE_LIMIT_DISABLED=1                 no limits at all (benchmarks, load tests)
 *   RATE_LIMIT_<NAME>_MAX=<n>             requests per window (NAME: CREATE, SECRET, SECRET_DOC)
 *   RATE_LIMIT_<NAME>_WINDOW_SECONDS=<s>  window length
 *   RATE_LIMIT_MAX_ROWS=<n>               rows kept per limiter
 * Defaults: CREATE 30 plans per 10 minutes per client; SECRET 20 wrong
 * secrets per 10 minutes per client address; SECRET_DOC 20 wrong secrets per
 * 10 minutes per plan or regional plan. Past either, wrong secrets get 429.
 */

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type Window = { start: number; count: number };
type Env = Record<string, string | undefined>;

/** Where windows are kept. `count` is atomic: concurrent hits from several processes are all counted. */
export interface WindowStore {
  /** The current window of `key` (undefined when none, or expired at `now`). */
  read(limiter: string, key: string, now: number, windowMs: number): Promise<Window | undefined>;
  /** Counts one hit: a new window starting at `now` when there is none or it expired. Returns the window after counting. */
  count(limiter: string, key: string, now: number, windowMs: number): Promise<Window>;
  /** Forgets every window of the limiter (tests). */
  reset(limiter: string): Promise<void>;
}

export class MemoryWindowStore implements WindowStore {
  private readonly windows = new Map<string, Window>();
  /** Bounds memory when keys are forged: expired windows are dropped first, then the oldest. */
  constructor(private readonly maxKeys = 10_000) {}

  get size(): number {
    return this.windows.size;
  }

  private current(limiter: string, key: string, now: number, windowMs: number): Window | undefined {
    const w = this.windows.get(`${limiter}\u0000${key}`);
    return w && now - w.start < windowMs ? w : undefined;
  }

  async read(limiter: string, key: string, now: number, windowMs: number): Promise<Window | undefined> {
    const w = this.current(limiter, key, now, windowMs);
    return w && { ...w };
  }

  async count(limiter: string, key: string, now: number, windowMs: number): Promise<Window> {
    const id = `${limiter}\u0000${key}`;
    let w = this.current(limiter, key, now, windowMs);
    if (!w) {
      this.windows.delete(id);
      this.prune(now, windowMs);
      w = { start: now, count: 0 };
      this.windows.set(id, w);
    }
    w.count += 1;
    return { ...w };
  }

  async reset(limiter: string): Promise<void> {
    for (const id of this.windows.keys()) if (id.startsWith(`${limiter}\u0000`)) this.windows.delete(id);
  }

  private prune(now: number, windowMs: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [id, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(id);
    // Still full: drop the oldest windows (Map keeps insertion order).
    for (const id of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(id);
    }
  }
}

// Portable SQL (ON CONFLICT … DO UPDATE and RETURNING exist in SQLite and
// PostgreSQL). In the SET list every column still means the row's old value.
const SQL = {
  read: 'SELECT "windowStart", "count" FROM "RateLimitWindow" WHERE "limiter" = ? AND "key" = ?',
  count: `INSERT INTO "RateLimitWindow" ("limiter", "key", "windowStart", "count") VALUES (?, ?, ?, 1)
    ON CONFLICT ("limiter", "key") DO UPDATE SET
      "count" = CASE WHEN excluded."windowStart" - "RateLimitWindow"."windowStart" >= ? THEN 1 ELSE "RateLimitWindow"."count" + 1 END,
      "windowStart" = CASE WHEN excluded."windowStart" - "RateLimitWindow"."windowStart" >= ? THEN excluded."windowStart" ELSE "RateLimitWindow"."windowStart" END
    RETURNING "windowStart", "count"`,
  prune: 'DELETE FROM "RateLimitWindow" WHERE "limiter" = ? AND "windowStart" <= ?',
  rows: 'SELECT COUNT(*) AS "n" FROM "RateLimitWindow" WHERE "limiter" = ?',
  // The oldest windows first; the key breaks ties so the choice is stable.
  dropOldest: `DELETE FROM "RateLimitWindow" WHERE "limiter" = ? AND "key" IN (
      SELECT "key" FROM "RateLimitWindow" WHERE "limiter" = ? ORDER BY "windowStart", "key" LIMIT ?)`,
  reset: 'DELETE FROM "RateLimitWindow" WHERE "limiter" = ?',
} as const;

function toWindow(row: unknown): Window | undefined {
  if (!row || typeof row !== 'object' || !('windowStart' in row) || !('count' in row)) return undefined;
  const start = Number(row.windowStart);
  const count = Number(row.count);
  return Number.isFinite(start) && Number.isFinite(count) ? { start, count } : undefined;
}

/** Windows in the shared database: every server process (and every server) counts against the same rows. */
export class DatabaseWindowStore implements WindowStore {
  private readonly lastPrune = new Map<string, number>();

  /** `maxRows`: rows kept per limiter (default RATE_LIMIT_MAX_ROWS, else 10,000). */
  constructor(private readonly maxRows?: number) {}

  private rowCap(): number {
    return this.maxRows ?? positiveInt(process.env.RATE_LIMIT_MAX_ROWS, 10_000);
  }

  async read(limiter: string, key: string, now: number, windowMs: number): Promise<Window | undefined> {
    const w = toWindow(await store().get(SQL.read, [limiter, key]));
    return w && now - w.start < windowMs ? w : undefined;
  }

  async count(limiter: string, key: string, now: number, windowMs: number): Promise<Window> {
    // Expired windows are useless: drop this limiter's now and then, in the same transaction.
    const prune = now - (this.lastPrune.get(limiter) ?? -Infinity) > 60_000;
    if (prune) this.lastPrune.set(limiter, now);
    const results = await store().batch([
      ...(prune ? [{ sql: SQL.prune, params: [limiter, now - windowMs] }] : []),
      { sql: SQL.count, params: [limiter, key, now, windowMs, windowMs] },
    ]);
    const w = toWindow(results.at(-1)?.rows[0]);
    if (!w) throw new Error('RateLimitWindow: onverwacht antwoord van de database');
    // Only a new window can add a row (count 1: a new key, or an expired
    // window restarted), so only then can the limiter be over its cap. The
    // cap is a backstop, so it is enforced just after the count, not in its
    // transaction: a limiter may be over it by a few rows for a moment.
    if (w.count === 1) {
      const row = await store().get(SQL.rows, [limiter]);
      const rows = row && 'n' in row ? Number(row.n) : 0;
      const excess = rows - this.rowCap();
      if (excess > 0) await store().batch([{ sql: SQL.dropOldest, params: [limiter, limiter, excess] }]);
    }
    return w;
  }

  async reset(limiter: string): Promise<void> {
    await store().batch([{ sql: SQL.reset, params: [limiter] }]);
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export class FixedWindowLimiter {
  constructor(
    /** Upper-case name used in the environment variables and as the limiter's rows. */
    readonly name: string,
    private readonly defaults: { max: number; windowSeconds: number },
    private readonly store: WindowStore = new MemoryWindowStore(),
  ) {}

  config(env: Env = process.env): { disabled: boolean; max: number; windowMs: number } {
    return {
      disabled: env.RATE_LIMIT_DISABLED === '1' || env.RATE_LIMIT_DISABLED === 'true',
      max: positiveInt(env[`RATE_LIMIT_${this.name}_MAX`], this.defaults.max),
      windowMs: positiveInt(env[`RATE_LIMIT_${this.name}_WINDOW_SECONDS`], this.defaults.windowSeconds) * 1000,
    };
  }

  private refusal(w: Window, now: number, windowMs: number): RateLimitResult {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
  }

  /** Whether `key` may proceed now, without counting this request. */
  async check(key: string, now = Date.now()): Promise<RateLimitResult> {
    const { disabled, max, windowMs } = this.config();
    if (disabled) return { ok: true, remaining: Infinity };
    const w = await this.store.read(this.name, key, now, windowMs);
    if (!w || w.count < max) return { ok: true, remaining: max - (w?.count ?? 0) };
    return this.refusal(w, now, windowMs);
  }

  /** Counts one request for `key`; refused when it is over `max` in this window. */
  async hit(key: string, now = Date.now()): Promise<RateLimitResult> {
    const { disabled, max, windowMs } = this.config();
    if (disabled) return { ok: true, remaining: Infinity };
    const w = await this.store.count(this.name, key, now, windowMs);
    return w.count <= max ? { ok: true, remaining: max - w.count } : this.refusal(w, now, windowMs);
  }

  /** Forgets every window of this limiter (tests). */
  reset(): Promise<void> {
    return this.store.reset(this.name);
  }
}

// Kept on globalThis: Next may evaluate this module once per route bundle,
// and dev reloads modules; all of them must use the same limiters.
const registry = globalThis as unknown as { __rateLimiters?: Map<string, FixedWindowLimiter> };
function limiter(name: string, defaults: { max: number; windowSeconds: number }): FixedWindowLimiter {
  registry.__rateLimiters ??= new Map();
  let found = registry.__rateLimiters.get(name);
  if (!found) {
    found = new FixedWindowLimiter(name, defaults, new DatabaseWindowStore());
    registry.__rateLimiters.set(name, found);
  }
  return found;
}

/** Plan creation: hit() once per POST /api/plannen (and per create form submit). */
export const createPlanLimiter = limiter('CREATE', { max: 30, windowSeconds: 600 });
/** Wrong edit secrets per client address: hit() after each wrong one (lib/secret-attempts.ts). */
export const secretFailureLimiter = limiter('SECRET', { max: 20, windowSeconds: 600 });
/** Wrong edit secrets per plan or regional plan, whoever sends them (lib/secret-attempts.ts). */
export const documentSecretFailureLimiter = limiter('SECRET_DOC', { max: 20, windowSeconds: 600 });

export { clientKey } from './client-address';
