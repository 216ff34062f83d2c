import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRequire } from 'node:module';
import { FixedWindowLimiter, MemoryWindowStore, DatabaseWindowStore, type WindowStore } from '@/lib/rate-limit';
import { addressKey, clientKey } from '@/lib/client-address';
import { redactSecrets } from '@/lib/redact';
import { useTempDatabase } from './support/temp-db';

let cleanup: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
});
afterAll(async () => await cleanup?.());
afterEach(() => vi.unstubAllEnvs());

// The same behaviour from both stores: memory (one process) and the shared
// database the app uses (every server process counts against the same rows).
const stores: [string, () => WindowStore][] = [
  ['memory', () => new MemoryWindowStore()],
  ['database', () => new DatabaseWindowStore()],
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
    expect(await limiter.check('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    // Other clients have their own window.
    expect((await limiter.hit('b', t0 + 10_000)).ok).toBe(true);
    // A new window starts after 60 s.
    expect(await limiter.check('a', t0 + 60_000)).toEqual({ ok: true, remaining: 3 });
    expect(await limiter.hit('a', t0 + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it('check() does not count', async () => {
    const limiter = new FixedWindowLimiter(freshName(), { max: 1, windowSeconds: 60 }, makeStore());
    for (let i = 0; i < 5; i++) expect((await limiter.check('a', 0)).ok).toBe(true);
    expect((await limiter.hit('a', 0)).ok).toBe(true);
    expect((await limiter.check('a', 0)).ok).toBe(false);
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
    expect(await limiter.check('a', 5)).toEqual({ ok: true, remaining: 800 });
    await limiter.reset();
    expect(await limiter.check('a', 5)).toEqual({ ok: true, remaining: 1000 });
  });
});

describe('shared windows', () => {
  it('two limiters on the database count against the same window, as two server processes do', async () => {
    const name = freshName();
    const one = new FixedWindowLimiter(name, { max: 3, windowSeconds: 60 }, new DatabaseWindowStore());
    const other = new FixedWindowLimiter(name, { max: 3, windowSeconds: 60 }, new DatabaseWindowStore());
    await one.hit('a', 0);
    await other.hit('a', 1);
    await one.hit('a', 2);
    expect((await other.check('a', 3)).ok).toBe(false);
    expect((await other.hit('a', 3)).ok).toBe(false);
  });

  it('memory stays bounded when keys are forged', async () => {
    const store = new MemoryWindowStore(100);
    const limiter = new FixedWindowLimiter(freshName(), { max: 1, windowSeconds: 60 }, store);
    for (let i = 0; i < 1000; i++) await limiter.hit(`k${i}`, 0);
    expect(store.size).toBeLessThanOrEqual(100);
  });
});

describe('the table stays bounded', () => {
  const rows = async (limiter: string): Promise<number> => {
    const { store } = await import('@/lib/store');
    const row = await store().get('SELECT COUNT(*) AS "n" FROM "RateLimitWindow" WHERE "limiter" = ?', [limiter]);
    return row && 'n' in row ? Number(row.n) : -1;
  };

  it('keeps at most maxRows windows per limiter, dropping the oldest, and leaves other limiters alone', async () => {
    const capped = new FixedWindowLimiter(freshName(), { max: 5, windowSeconds: 3600 }, new DatabaseWindowStore(50));
    const other = new FixedWindowLimiter(freshName(), { max: 5, windowSeconds: 3600 }, new DatabaseWindowStore(50));
    for (let i = 0; i < 20; i++) await other.hit(`o${i}`, 0);
    for (let i = 0; i < 500; i++) await capped.hit(`k${i}`, 1000 + i);
    expect(await rows(capped.name)).toBe(50);
    expect(await rows(other.name)).toBe(20);
    // The newest windows are the ones kept, with their counts.
    expect((await capped.check('k499', 2000)).ok).toBe(true);
    await capped.hit('k499', 2000);
    expect(await capped.check('k499', 2000)).toEqual({ ok: true, remaining: 3 });
    expect(await capped.check('k0', 2000)).toEqual({ ok: true, remaining: 5 });
    // Hits on an existing window add no row.
    for (let i = 0; i < 100; i++) await capped.hit('k499', 2001);
    expect(await rows(capped.name)).toBe(50);
  });

  it('the cap comes from RATE_LIMIT_MAX_ROWS by default', async () => {
    vi.stubEnv('RATE_LIMIT_MAX_ROWS', '7');
    const limiter = new FixedWindowLimiter(freshName(), { max: 5, windowSeconds: 3600 }, new DatabaseWindowStore());
    for (let i = 0; i < 30; i++) await limiter.hit(`k${i}`, i);
    expect(await rows(limiter.name)).toBe(7);
  });

  it('drops expired windows of the limiter', async () => {
    const limiter = new FixedWindowLimiter(freshName(), { max: 5, windowSeconds: 60 }, new DatabaseWindowStore(1000));
    for (let i = 0; i < 40; i++) await limiter.hit(`old${i}`, 0);
    expect(await rows(limiter.name)).toBe(40);
    // More than a minute later every earlier window has expired; the next hit prunes them.
    await limiter.hit('new', 120_000);
    expect(await rows(limiter.name)).toBe(1);
  });
});

describe('clientKey', () => {
  const SOCKET = 'x-wegwijzer-socket-address';
  const headers = (socket: string | null, forwarded?: string) =>
    new Headers({ ...(socket === null ? {} : { [SOCKET]: socket }), ...(forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }) });

  it('uses the socket address and ignores X-Forwarded-For unless TRUST_PROXY says so', () => {
    expect(clientKey(headers('203.0.113.7'), {}, SOCKET)).toBe('203.0.113.7');
    expect(clientKey(headers('::ffff:203.0.113.7'), {}, SOCKET)).toBe('203.0.113.7');
    // A forged X-Forwarded-For (or X-Real-IP) changes nothing: rotating it keeps one key.
    const keys = new Set(Array.from({ length: 50 }, (_, i) => clientKey(headers('198.51.100.4', `10.0.${i}.1`), {}, SOCKET)));
    expect([...keys]).toEqual(['198.51.100.4']);
    expect(clientKey(new Headers({ [SOCKET]: '198.51.100.4', 'x-real-ip': '1.2.3.4' }), {}, SOCKET)).toBe('198.51.100.4');
  });

  it('believes the socket header only when the worker preload announced it', () => {
    // Without the preload (next dev, a bare next start) any such header came from the client.
    expect(clientKey(headers('203.0.113.7', '198.51.100.1'), {}, null)).toBe('onbekend');
    expect(clientKey(headers('203.0.113.7'), {}, 'some-other-header')).toBe('onbekend');
  });

  it('behind TRUST_PROXY=n proxies takes the n-th address from the right, whatever the client put left of it', () => {
    // nginx ($proxy_add_x_forwarded_for) appends the address it saw; the socket is nginx.
    expect(clientKey(headers('127.0.0.1', '203.0.113.7'), { TRUST_PROXY: '1' }, SOCKET)).toBe('203.0.113.7');
    const forged = Array.from({ length: 30 }, (_, i) => clientKey(headers('127.0.0.1', `6.6.6.${i}, 203.0.113.7`), { TRUST_PROXY: '1' }, SOCKET));
    expect(new Set(forged)).toEqual(new Set(['203.0.113.7']));
    // Two proxies (a load balancer, then nginx).
    expect(clientKey(headers('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2'), { TRUST_PROXY: '2' }, SOCKET)).toBe('203.0.113.7');
    // Fewer addresses than hops: the leftmost known; none: the socket.
    expect(clientKey(headers('127.0.0.1', '203.0.113.7'), { TRUST_PROXY: '3' }, SOCKET)).toBe('203.0.113.7');
    expect(clientKey(headers('198.51.100.2'), { TRUST_PROXY: '1' }, SOCKET)).toBe('198.51.100.2');
    // Garbage from the trusted position is one shared bucket, never a free key per string.
    expect(clientKey(headers('127.0.0.1', 'x'.repeat(500)), { TRUST_PROXY: '1' }, SOCKET)).toBe('onbekend');
    // An invalid TRUST_PROXY trusts nothing.
    expect(clientKey(headers('127.0.0.1', '203.0.113.7'), { TRUST_PROXY: 'yes' }, SOCKET)).toBe('127.0.0.1');
  });

  it('keys IPv6 by its /64 and reads ports and brackets', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('[2001:db8:1:2::9]:443')).toBe('2001:db8:1:2::/64');
    expect(addressKey('203.0.113.7:5000')).toBe('203.0.113.7');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('e2e-forged')).toBeNull();
    expect(addressKey('')).toBeNull();
  });
});

describe('redaction of edit secrets in logs', () => {
  const require = createRequire(import.meta.url);
  const preload = require('../../scripts/worker-preload.cjs') as { redact: (text: string) => string };
  const samples = [
    'GET /plannen/abc/bewerken?sleutel=Zx9_-abc123 500',
    'Error: Body exceeded 1 MB limit at /regio/x/bewerken?sleutel=geheim&melding=nieuwe-link',
    'url="http://localhost/plannen/a/bewerken?SLEUTEL=abc" other',
    'encoded %2Fbewerken%3Fsleutel%3Dabc123%26x',
    'nothing secret here',
  ];

  it('hides every sleutel value, in our logger and in the workers\' stream filter alike', () => {
    for (const sample of samples) {
      const redacted = redactSecrets(sample);
      expect(redacted).toBe(preload.redact(sample));
      expect(redacted).not.toMatch(/sleutel(=|%3D)(?!\[verborgen\])/i);
    }
    expect(redactSecrets(samples[1] ?? '')).toBe('Error: Body exceeded 1 MB limit at /regio/x/bewerken?sleutel=[verborgen]&melding=nieuwe-link');
  });
});
