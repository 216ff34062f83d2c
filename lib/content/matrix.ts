import type { Catalog } from './catalog';
import type { Betaler, Financieringsbron, Interventie, Knelpunt, Taak, Voorbeeld, Wet } from './schema';
import { isoToday } from './days';
import { sortByValidity } from './validity';

/** Filters of the wegwijzer that narrow what a cell shows (all from the URL). */
export type MatrixFilters = {
  /** Only sources that can pay this cost category. */
  kosten?: string;
  /** Only tasks, interventions and knelpunten of this phase of the first 1000 days. */
  fase?: string;
};

/**
 * A selection in the matrix: one cell (wet + niveau), a whole row (wet only) or
 * a whole column (niveau only).
 */
export type Selection = { wet?: string; niveau?: string };

const inPhase = (fasen: readonly string[], fase?: string) => !fase || fasen.length === 0 || fasen.includes(fase);
const matches = (list: readonly string[], value?: string) => !value || list.includes(value);
/** A knelpunt without levels concerns its laws at every level. */
const matchesOrAll = (list: readonly string[], value?: string) => !value || list.length === 0 || list.includes(value);

export function tasksIn(c: Catalog, sel: Selection, f: MatrixFilters = {}): Taak[] {
  return c.taken.filter((t) => matches([t.wet], sel.wet) && matches(t.niveaus, sel.niveau) && inPhase(t.fasen, f.fase));
}

/** Sources of a selection, running ones first and ended ones last (as of `day`). */
export function sourcesIn(c: Catalog, sel: Selection, f: MatrixFilters = {}, day: string = isoToday()): Financieringsbron[] {
  return sortByValidity(
    c.financieringsbronnen.filter((b) => matches(b.wetten, sel.wet) && matches(b.niveaus, sel.niveau) && matches(b.kostensoorten, f.kosten)),
    day,
  );
}

export function interventionsIn(c: Catalog, sel: Selection, f: MatrixFilters = {}): Interventie[] {
  return c.interventies.filter((i) => matches(i.wetten, sel.wet) && matches(i.niveaus, sel.niveau) && inPhase(i.fasen, f.fase));
}

export function knelpuntenIn(c: Catalog, sel: Selection, f: MatrixFilters = {}): Knelpunt[] {
  return c.knelpunten.filter(
    (k) => matches(k.wetten, sel.wet) && matchesOrAll(k.niveaus, sel.niveau) && inPhase(k.fasen, f.fase),
  );
}

export function examplesIn(c: Catalog, sel: Selection): Voorbeeld[] {
  return c.voorbeelden.filter((v) => v.cellen.some((cell) => matches([cell.wet], sel.wet) && matches([cell.niveau], sel.niveau)));
}

const BETALER_ORDER: Betaler[] = ['gemeente', 'zorgverzekeraar', 'provincie', 'rijk', 'fonds'];

/**
 * Who pays for the tasks in a selection: the payers of its tasks, or when it
 * has none, the payers of its law.
 */
export function payersIn(c: Catalog, sel: Selection, tasks: Taak[]): Betaler[] {
  const set = new Set<Betaler>(tasks.flatMap((t) => t.betalers));
  if (set.size === 0 && sel.wet) for (const b of c.by.wetten.get(sel.wet)?.betalers ?? []) set.add(b);
  return BETALER_ORDER.filter((b) => set.has(b));
}

export function partnersFor(c: Catalog, wetten: Wet[]) {
  const ids = new Set(wetten.flatMap((w) => w.gesprekspartners));
  return c.gesprekspartners.filter((g) => ids.has(g.id));
}

/** The rows of the matrix: the laws, with the cross-cutting row(s) last. */
export function matrixRows(c: Catalog): { laws: Wet[]; crossCutting: Wet[] } {
  return { laws: c.wetten.filter((w) => !w.dwarsdoorsnijdend), crossCutting: c.wetten.filter((w) => w.dwarsdoorsnijdend) };
}

/** Everything the detail panel shows for a selection: the answers to the three guiding questions. */
export function selectionDetail(c: Catalog, sel: Selection, f: MatrixFilters = {}, day: string = isoToday()) {
  const tasks = tasksIn(c, sel, f);
  const wetten = sel.wet ? c.wetten.filter((w) => w.slug === sel.wet) : c.wetten;
  return {
    tasks,
    payers: payersIn(c, sel, tasks),
    partners: partnersFor(c, wetten),
    sources: sourcesIn(c, sel, f, day),
    interventions: interventionsIn(c, sel, f),
    knelpunten: knelpuntenIn(c, sel, f),
    examples: examplesIn(c, sel),
  };
}
export type SelectionDetail = ReturnType<typeof selectionDetail>;

/** The cells an intervention touches (for highlighting on the matrix). */
export function cellsOfIntervention(i: Interventie): Set<string> {
  return new Set(i.wetten.flatMap((w) => i.niveaus.map((n) => cellKey(w, n))));
}

export const cellKey = (wet: string, niveau: string) => `${wet}|${niveau}`;
