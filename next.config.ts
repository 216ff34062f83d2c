import type { NextConfig } from 'next';
import { MAX_BODY_BYTES } from './lib/limits';

// Headers for every response. The Content-Security-Policy differs between plan
// pages (a nonce per request) and content pages, so proxy.ts sets it
// (lib/security-headers.ts), not here.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  // Browsers ignore HSTS over plain HTTP, so sending it from `next start` locally is harmless.
  ...(process.env.NODE_ENV === 'production'
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

// Funding plans and regional plans carry a secret edit link in their URL:
// their pages must not leak it through the Referer header, nor be indexed.
// `strict-origin` sends only the origin (never path or query) and nothing on a
// downgrade to http. Not `no-referrer`: with that policy browsers send
// `Origin: null` on the pages' own POSTs, which Next's Server Action CSRF
// check refuses unless 'null' is an allowed origin, and allowing 'null' lets
// any site that declares no-referrer post to our actions (issue 11).
const planPrivacyHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin' },
  { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
];
// JSON and exports are never a document that follows links; nothing to send.
const planApiPrivacyHeaders = [
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` logs every request line, edit links with their secret included.
  // Production workers redact every log line (scripts/worker-preload.cjs); in
  // development edit URLs are simply not logged.
  logging: { incomingRequests: { ignore: [/[?&]sleutel(=|%3D)/i] } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/plannen/:path*', headers: planPrivacyHeaders },
      { source: '/api/plannen/:path*', headers: planApiPrivacyHeaders },
      // Regional plans use the same capability links (lib/regions/urls.ts).
      { source: '/regio/:path*', headers: planPrivacyHeaders },
      { source: '/api/regio/:path*', headers: planApiPrivacyHeaders },
    ];
  },
  experimental: {
    // forbidden() for the plan edit page: a wrong edit link gets a real 403
    // (app/plannen/[id]/bewerken/forbidden.tsx).
    authInterrupts: true,
    // No serverActions.allowedOrigins: the plan pages' Referrer-Policy is
    // strict-origin (above), so their POSTs carry the real Origin and Next's
    // same-origin check applies as designed.
    serverActions: {
      // The same byte limit as the JSON API (lib/limits.ts), so the form can
      // save every plan the API accepts. Next's default is 1 MB, which a plan of
      // ~170 lines with notes exceeded (answered 500, typed input lost). Over the
      // limit the editor refuses before sending (with JavaScript); without
      // JavaScript Next answers its own error page (README, decisions).
      bodySizeLimit: MAX_BODY_BYTES,
    },
    // Not inlineCss: it saves the stylesheet's request before the first paint,
    // but Next puts the stylesheet into the page's inline RSC data twice as
    // well as into a <style>: +11 KB gzipped in every page (README, decisions).
    // Smaller client bundles (npm run bench:pages budgets first-load JS against
    // a bare Next.js page); React DOM and the router are most of it.
    turbopackCjsTreeShaking: true,
    turbopackCjsScopeHoisting: true,
    turbopackCrossModuleConstants: true,
    turbopackModuleFragments: true,
  },
};

export default nextConfig;
