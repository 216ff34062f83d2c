import { getCatalog } from '@/lib/content';
import { formatDatering } from '@/lib/content/validity';

/**
 * The dated notice at the top of content pages: what the page is based on and
 * how old that is (from content/teksten.yaml and the documents' datering),
 * with a link to /actueel.
 */
export function AgeNotice({ id, className = '' }: { id: string; className?: string }) {
  const c = getCatalog();
  const t = c.by.teksten.get(id);
  if (!t) return null;
  const docs = t.documenten.flatMap((bestand) => {
    const d = c.by.documenten.get(bestand);
    return d ? [d] : [];
  });
  return (
    <aside aria-label="Hoe actueel is deze pagina?" className={`mb-6 rounded border-l-4 border-amber-700 bg-accent-100 px-4 py-3 ${className}`}>
      <p>{t.tekst}</p>
      {docs.length > 0 && (
        <p className="mt-1 text-sm">
          <span className="font-medium">Gebaseerd op:</span>{' '}
          {docs.map((d, i) => (
            <span key={d.bestand}>
              {i > 0 && '; '}
              <cite className="not-italic">{d.titel}</cite> ({formatDatering(d.datering)})
            </span>
          ))}
          .
        </p>
      )}
      <p className="mt-1">
        <a href="/actueel" className="font-medium text-brand-700 underline">
          Wat is er veranderd sinds de wegwijzer?
        </a>
      </p>
    </aside>
  );
}

