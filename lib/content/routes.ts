import type { RawContent } from './files';

/** The site's own pages (content/paginas.yaml). */
export const SITE_PAGES = ['/colofon', '/toegankelijkheid', '/privacy'] as const;

/**
 * Every content page: the sitemap lists them (app/sitemap.ts) and the e2e
 * accessibility suite visits each (tests/e2e/a11y.spec.ts). Plan and region
 * pages are not content: they are shared by capability links and never indexed.
 */
export function contentRoutes(c: Pick<RawContent, 'wetten' | 'financieringsbronnen' | 'interventies' | 'knelpunten' | 'voorbeelden'>): string[] {
  return [
    '/',
    '/wegwijzer',
    ...c.wetten.map((w) => `/wetten/${w.slug}`),
    '/bronnen',
    ...c.financieringsbronnen.map((b) => `/bronnen/${b.slug}`),
    '/interventies',
    ...c.interventies.map((i) => `/interventies/${i.slug}`),
    '/knelpunten',
    ...c.knelpunten.map((k) => `/knelpunten/${k.slug}`),
    '/actueel',
    '/voorbeelden',
    ...c.voorbeelden.map((v) => `/voorbeelden/${v.slug}`),
    ...SITE_PAGES,
  ];
}
