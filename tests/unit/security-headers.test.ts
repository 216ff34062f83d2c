import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, needsNonce, staticContentSecurityPolicy } from '@/lib/security-headers';

const scriptSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src'));

describe('contentSecurityPolicy (plan and region pages)', () => {
  it('allows scripts only by nonce in production, never unsafe-inline or eval', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false, https: true });
    expect(scriptSrc(csp)).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
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

describe('staticContentSecurityPolicy (prerendered content pages)', () => {
  it('allows inline scripts without a nonce, but no eval, foreign origins, objects or framing', () => {
    const csp = staticContentSecurityPolicy({ dev: false, https: true });
    expect(scriptSrc(csp)).toBe("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('nonce-');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(staticContentSecurityPolicy({ dev: true, https: false })).toContain("'unsafe-eval'");
  });
});

describe('needsNonce', () => {
  it('is true for every plan and region page, whatever follows', () => {
    for (const p of ['/plannen', '/plannen/nieuw', '/plannen/abc/bewerken', '/regio', '/regio/nieuw', '/regio/x/bewerken']) {
      expect(needsNonce(p), p).toBe(true);
    }
  });
  it('is false for content pages, also those whose name starts like a plan path', () => {
    for (const p of ['/', '/wegwijzer', '/knelpunten', '/interventies/voorzorg', '/plannenmaker', '/regionaal', '/bronnen/regio']) {
      expect(needsNonce(p), p).toBe(false);
    }
  });
});
