import { BETALER_LABEL } from '@/lib/content/labels';
import { cellKey } from '@/lib/content/matrix';
import type { MatrixCell, MatrixView } from '@/lib/content/wegwijzer';
import { isSelected, type WegwijzerState } from '@/lib/wegwijzer-url';
import { SelectLink } from './select-link';

type Marks = {
  /** Cells ("wet|niveau") the chosen intervention touches. */
  interventionCells: ReadonlySet<string>;
  /** Search hits per cell ("wet|niveau"). */
  searchCells: ReadonlyMap<string, number>;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const headerLink = (selected: boolean) =>
  `rounded-sm font-bold underline underline-offset-2 ${selected ? 'bg-brand-700 px-1 text-white print:bg-transparent print:text-ink' : 'text-brand-700 hover:text-brand-800 hover:decoration-2'}`;

// Long Dutch compounds ("Gezondheidsbevorderende") are wider than a narrow column: hyphenate where the browser can, break otherwise.
const cellLink = (selected: boolean) =>
  `block h-full p-2 text-sm leading-snug no-underline hyphens-auto break-words ${selected ? 'bg-brand-700 text-white print:bg-transparent print:text-ink' : 'text-ink hover:bg-brand-50'}`;

/**
 * The wegwijzer matrix, rendered on the server from the URL: every cell names
 * its tasks (as the ministry's paper does), who pays and how many funding
 * sources there are, and links to its selection. From `md` up a real table;
 * narrower, a list per law (a table of three task lists side by side does not
 * fit 360 px). Both come from the same MatrixView; CSS shows one.
 */
export function Matrix({ view, state, ...marks }: { view: MatrixView; state: WegwijzerState } & Marks) {
  const filtered = Boolean(state.kosten || state.fase);
  const levelName = (slug?: string) => view.niveaus.find((n) => n.slug === slug)?.naam;
  return (
    <>
      <table className="hidden w-full table-fixed border-collapse border border-gray-400 md:table">
        <caption className="mb-2 text-left text-sm text-muted">
          Wegwijzer: wetten (rijen) tegenover preventieniveaus (kolommen). Elke cel noemt de taken, wie betaalt en het aantal
          financieringsbronnen. Kies een cel, een wet of een preventieniveau voor de details.
        </caption>
        <colgroup>
          <col className="w-[18%] print:w-[22%]" />
          {view.niveaus.map((n) => (
            <col key={n.slug} />
          ))}
        </colgroup>
        <thead>
          <tr className="bg-brand-50">
            <th scope="col" className="border border-gray-400 p-2 text-left align-top text-sm">
              Wet
            </th>
            {view.niveaus.map((n) => (
              <th key={n.slug} scope="col" className="border border-gray-400 p-2 text-left align-top text-sm">
                <SelectLink state={state} niveau={n.slug} className={headerLink(isSelected(state, undefined, n.slug))}>
                  {n.naam}
                </SelectLink>
                <span className="mt-0.5 block text-xs font-normal">{n.definitie}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.wet.slug}>
              <th scope="row" className={`border border-gray-400 p-2 text-left align-top text-sm hyphens-auto break-words ${row.crossCutting ? 'bg-accent-100' : 'bg-brand-50'}`}>
                <SelectLink state={state} wet={row.wet.slug} className={headerLink(isSelected(state, row.wet.slug))}>
                  {row.wet.naam}
                </SelectLink>
              </th>
              {row.cells.map((cell) => {
                const selected = isSelected(state, cell.wet, cell.niveau);
                return (
                  <td
                    key={cell.niveau ?? 'alle'}
                    colSpan={cell.niveau ? undefined : view.niveaus.length}
                    className={`border border-gray-400 p-0 align-top ${row.crossCutting ? 'bg-accent-100' : ''}`}
                  >
                    <SelectLink state={state} wet={cell.wet} niveau={cell.niveau} className={cellLink(selected)}>
                      <span className="sr-only">
                        {row.wet.naam}
                        {cell.niveau && `, ${levelName(cell.niveau)}`}:{' '}
                      </span>
                      {!cell.niveau && <span className="mb-1 block italic">Dwarsdoorsnijdend: geldt over alle preventieniveaus heen.</span>}
                      <CellBody cell={cell} selected={selected} filtered={filtered} wide={!cell.niveau} {...marks} />
                    </SelectLink>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <div className="md:hidden">
        <p className="text-sm">
          Per wet de taken per preventieniveau, wie betaalt en het aantal financieringsbronnen. Kies een blok, een wet of een
          heel preventieniveau:{' '}
          {view.niveaus.map((n, i) => (
            <span key={n.slug}>
              {i > 0 && ', '}
              <SelectLink state={state} niveau={n.slug} className={headerLink(isSelected(state, undefined, n.slug))}>
                {n.naam}
              </SelectLink>
            </span>
          ))}
          .
        </p>
        {view.rows.map((row) => (
          <div key={row.wet.slug} className="mt-5">
            <h3 className="text-lg">
              <SelectLink state={state} wet={row.wet.slug} className={headerLink(isSelected(state, row.wet.slug))}>
                {row.wet.naam}
              </SelectLink>
            </h3>
            <ul className="mt-2 space-y-2">
              {row.cells.map((cell) => {
                const selected = isSelected(state, cell.wet, cell.niveau);
                return (
                  <li key={cell.niveau ?? 'alle'} className={`rounded border border-gray-400 ${row.crossCutting ? 'bg-accent-100' : ''}`}>
                    <SelectLink state={state} wet={cell.wet} niveau={cell.niveau} className={`${cellLink(selected)} rounded`}>
                      <span className="sr-only">{row.wet.naam}, </span>
                      <span className="mb-1 block font-semibold">
                        {cell.niveau ? levelName(cell.niveau) : 'Alle preventieniveaus (dwarsdoorsnijdend)'}:
                      </span>
                      <CellBody cell={cell} selected={selected} filtered={filtered} wide={false} {...marks} />
                    </SelectLink>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </>
  );
}

function CellBody({
  cell,
  selected,
  filtered,
  wide,
  interventionCells,
  searchCells,
}: { cell: MatrixCell; selected: boolean; filtered: boolean; wide: boolean } & Marks) {
  const key = cell.niveau ? cellKey(cell.wet, cell.niveau) : undefined;
  const touched = key ? interventionCells.has(key) : false;
  const hits = key ? searchCells.get(key) : undefined;
  return (
    <>
      {cell.tasks.length === 0 ? (
        <span className="block italic">Geen taken{filtered ? ' bij dit filter' : ''}.</span>
      ) : (
        <span className={`block ${wide ? 'md:columns-2 md:gap-6' : ''}`}>
          {cell.tasks.map((t) => (
            <span key={t.id} className="mb-1 block break-inside-avoid pl-3 -indent-3">
              <span aria-hidden="true">• </span>
              {t.titel}
              {/* Read as one link name: keep the titles apart. */}
              <span className="sr-only">;</span>
            </span>
          ))}
        </span>
      )}
      <span className="mt-1.5 block border-t border-current/30 pt-1 text-xs">
        Betaalt: {cell.payers.map((p) => BETALER_LABEL[p]).join(', ') || 'niet aangegeven'} · {plural(cell.sources, 'geldbron', 'geldbronnen')}
      </span>
      {touched && <span className="mt-1 mr-1 inline-block rounded bg-accent-400 px-1 text-xs text-ink">Interventie</span>}
      {hits ? <span className="mt-1 inline-block rounded bg-accent-100 px-1 text-xs text-ink ring-1 ring-amber-700">{plural(hits, 'treffer', 'treffers')}</span> : null}
      {/* Backgrounds are not printed: say in text which cell is chosen. */}
      {selected && <span className="hidden font-bold print:block">(gekozen)</span>}
    </>
  );
}
