import { Citations } from './citations';
import { formatPeildatum } from '@/lib/content/labels';
import type { Feit } from '@/lib/content/schema';

/** Dated facts (amounts, tariffs) as a table, each with its source and peildatum. */
export function Facts({ feiten, caption = 'Feiten en bedragen' }: { feiten: readonly Feit[]; caption?: string }) {
  if (feiten.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-gray-400 text-left">
            <th scope="col" className="py-1 pr-3">Wat</th>
            <th scope="col" className="py-1 pr-3">Waarde</th>
            <th scope="col" className="py-1">Peildatum en bron</th>
          </tr>
        </thead>
        <tbody>
          {feiten.map((f, i) => {
            const peildatum = f.bron.find((b) => b.peildatum)?.peildatum;
            return (
              <tr key={i} className="border-b border-gray-200 align-top">
                <td className="py-2 pr-3">{f.omschrijving}</td>
                <td className="py-2 pr-3 font-medium">
                  {f.waarde}
                  {f.zekerheid && <span className="block text-xs font-normal text-muted">Zekerheid: {f.zekerheid}</span>}
                </td>
                <td className="py-2">
                  {peildatum ? formatPeildatum(peildatum) : f.jaar ? String(f.jaar) : 'niet gedateerd'}
                  <Citations bron={f.bron} className="mt-1" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
