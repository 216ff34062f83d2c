import { FieldError } from '@/components/form-fields';
import { MERGE_FIELD, choiceName, conflictFieldValue, type Conflict } from '@/lib/merge/choices';

/**
 * The message of a stale save (funding plans and regional plans): nothing was
 * saved. Usually the form then holds the merge of the user's values with the
 * newer version (`conflict.merged`): what was merged automatically is listed,
 * and where both changed the same field differently the user chooses with
 * radio buttons (plain form fields, so it works without JavaScript; the hidden
 * MERGE_FIELD carries this notice to the next post). Otherwise it lists what
 * the newer version changed. `id` is the element the editor moves focus to;
 * `errors` may hold a message per open choice (keyed by choiceName(i)).
 */
export function ConflictNotice({
  id,
  conflict,
  readPath,
  noun,
  errors = {},
}: {
  id: string;
  conflict: Conflict;
  readPath: string;
  noun: string;
  errors?: Record<string, string>;
}) {
  const choices = conflict.choices ?? [];
  const v = conflict.version;
  return (
    <div id={id} role="alert" tabIndex={-1} className="mb-6 border-l-4 border-amber-700 bg-accent-100 px-4 py-3 focus:outline-none focus-visible:outline-[3px]">
      <h2 className="text-lg font-bold">Niet opgeslagen</h2>
      <p className="mt-1 font-medium">
        Iemand anders heeft {noun} intussen opgeslagen (versie {v}). Uw wijzigingen zijn niet opgeslagen maar staan hieronder nog ingevuld.
      </p>
      {conflict.merged ? (
        <>
          <input type="hidden" name={MERGE_FIELD} value={conflictFieldValue(conflict)} />
          {conflict.changes.length > 0 ? (
            <>
              <h3 className="mt-3 font-bold">Automatisch samengevoegd</h3>
              <p>Deze wijzigingen uit versie {v} raakten niets wat u veranderde en staan nu ook hieronder:</p>
              <ul className="mt-1 list-disc pl-5">
                {conflict.changes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          ) : (
            choices.length === 0 && <p className="mt-2">Versie {v} veranderde niets anders dan u.</p>
          )}
          {choices.length > 0 && (
            <>
              <h3 className="mt-3 font-bold">Kies wat blijft</h3>
              <p>
                U en versie {v} veranderden {choices.length === 1 ? 'hetzelfde gegeven' : `${choices.length} dezelfde gegevens`} verschillend. Kies
                bij elk welke waarde blijft; pas dan kunt u opslaan. ‘Mijn waarde’ houdt wat hieronder in het formulier staat; ‘Hun waarde’ neemt bij
                het opslaan de waarde van versie {v} over.
              </p>
              {choices.map((c, i) => {
                const name = choiceName(i);
                const error = errors[name];
                return (
                  <fieldset
                    key={`${v}:${c.key}`}
                    id={name}
                    tabIndex={-1}
                    aria-describedby={error ? `${name}-fout` : undefined}
                    className="mt-3 rounded border border-gray-400 bg-white px-3 py-2"
                  >
                    <legend className="px-1 font-semibold">{c.label}</legend>
                    <FieldError id={name} message={error} />
                    <div className="mt-1 flex items-start gap-2">
                      <input type="radio" id={`${name}-mijn`} name={name} value="mijn" defaultChecked={c.chosen === 'mijn'} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
                      <label htmlFor={`${name}-mijn`}>Mijn waarde: {c.mine}</label>
                    </div>
                    <div className="mt-1 flex items-start gap-2">
                      <input type="radio" id={`${name}-hun`} name={name} value="hun" defaultChecked={c.chosen === 'hun'} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
                      <label htmlFor={`${name}-hun`}>
                        Hun waarde (versie {v}): {c.theirs}
                      </label>
                    </div>
                  </fieldset>
                );
              })}
            </>
          )}
          <p className="mt-3">
            Controleer het formulier{choices.length > 0 ? ', maak uw keuzes' : ''} en sla op. Dan wordt het de versie na versie {v}; wat
            versie {v} veranderde, gaat daarbij niet verloren.
          </p>
        </>
      ) : (
        <>
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
          <p className="mt-2">Sla opnieuw op: dan worden uw wijzigingen samengevoegd met versie {v}, en ziet u wat er samengaat.</p>
        </>
      )}
      <p className="mt-2">
        <a href={readPath} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 underline">
          Bekijk versie {v}
          <span className="sr-only"> (opent in een nieuw tabblad)</span>
        </a>
      </p>
    </div>
  );
}
