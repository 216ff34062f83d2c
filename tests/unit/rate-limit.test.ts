import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FixedWindowLimiter, MemoryWindowStore, SqliteWindowStore, clientKey, type WindowStore } from '@/lib/rate-limit';
import { useTempDatabase } from './support/temp-db';

let cleanup: (() => void) | undefined;
beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
});
afterAll(() => cleanup?.());
afterEach(() => vi.unstubAllEnvs());

// The same behaviour from both stores: memory (one process) and the shared
// database the app uses (every server process counts against the same rows).
const stores: [string, () => WindowStore][] = [
  ['memory', () => new MemoryWindowStore()],
  ['database', () => new SqliteWindowStore()],
];
let n = 0;
const freshName = () => `TEST${++n}`;

describe.each(stores)('FixedWindowLimiter (%s)', (_label, makeStore) => {
  it('allows max requests per window per key, then tells when to retry', async () => {
    const limiter = new FixedWindowLimiter(freshName(), { max: 3, windowSeconds: 60 }, makeStore());
    const t0 = 1_000_000;
    expect(await limiter.hit('a', t0)).toEqual({ ok: true, remaining: 2 });
    expect(await limiter.hit('a', t0 + 1)).toEqual({ ok: true, remaining: 1 });
    expect(await limiter.hit('a', t0 + 2)).toEqual({ ok: true, remaining: 0 });
    expect(await limiter.hit('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limiter.check('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    // Other clients have their own window.
    expect((await limiter.hit('b', t0 + 10_000)).ok).toBe(true);
    // A new window starts after 60 s.
    expect(limiter.check('a', t0 + 60_000)).toEqual({ ok: true, remaining: 3 });
    expect(await limiter.hit('a', t0 + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it('check() does not count', async () => {
    const limiter = new FixedWindowLimiter(freshName(), { max: 1, windowSeconds: 60 }, makeStore());
    for (let i = 0; i < 5; i++) expect(limiter.check('a', 0).ok).toBe(true);
    expect((await limiter.hit('a', 0)).ok).toBe(true);
    expect(limiter.check('a', 0).ok).toBe(false);
  });

  it('is configured and disabled through the environment', async () => {
    const name = freshName();
    const limiter = new FixedWindowLimiter(name, { max: 100, windowSeconds: 60 }, makeStore());
    vi.stubEnv(`RATE_LIMIT_${name}_MAX`, '1');
    vi.stubEnv(`RATE_LIMIT_${name}_WINDOW_SECONDS`, '5');
    expect(limiter.config()).toEqual({ disabled: false, max: 1, windowMs: 5000 });
    expect((await limiter.hit('a', 0)).ok).toBe(true);
    expect(await limiter.hit('a', 0)).toEqual({ ok: false, retryAfterSeconds: 5 });
    vi.stubEnv('RATE_LIMIT_DISABLED', '1');
    expect((await limiter.hit('a', 0)).ok).toBe(true);
    vi.stubEnv('RATE_LIMIT_DISABLED', '');
    vi.stubEnv(`RATE_LIMIT_${name}_MAX`, 'nonsense');
    expect(limiter.config().max).toBe(100);
  });

  it('counts every one of many concurrent hits, and reset() forgets them', async () => {
    const limiter = new FixedWindowLimiter(freshName(), { max: 1000, windowSeconds: 60 }, makeStore());
    await Promise.all(Array.from({ length: 200 }, () => limiter.hit('a', 5)));
    expect(limiter.check('a', 5)).toEqual({ ok: true, remaining: 800 });
    await limiter.reset();
    expect(limiter.check('a', 5)).toEqual({ ok: true, remaining: 1000 });
  });
});

describe('shared windows', () => {
  it('two limiters on the database count against the same window, as two server processes do', async () => {
    const name = freshName();
    const one = new FixedWindowLimiter(name, { max: 3, windowSeconds: 60 }, new SqliteWindowStore());
    const other = new FixedWindowLimiter(name, { max: 3, windowSeconds: 60 }, new SqliteWindowStore());
    await one.hit('a', 0);
    await other.hit('a', 1);
    await one.hit('a', 2);
    expect(other.check('a', 3).ok).toBe(false);
    expect((await other.hit('a', 3)).ok).toBe(false);
  });

  it('memory stays bounded when keys are forged', async () => {
    const store = new MemoryWindowStore(100);
    const limiter = new FixedWindowLimiter(freshName(), { max: 1, windowSeconds: 60 }, store);
    for (let i = 0; i < 1000; i++) await limiter.hit(`k${i}`, 0);
    expect(store.size).toBeLessThanOrEqual(100);
  });
});

describe('clientKey', () => {
  it('uses the first X-Forwarded-For address, then X-Real-IP, then a shared bucket', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientKey(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientKey(new Headers())).toBe('onbekend');
  });
});
