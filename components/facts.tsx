import { Citations } from './citations';
import { formatPeildatum, ZEKERHEID_LABEL } from '@/lib/content/labels';
import type { Feit } from '@/lib/content/schema';
import { TableScroll } from './table-scroll';

/**
 * Dated facts (amounts, tariffs) as a table. The peildatum is the date on
 * which the fact holds; its certainty is named; a fact that was searched for
 * and not found says so instead of showing a value.
 */
export function Facts({ feiten, caption = 'Feiten en bedragen' }: { feiten: readonly Feit[]; caption?: string }) {
  if (feiten.length === 0) return null;
  return (
    <TableScroll label={caption}>
      {/* Cell styles are in app/globals.css (.facts): a page such as /knelpunten has many of these tables, and every class string travels in its inline RSC data. */}
      <table className="facts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Wat</th>
            <th scope="col">Waarde</th>
            <th scope="col">Geldt op</th>
            <th scope="col">Zekerheid en bron</th>
          </tr>
        </thead>
        <tbody>
          {feiten.map((f, i) => (
            <tr key={i}>
              <td>{f.omschrijving}</td>
              <td>
                {f.nietGevonden ? (
                  <span className="inline-block rounded bg-gray-100 px-2 py-0.5 text-xs font-semibold ring-1 ring-gray-600">Niet gevonden</span>
                ) : (
                  f.waarde
                )}
              </td>
              <td>{f.nietGevonden ? `stand ${formatPeildatum(f.peildatum)}` : formatPeildatum(f.peildatum)}</td>
              <td>
                {f.zekerheid && <strong>{ZEKERHEID_LABEL[f.zekerheid]}</strong>}
                {f.zekerheidToelichting && <small>{f.zekerheidToelichting}</small>}
                <Citations bron={f.bron} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
