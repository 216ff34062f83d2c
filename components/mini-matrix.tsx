import { getCatalog } from '@/lib/content';
import { cellKey, matrixRows } from '@/lib/content/matrix';
import { wegwijzerHref } from '@/lib/wegwijzer-url';

/**
 * A small wegwijzer matrix that marks the cells something uses (an example, an
 * intervention, a funding source). Marked cells say so in text, not only in
 * colour, and link to that cell in the wegwijzer.
 */
export function MiniMatrix({
  cells,
  caption,
  notes = {},
  markLabel = 'Ja',
}: {
  /** Keys "wet|niveau". */
  cells: ReadonlySet<string>;
  caption: string;
  /** Optional short note per marked cell. */
  notes?: Record<string, string>;
  markLabel?: string;
}) {
  const c = getCatalog();
  const { laws, crossCutting } = matrixRows(c);
  return (
    <table className="w-full table-fixed border-collapse border border-gray-400 text-xs sm:text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="bg-brand-50">
          <th scope="col" className="w-[28%] border border-gray-400 p-1 text-left">
            Wet
          </th>
          {c.niveaus.map((n) => (
            <th key={n.slug} scope="col" className="border border-gray-400 p-1 text-left">
              {n.naam}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...laws, ...crossCutting].map((w) => (
          <tr key={w.slug}>
            <th scope="row" className="border border-gray-400 bg-brand-50 p-1 text-left font-medium break-words">
              {w.korteNaam}
            </th>
            {c.niveaus.map((n) => {
              const key = cellKey(w.slug, n.slug);
              const on = cells.has(key);
              return (
                <td key={n.slug} className={`border border-gray-400 p-1 align-top break-words hyphens-auto ${on ? 'bg-accent-100' : ''}`}>
                  {on ? (
                    <a href={wegwijzerHref({ wet: w.slug, niveau: n.slug }, {}, '#detail')} className="font-semibold text-brand-800 underline">
                      {markLabel}
                      <span className="sr-only">
                        {' '}
                        ({w.naam}, {n.naam})
                      </span>
                    </a>
                  ) : (
                    <span className="text-muted">
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">Nee</span>
                    </span>
                  )}
                  {on && notes[key] && <span className="mt-0.5 block text-muted">{notes[key]}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
