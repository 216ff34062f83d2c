import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/site';

// Per request: APP_URL (the absolute addresses) is set where the app runs, not where it was built.
export const dynamic = 'force-dynamic';

/**
 * Content pages may be indexed. The API is never crawled. Plan and region
 * pages are not disallowed on purpose: they answer `noindex` (meta tag from
 * app/plannen/layout.tsx and app/regio/layout.tsx, X-Robots-Tag from
 * next.config.ts), and a crawler only sees that when it may fetch them; a
 * disallowed URL can still be listed, bare, when some page links to it.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/'] }],
    sitemap: new URL('/sitemap.xml', siteUrl()).toString(),
  };
}
