import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedWindowLimiter, clientKey } from '@/lib/rate-limit';

afterEach(() => vi.unstubAllEnvs());

describe('FixedWindowLimiter', () => {
  it('allows max requests per window per key, then tells when to retry', () => {
    const limiter = new FixedWindowLimiter('TEST', { max: 3, windowSeconds: 60 });
    const t0 = 1_000_000;
    expect(limiter.hit('a', t0)).toEqual({ ok: true, remaining: 2 });
    expect(limiter.hit('a', t0 + 1)).toEqual({ ok: true, remaining: 1 });
    expect(limiter.hit('a', t0 + 2)).toEqual({ ok: true, remaining: 0 });
    expect(limiter.hit('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(limiter.check('a', t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    // Other clients have their own window.
    expect(limiter.hit('b', t0 + 10_000).ok).toBe(true);
    // A new window starts after 60 s.
    expect(limiter.hit('a', t0 + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it('check() does not count', () => {
    const limiter = new FixedWindowLimiter('TEST', { max: 1, windowSeconds: 60 });
    for (let i = 0; i < 5; i++) expect(limiter.check('a', 0).ok).toBe(true);
    expect(limiter.hit('a', 0).ok).toBe(true);
    expect(limiter.check('a', 0).ok).toBe(false);
  });

  it('is configured and disabled through the environment', () => {
    const limiter = new FixedWindowLimiter('TEST', { max: 100, windowSeconds: 60 });
    vi.stubEnv('RATE_LIMIT_TEST_MAX', '1');
    vi.stubEnv('RATE_LIMIT_TEST_WINDOW_SECONDS', '5');
    expect(limiter.config()).toEqual({ disabled: false, max: 1, windowMs: 5000 });
    expect(limiter.hit('a', 0).ok).toBe(true);
    expect(limiter.hit('a', 0)).toEqual({ ok: false, retryAfterSeconds: 5 });
    vi.stubEnv('RATE_LIMIT_DISABLED', '1');
    expect(limiter.hit('a', 0).ok).toBe(true);
    vi.stubEnv('RATE_LIMIT_DISABLED', '');
    vi.stubEnv('RATE_LIMIT_TEST_MAX', 'nonsense');
    expect(limiter.config().max).toBe(100);
  });

  it('keeps memory bounded when keys are forged', () => {
    const limiter = new FixedWindowLimiter('TEST', { max: 1, windowSeconds: 60 }, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});

describe('clientKey', () => {
  it('uses the first X-Forwarded-For address, then X-Real-IP, then a shared bucket', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientKey(new Headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(clientKey(new Headers())).toBe('onbekend');
  });
});
