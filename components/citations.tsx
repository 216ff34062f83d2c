import type { ReactNode } from 'react';
import { getCatalog } from '@/lib/content';
import { formatPeildatum } from '@/lib/content/labels';
import type { Citation } from '@/lib/content/schema';

/** "example.nl/pad" for a link text: the address without scheme and "www.", cut short. */
function shortUrl(url: string): string {
  const u = new URL(url);
  const text = u.hostname.replace(/^www\./, '') + (u.pathname === '/' ? '' : u.pathname);
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}

/**
 * "Bron: …" line(s) under an item: document title, place in it, peildatum and the public pages behind it.
 *
 * The line is one flat list of text and a few elements (styles in app/globals.css, `.citations`): a page such as
 * /knelpunten has dozens of these, and each element and class string travels in its inline RSC data and is hydrated.
 */
export function Citations({ bron, className = '' }: { bron: readonly Citation[]; className?: string }) {
  const docs = getCatalog().by.documenten;
  const nodes: ReactNode[] = [];
  bron.forEach((c, i) => {
    if (i > 0) nodes.push('; ');
    nodes.push(<cite key={`c${i}`}>{docs.get(c.document)?.titel ?? c.document}</cite>);
    // The text between two elements is one string: one text node instead of one per part.
    const text = [c.plek && `, ${c.plek}`, c.oorspronkelijkeBron && ` (oorspronkelijk: ${c.oorspronkelijkeBron})`, c.peildatum && `, stand ${formatPeildatum(c.peildatum)}`]
      .filter(Boolean)
      .join('');
    if (!c.urls) {
      if (text) nodes.push(text);
      return;
    }
    nodes.push(`${text} (webpagina${c.urls.length > 1 ? "'s" : ''}: `);
    c.urls.forEach((url, j) => {
      if (j > 0) nodes.push(', ');
      nodes.push(
        <a key={`u${i}-${j}`} href={url} rel="noopener noreferrer">
          {shortUrl(url)}
        </a>,
      );
    });
    nodes.push(')');
  });
  return (
    <p className={`citations ${className}`}>
      <strong>{bron.length > 1 ? 'Bronnen:' : 'Bron:'}</strong> {nodes}
    </p>
  );
}
