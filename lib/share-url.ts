/**
 * The absolute URL a "Kopieer link" button copies: `href` (a path, a query or
 * a fragment such as "#knelpunt-3", or nothing for the page itself) resolved
 * against the page's canonical URL, which metadata builds from the site's
 * address (lib/site.ts siteUrl, metadataBase). Without a canonical link the
 * address in the browser is the base. Plain module: runs in the browser.
 */
export function shareUrl(href: string | undefined, canonical: string | null | undefined, location: string): string {
  const base = canonical || location;
  // new URL('', base) is the base without its fragment.
  return new URL(href ?? '', base).href;
}
