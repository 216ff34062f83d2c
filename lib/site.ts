/** Site-wide facts used in metadata. APP_URL makes shared links preview with absolute URLs. */
export const SITE_NAME = 'Wegwijzer financiering Kansrijke Start';
export const SITE_DESCRIPTION =
  'Vind en combineer de financiering van uw aanpak Kansrijke Start: wetten, preventieniveaus, financieringsbronnen, interventies, knelpunten en voorbeelden van gemeenten.';

export function siteUrl(): URL {
  const raw = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  try {
    return new URL(raw);
  } catch {
    return new URL('http://localhost:3000');
  }
}

/**
 * The preview image of a page: the route app/og/[[...pad]] draws it from the
 * page's own path and query (the same title builder as the page,
 * lib/content/page-titles.ts), so an image URL can only ever show our titles.
 */
export function ogImagePath(path: string): string {
  return path === '/' ? '/og' : `/og${path}`;
}

/** Open Graph and Twitter image tags for a page's preview image. */
export function ogImages(path: string, alt: string) {
  const image = { url: ogImagePath(path), width: 1200, height: 630, alt, type: 'image/png' };
  return {
    openGraph: { images: [image] },
    twitter: { card: 'summary_large_image' as const, images: [image] },
  };
}

/**
 * Page metadata with a canonical URL, Open Graph and Twitter card tags, so a
 * link shared in chat or mail previews with title, description and image.
 */
export function pageMetadata(title: string, description: string, path: string) {
  const images = ogImages(path, title);
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, siteName: SITE_NAME, locale: 'nl_NL', type: 'website' as const, ...images.openGraph },
    twitter: { ...images.twitter, title, description },
  };
}

/**
 * Who offers this installation and how to reach them. The repository cannot
 * know (anyone may run the app), so the deployment sets them; without them the
 * pages say plainly that nothing was set (content/site.yaml), never a made-up
 * organisation. Read when a page renders: content pages are prerendered at build
 * time and regenerated at most hourly (app/layout.tsx), so set them for both
 * `npm run build` and `npm start`.
 *   SITE_OWNER           the organisation, e.g. "Gemeente Voorbeeld, team Jeugd"
 *   SITE_CONTACT_EMAIL   where to report a problem or ask about data
 */
export function siteOwner(env: Record<string, string | undefined> = process.env): string | null {
  const owner = env.SITE_OWNER?.trim();
  return owner ? owner.slice(0, 200) : null;
}

/** A plain address only (no display name, no mailto: parameters), so it can safely become a mailto: link. */
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export function siteContactEmail(env: Record<string, string | undefined> = process.env): string | null {
  const email = env.SITE_CONTACT_EMAIL?.trim();
  return email && email.length <= 200 && EMAIL.test(email) ? email : null;
}

/** pageMetadata for a described page (lib/content/page-titles.ts). */
export function metadataFor(page: { title: string; description: string; path: string }) {
  return pageMetadata(page.title, page.description, page.path);
}
