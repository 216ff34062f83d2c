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

/** Page metadata with Open Graph tags, so a link shared in chat or mail previews with title and description. */
export function pageMetadata(title: string, description: string, path: string) {
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, siteName: SITE_NAME, locale: 'nl_NL', type: 'website' as const },
  };
}

/**
 * Who offers this installation and how to reach them. The repository cannot
 * know (anyone may run the app), so the deployment sets them; without them the
 * pages say plainly that nothing was set (content/site.yaml), never a made-up
 * organisation. Read per request: pages are rendered per request anyway.
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
