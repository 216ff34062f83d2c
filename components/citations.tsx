import { getCatalog } from '@/lib/content';
import { formatPeildatum } from '@/lib/content/labels';
import type { Citation } from '@/lib/content/schema';

/** "example.nl/pad" for a link text: the address without scheme and "www.", cut short. */
function shortUrl(url: string): string {
  const u = new URL(url);
  const text = u.hostname.replace(/^www\./, '') + (u.pathname === '/' ? '' : u.pathname);
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}

/** "Bron: …" line(s) under an item: document title, place in it, peildatum and the public pages behind it. */
export function Citations({ bron, className = '' }: { bron: readonly Citation[]; className?: string }) {
  const docs = getCatalog().by.documenten;
  return (
    <p className={`text-sm text-muted [overflow-wrap:anywhere] ${className}`}>
      <span className="font-medium">{bron.length > 1 ? 'Bronnen:' : 'Bron:'}</span>{' '}
      {bron.map((c, i) => {
        const doc = docs.get(c.document);
        return (
          <span key={i}>
            {i > 0 && '; '}
            <cite className="not-italic">{doc?.titel ?? c.document}</cite>
            {/* One text node, not one per part: less inline RSC data and fewer nodes to hydrate. */}
            {[c.plek && `, ${c.plek}`, c.oorspronkelijkeBron && ` (oorspronkelijk: ${c.oorspronkelijkeBron})`, c.peildatum && `, stand ${formatPeildatum(c.peildatum)}`]
              .filter(Boolean)
              .join('')}
            {c.urls && (
              <>
                {' '}
                (webpagina{c.urls.length > 1 ? "'s" : ''}:{' '}
                {c.urls.map((url, j) => (
                  <span key={url}>
                    {j > 0 && ', '}
                    <a href={url} className="text-brand-700 underline" rel="noopener noreferrer">
                      {shortUrl(url)}
                    </a>
                  </span>
                ))}
                )
              </>
            )}
          </span>
        );
      })}
    </p>
  );
}
