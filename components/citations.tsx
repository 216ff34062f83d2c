import { getCatalog } from '@/lib/content';
import { formatPeildatum } from '@/lib/content/labels';
import type { Citation } from '@/lib/content/schema';

/** "Bron: …" line(s) under an item: document title, place in it and peildatum. */
export function Citations({ bron, className = '' }: { bron: readonly Citation[]; className?: string }) {
  const docs = getCatalog().by.documenten;
  return (
    <p className={`text-sm text-muted ${className}`}>
      <span className="font-medium">{bron.length > 1 ? 'Bronnen' : 'Bron'}:</span>{' '}
      {bron.map((c, i) => {
        const doc = docs.get(c.document);
        return (
          <span key={i}>
            {i > 0 && '; '}
            <cite className="not-italic">{doc?.titel ?? c.document}</cite>
            {c.plek && `, ${c.plek}`}
            {c.oorspronkelijkeBron && ` (oorspronkelijk: ${c.oorspronkelijkeBron})`}
            {c.peildatum && `, peildatum ${formatPeildatum(c.peildatum)}`}
          </span>
        );
      })}
    </p>
  );
}
