import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { needsNonce } from '@/lib/security-headers';
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from '@/lib/site';
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

// Content pages are prerendered (their CSP needs no nonce; the plan and
// region layouts render per request for theirs, proxy.ts) and regenerated in
// the background at most an hour after a request finds them older, so what
// they show by today's date (validity of sources) stays current.
export const revalidate = 3600;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col bg-white font-sans">
        <a
          href="#inhoud"
          className="sr-only z-50 bg-white p-3 text-brand-700 underline focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Direct naar de inhoud
        </a>
        <header className="no-print bg-brand-700 text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" prefetch={false} className="text-lg font-semibold text-white no-underline">
              Wegwijzer financiering <span className="whitespace-nowrap">Kansrijke Start</span>
            </Link>
            <nav aria-label="Hoofdmenu">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {NAV.map((item) => (
                  <li key={item.href}>
                    {needsNonce(item.href) ? (
                      // A document load, not a client-side navigation: plan and region pages
                      // then always run under their own nonce policy (proxy.ts).
                      <a href={item.href} className="text-white underline-offset-4 hover:underline">
                        {item.label}
                      </a>
                    ) : (
                      // No prefetch (here and on the home link above): on every page load the
                      // router would fetch and process two RSC requests per menu item (18 in
                      // all), which Lighthouse counts as blocking time (npm run bench:pages).
                      // A click on a prerendered page is fast anyway.
                      <Link href={item.href} prefetch={false} className="text-white underline-offset-4 hover:underline">
                        {item.label}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="inhoud" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="no-print border-t border-brand-100 bg-brand-50">
          <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-muted">
            Gebaseerd op de <em>Wegwijzer financiering integrale aanpak Kansrijke Start</em> (VWS) en werkdocumenten van het
            programma Kansrijke Start. Elk gegeven noemt zijn brondocument; toewijzingen die een interpretatie zijn, staan als
            zodanig gemarkeerd.
          </div>
        </footer>
      </body>
    </html>
  );
}
