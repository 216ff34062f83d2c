import { createHash } from 'node:crypto';
import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashSecret, looksLikeToken, newEditSecret, newPlanId, secretMatches } from '@/lib/plans/secret';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

describe('edit secrets', () => {
  it('have at least 128 random bits (32 bytes, base64url)', () => {
    const secrets = new Set(Array.from({ length: 200 }, newEditSecret));
    expect(secrets.size).toBe(200);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(s, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(Buffer.from(s, 'base64url').length).toBe(32);
    }
  });

  it('are stored as their sha256 only', () => {
    const secret = newEditSecret();
    const hash = hashSecret(secret);
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
  });

  it('match only the right secret, compared with timingSafeEqual', () => {
    const secret = newEditSecret();
    const hash = hashSecret(secret);
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(secret + 'x', hash)).toBe(false);
    expect(secretMatches('', hash)).toBe(false);
    expect(secretMatches(newEditSecret(), hash)).toBe(false);
    // A malformed stored hash never matches, but is still compared (same timing).
    expect(secretMatches(secret, 'niet-hex')).toBe(false);
    expect(spy).toHaveBeenCalledTimes(5);
  });
});

describe('plan ids', () => {
  it('are 128-bit random base64url tokens', () => {
    const id = newPlanId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url').length).toBe(16);
    expect(looksLikeToken(id)).toBe(true);
    expect(looksLikeToken('../etc/passwd')).toBe(false);
    expect(looksLikeToken('')).toBe(false);
    expect(looksLikeToken('a'.repeat(129))).toBe(false);
  });
});
