import type { Conflict } from '@/lib/revision-history';

/**
 * The message of a stale save (funding plans and regional plans): nothing was
 * saved, what the user typed is still in the form, what the newer version
 * changed, and that saving again replaces that version. `id` is the element
 * the editor moves focus to.
 */
export function ConflictNotice({ id, conflict, readPath, noun }: { id: string; conflict: Conflict; readPath: string; noun: string }) {
  return (
    <div id={id} role="alert" tabIndex={-1} className="mb-6 border-l-4 border-amber-700 bg-accent-100 px-4 py-3 focus:outline-none focus-visible:outline-[3px]">
      <h2 className="text-lg font-bold">Niet opgeslagen</h2>
      <p className="mt-1 font-medium">
        Iemand anders heeft {noun} intussen opgeslagen (versie {conflict.version}). Uw wijzigingen zijn niet opgeslagen maar staan
        hieronder nog ingevuld.
      </p>
      {conflict.changes.length > 0 && (
        <>
          <p className="mt-2">Wat er in de nieuwere versie anders is:</p>
          <ul className="mt-1 list-disc pl-5">
            {conflict.changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2">
        <a href={readPath} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline">
          Bekijk versie {conflict.version}
          <span className="sr-only"> (opent in een nieuw tabblad)</span>
        </a>
      </p>
      <p className="mt-2">
        Neem over wat van die versie moet blijven en sla daarna opnieuw op: dan vervangt wat hieronder staat versie {conflict.version}.
      </p>
    </div>
  );
}
