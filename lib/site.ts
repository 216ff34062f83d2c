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
