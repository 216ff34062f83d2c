import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteMark } from '@/components/site-mark';
import { SiteText, siteTekst } from '@/components/site-text';
import { getCatalog } from '@/lib/content';
import { contentDate } from '@/lib/content/content-date';
import { formatPeildatum } from '@/lib/content/labels';
import { SITE_DESCRIPTION, SITE_NAME, siteContactEmail, siteOwner, siteUrl } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  openGraph: { siteName: SITE_NAME, locale: 'nl_NL', type: 'website', title: SITE_NAME, description: SITE_DESCRIPTION },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const NAV = [
  { href: '/wegwijzer', label: 'Wegwijzer' },
  { href: '/bronnen', label: 'Financieringsbronnen' },
  { href: '/interventies', label: 'Interventies' },
  { href: '/knelpunten', label: 'Knelpunten' },
  { href: '/voorbeelden', label: 'Voorbeelden' },
  { href: '/actueel', label: 'Actueel' },
  { href: '/plannen', label: 'Mijn plannen' },
  { href: '/plannen/nieuw', label: 'Financieringsplan' },
  { href: '/regio/nieuw', label: 'Regio' },
];

/** Links about the app itself, in the footer (and the colofon also in the header). */
const ABOUT = [
  { href: '/colofon', label: 'Colofon' },
  { href: '/toegankelijkheid', label: 'Toegankelijkheidsverklaring' },
  { href: '/privacy', label: 'Privacy' },
];

// Content pages are prerendered (their CSP needs no nonce; the plan and
// region layouts render per request for theirs, proxy.ts) and regenerated in
// the background at most an hour after a request finds them older, so what
// they show by today's date (validity of sources) stays current.
export const revalidate = 3600;

// Links in the layout are plain <a>, as in the bodies of content pages: a
// next/link is a client component to hydrate on every page (and, unless told
// not to, an RSC prefetch per visible link, which Lighthouse counted as
// blocking time; npm run bench:pages). Content pages are prerendered, so a
// document load is fast.

export default function RootLayout({ children }: { children: ReactNode }) {
  const owner = siteOwner();
  const email = siteContactEmail();
  const date = contentDate(getCatalog());
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col bg-white font-sans">
        <a href="#inhoud" className="nl-skip-link nl-skip-link--visible-on-focus z-50">
          Direct naar de inhoud
        </a>
        <header className="no-print">
          <div className="border-b border-brand-100">
            <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a document load on purpose, as every link in the layout */}
              <a href="/" className="flex items-center gap-3 font-semibold text-brand-800 no-underline">
                <SiteMark className="shrink-0" />
                <span className="text-lg leading-tight">
                  Wegwijzer financiering <span className="whitespace-nowrap">Kansrijke Start</span>
                </span>
              </a>
              <p className="shrink-0 text-right text-sm">
                {owner && <span className="hidden text-muted sm:inline">Aangeboden door {owner} · </span>}
                <a href="/colofon" className="nl-link">
                  Colofon
                </a>
              </p>
            </div>
          </div>
          <nav aria-label="Hoofdmenu" className="on-dark bg-brand-700 text-white">
            <div className="mx-auto max-w-6xl px-4">
              {/*
                Small screens: a disclosure that needs no JavaScript. Its links are plain <a>:
                a full page load closes the menu (the layout, and so an open <details>, would
                survive a client-side navigation).
              */}
              <details className="site-menu lg:hidden">
                <summary className="flex min-h-11 items-center gap-2 py-2 font-semibold">
                  <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                    <path className="site-menu-open" d="M2 4h16v2H2zm0 5h16v2H2zm0 5h16v2H2z" fill="currentColor" />
                    <path className="site-menu-close" d="M4.3 2.9 10 8.6l5.7-5.7 1.4 1.4-5.7 5.7 5.7 5.7-1.4 1.4-5.7-5.7-5.7 5.7-1.4-1.4 5.7-5.7-5.7-5.7z" fill="currentColor" />
                  </svg>
                  Menu
                </summary>
                <ul className="border-t border-brand-200/40 pb-2">
                  {NAV.map((item) => (
                    <li key={item.href}>
                      <a href={item.href} className="nl-link block py-2">
                        {item.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
              <ul className="hidden flex-wrap gap-x-6 lg:flex">
                {NAV.map((item) => (
                  <li key={item.href}>
                    {/* A document load, as every link in the layout: plan and region pages then always run under their own nonce policy (proxy.ts). */}
                    <a href={item.href} className="nl-link inline-block py-3 no-underline hover:underline">
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        </header>
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="no-print on-dark bg-brand-800 text-white">
          <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 text-sm md:grid-cols-[2fr_1fr]">
            <div>
              <p className="font-semibold">{SITE_NAME}</p>
              <p className="mt-1">
                <SiteText text={siteTekst('voettekst')} />
              </p>
              {date && (
                <p className="mt-2">
                  Stand van de inhoud: <time dateTime={date}>{formatPeildatum(date)}</time> (<a href="/actueel" className="nl-link">wat is er veranderd</a>).
                </p>
              )}
              <p className="mt-2">Eigenaar: {owner ?? <SiteText text={siteTekst('eigenaar-onbekend')} />}</p>
            </div>
            <nav aria-label="Over deze app">
              <ul className="space-y-1">
                {ABOUT.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} className="nl-link">
                      {item.label}
                    </a>
                  </li>
                ))}
                <li>
                  {email ? (
                    <>
                      Contact:{' '}
                      <a href={`mailto:${email}`} className="nl-link">
                        {email}
                      </a>
                    </>
                  ) : (
                    <a href="/colofon#eigenaar" className="nl-link">
                      Contact
                    </a>
                  )}
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
