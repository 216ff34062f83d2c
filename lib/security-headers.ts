/**
 * Security headers: two Content-Security-Policies (README, Decisions).
 *
 * - Pages that show user-entered data (funding plans under /plannen, regional
 *   plans under /regio) are rendered per request with a fresh nonce: scripts
 *   only from this origin with the nonce ('strict-dynamic' lets Next's nonced
 *   bootstrap load its chunks), never 'unsafe-inline' scripts.
 * - Content pages show only this repository's content: they are prerendered at
 *   build time, when there is no request and so no nonce, and Next's inline
 *   bootstrap scripts in their HTML are the same for every visitor. Their
 *   policy allows scripts from this origin and inline, still no eval, no
 *   objects, no foreign origins, no framing.
 *
 * Styles allow inline style attributes, which React and Next's route announcer
 * use (and inline <style>, which the inlined CSS uses); an injected style
 * cannot run code.
 */
type Opts = { dev: boolean; https: boolean };

/** Path prefixes whose pages show user-entered data and keep the nonce policy. */
export const NONCE_PATH_PREFIXES = ['/plannen', '/regio'] as const;

/** True for the plan and region pages (`/plannen`, `/plannen/…`), not for `/plannenmaker` or content pages. */
export function needsNonce(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

function policy(scriptSrc: string, opts: Opts): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSrc}${opts.dev ? " 'unsafe-eval'" : ''}`,
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

/** The per-request policy of plan and region pages. */
export function contentSecurityPolicy(nonce: string, opts: Opts): string {
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, opts);
}

/** The policy of prerendered content pages: the same, but inline scripts by 'unsafe-inline' instead of a nonce. */
export function staticContentSecurityPolicy(opts: Opts): string {
  return policy("'self' 'unsafe-inline'", opts);
}
