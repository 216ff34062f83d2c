'use client';

// Replaces Next's default root error page (and its inline styles) with a plain Dutch one.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="nl">
      <body>
        <h1>Er ging iets mis</h1>
        <p>Probeer het opnieuw of ga naar de startpagina.</p>
        <button type="button" onClick={reset}>
          Opnieuw proberen
        </button>{' '}
        {/* A full page load on purpose: after a root error the client router may be broken too. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Naar de startpagina</a>
      </body>
    </html>
  );
}
