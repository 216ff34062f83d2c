import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, needsNonce, staticContentSecurityPolicy } from './lib/security-headers';

/**
 * The Content-Security-Policy of every page (lib/security-headers.ts).
 *
 * Plan and region pages get a fresh nonce per request: Next.js reads it from
 * the request's CSP header and puts it on its own scripts while rendering
 * (app/plannen/layout.tsx and app/regio/layout.tsx render per request).
 * Content pages are prerendered, so there is no nonce to give: they get the
 * static policy, and the request goes on unchanged.
 */
export function proxy(request: NextRequest) {
  const opts = {
    dev: process.env.NODE_ENV === 'development',
    https: (process.env.APP_URL ?? '').startsWith('https:'),
  };
  if (!needsNonce(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', staticContentSecurityPolicy(opts));
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, opts);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API responses are JSON/files, static assets are hashed files.
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
