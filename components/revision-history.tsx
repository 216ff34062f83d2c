import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/dates';
import type { History } from '@/lib/revision-history';
import { TableScroll } from './table-scroll';

/**
 * The history section of an edit page (funding plans and regional plans):
 * a table of the latest versions, when each was saved and what it changed,
 * with a restore button per older version. The buttons belong to the edit
 * form (`form={formId}`, name "intent", value "restore:<version>"), so a
 * restore is a plain form post through the same Server Action, with or
 * without JavaScript.
 */
export function RevisionHistory({ history, formId, caption, intro }: { history: History; formId: string; caption: string; intro: ReactNode }) {
  return (
    <section id="geschiedenis" aria-labelledby="geschiedenis-titel" className="mt-10 scroll-mt-4">
      <h2 id="geschiedenis-titel" className="text-xl font-semibold text-brand-800">
        Geschiedenis
      </h2>
      <p className="mt-1 max-w-3xl">{intro}</p>
      <TableScroll label={caption} className="mt-3">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400 text-left">
              <th scope="col" className="py-1 pr-3">
                Versie
              </th>
              <th scope="col" className="py-1 pr-3">
                Opgeslagen
              </th>
              <th scope="col" className="py-1 pr-3">
                Wat er veranderde
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">Terugzetten</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.entries.map((entry) => (
              <tr key={entry.version} className="border-b border-gray-200 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium whitespace-nowrap">
                  {entry.version}
                  {entry.current && <span className="block font-normal text-muted">huidige</span>}
                </th>
                <td className="py-2 pr-3">{formatDateTime(entry.savedAt)}</td>
                <td className="py-2 pr-3">
                  {entry.changes.length === 0 ? (
                    <span className="text-muted">Geen wijzigingen</span>
                  ) : (
                    <ul className="list-disc pl-4">
                      {entry.changes.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2">
                  {!entry.current && (
                    <button
                      type="submit"
                      form={formId}
                      name="intent"
                      value={`restore:${entry.version}`}
                      className="no-print rounded border border-brand-700 px-2 py-1 whitespace-nowrap text-brand-700 hover:bg-brand-50"
                    >
                      Versie {entry.version} terugzetten
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {history.more > 0 && <p className="mt-2 text-sm text-muted">En {history.more} oudere versies.</p>}
    </section>
  );
}
