import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/security-headers';

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce in production, never unsafe-inline or eval', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false, https: true });
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
  });
  it('adds eval only for the development server, and no upgrade over plain HTTP', () => {
    const csp = contentSecurityPolicy('n', { dev: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
