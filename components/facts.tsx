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
      <table className="facts w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
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
              <td className="font-medium">
                {f.nietGevonden ? (
                  <span className="inline-block rounded bg-gray-100 px-2 py-0.5 text-xs font-semibold ring-1 ring-gray-600">Niet gevonden</span>
                ) : (
                  f.waarde
                )}
              </td>
              <td>{f.nietGevonden ? `stand ${formatPeildatum(f.peildatum)}` : formatPeildatum(f.peildatum)}</td>
              <td>
                {f.zekerheid && <span className="font-medium">{ZEKERHEID_LABEL[f.zekerheid]}</span>}
                {f.zekerheidToelichting && <span className="block text-xs text-muted">{f.zekerheidToelichting}</span>}
                <Citations bron={f.bron} className="mt-1" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
