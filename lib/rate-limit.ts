/**
 * A small in-memory fixed-window rate limiter, per client key.
 *
 * Fixed windows are enough here: the limits protect against bulk creation of
 * plans and against guessing edit secrets (which at 256 bits is hopeless
 * anyway; the limit mainly stops a client from burning CPU). State lives in
 * this process only, which matches the embedded single-process deployment; a
 * multi-instance deployment needs a shared store (a later issue).
 *
 * Configuration (environment, read on every check so tests can change it):
 *   RATE_LIMIT_DISABLED=1                 no limits at all (benchmarks, load tests)
 *   RATE_LIMIT_<NAME>_MAX=<n>             requests per window (NAME: CREATE, SECRET)
 *   RATE_LIMIT_<NAME>_WINDOW_SECONDS=<s>  window length
 * Defaults: CREATE 30 plans per 10 minutes per client; SECRET 20 wrong
 * secrets per 10 minutes per client, after which every secret-bearing request
 * from that client gets 429 until the window ends.
 */

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

type Window = { start: number; count: number };
type Env = Record<string, string | undefined>;

function positiveInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    /** Upper-case name used in the environment variables. */
    readonly name: string,
    private readonly defaults: { max: number; windowSeconds: number },
    /** Bounds memory when keys are spoofed: expired windows are dropped first, then the oldest. */
    private readonly maxKeys = 10_000,
  ) {}

  config(env: Env = process.env): { disabled: boolean; max: number; windowMs: number } {
    return {
      disabled: env.RATE_LIMIT_DISABLED === '1' || env.RATE_LIMIT_DISABLED === 'true',
      max: positiveInt(env[`RATE_LIMIT_${this.name}_MAX`], this.defaults.max),
      windowMs: positiveInt(env[`RATE_LIMIT_${this.name}_WINDOW_SECONDS`], this.defaults.windowSeconds) * 1000,
    };
  }

  private current(key: string, now: number, windowMs: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.start >= windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Whether `key` may proceed now, without counting this request. */
  check(key: string, now = Date.now()): RateLimitResult {
    const { disabled, max, windowMs } = this.config();
    if (disabled) return { ok: true, remaining: Infinity };
    const w = this.current(key, now, windowMs);
    if (!w || w.count < max) return { ok: true, remaining: max - (w?.count ?? 0) };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
  }

  /** Counts one request for `key`; refused when the window already had `max`. */
  hit(key: string, now = Date.now()): RateLimitResult {
    const { disabled, max, windowMs } = this.config();
    if (disabled) return { ok: true, remaining: Infinity };
    let w = this.current(key, now, windowMs);
    if (!w) {
      this.prune(now, windowMs);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
    w.count += 1;
    return { ok: true, remaining: max - w.count };
  }

  reset(): void {
    this.windows.clear();
  }

  private prune(now: number, windowMs: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
    // Still full: drop the oldest windows (Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}

// Kept on globalThis: Next may evaluate this module once per route bundle,
// and dev reloads modules; all of them must count against the same windows.
const registry = globalThis as unknown as { __rateLimiters?: Map<string, FixedWindowLimiter> };
function limiter(name: string, defaults: { max: number; windowSeconds: number }): FixedWindowLimiter {
  registry.__rateLimiters ??= new Map();
  let found = registry.__rateLimiters.get(name);
  if (!found) {
    found = new FixedWindowLimiter(name, defaults);
    registry.__rateLimiters.set(name, found);
  }
  return found;
}

/** Plan creation: hit() once per POST /api/plannen (and per create form submit). */
export const createPlanLimiter = limiter('CREATE', { max: 30, windowSeconds: 600 });
/** Wrong edit secrets: check() before verifying a secret, hit() after each wrong one. */
export const secretFailureLimiter = limiter('SECRET', { max: 20, windowSeconds: 600 });

/**
 * The client's key: the first address in X-Forwarded-For (set by the reverse
 * proxy in front of the app), else X-Real-IP, else one shared bucket.
 * Without a proxy these headers can be forged, so the limits are only as good
 * as the proxy; route handlers do not see the socket address in Next.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const real = headers.get('x-real-ip')?.trim();
  const key = forwarded || real || 'onbekend';
  return key.slice(0, 100);
}
