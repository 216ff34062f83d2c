/**
 * Security headers. The Content-Security-Policy allows scripts only from this
 * origin with the per-request nonce ('strict-dynamic' lets Next's nonced
 * bootstrap load its chunks): no 'unsafe-inline' scripts. Styles allow inline
 * style attributes, which React and Next's route announcer use; an injected
 * style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: on plain-http localhost it would break every subresource.
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
