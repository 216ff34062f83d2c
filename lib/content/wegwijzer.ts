import type { Catalog } from './catalog';
import { matrixRows, payersIn, sourcesIn, tasksIn, type MatrixFilters, type Selection } from './matrix';
import type { Betaler, Wet } from './schema';
import { isoToday } from './days';
import { WEGWIJZER_PARAMS, type WegwijzerState } from '../wegwijzer-url';

type RawParams = Record<string, string | string[] | undefined>;

const MAX_QUERY_LENGTH = 200;

/**
 * Reads the wegwijzer state from the URL. Values that name nothing in the
 * content are dropped (and reported, so the page can say so) rather than
 * failing: an old or mistyped link still opens the wegwijzer.
 */
export function parseWegwijzerParams(c: Catalog, raw: RawParams): { state: WegwijzerState; ignored: string[] } {
  const state: WegwijzerState = {};
  const ignored: string[] = [];
  const known: Record<Exclude<(typeof WEGWIJZER_PARAMS)[number], 'q'>, ReadonlyMap<string, unknown>> = {
    wet: c.by.wetten,
    niveau: c.by.niveaus,
    kosten: c.by.kostensoorten,
    fase: c.by.fasen,
    interventie: c.by.interventies,
  };
  for (const key of WEGWIJZER_PARAMS) {
    const value = raw[key];
    const first = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!first) continue;
    if (key === 'q') {
      state.q = first.slice(0, MAX_QUERY_LENGTH);
    } else if (known[key].has(first)) {
      state[key] = first;
    } else {
      ignored.push(key);
    }
  }
  return { state, ignored };
}

/** One cell of the matrix (or the one wide cell of a cross-cutting row), as the paper shows it: tasks, who pays, how many sources. */
export type MatrixCell = {
  wet: string;
  /** Absent for a cross-cutting row, whose one cell spans every level. */
  niveau?: string;
  tasks: { id: string; titel: string }[];
  payers: Betaler[];
  sources: number;
};

export type MatrixRow = {
  wet: { slug: string; naam: string; korteNaam: string };
  crossCutting: boolean;
  cells: MatrixCell[];
};

/**
 * The matrix at a glance under the current filters: per law, per level the
 * task titles, the payers and the number of funding sources. Only what the
 * cells show; the detail of the chosen selection is rendered from
 * selectionDetail() on the server.
 */
export function matrixView(c: Catalog, filters: MatrixFilters, day: string = isoToday()) {
  const { laws, crossCutting } = matrixRows(c);
  const cell = (sel: Selection): MatrixCell => {
    const tasks = tasksIn(c, sel, filters);
    return {
      wet: sel.wet ?? '',
      ...(sel.niveau ? { niveau: sel.niveau } : {}),
      tasks: tasks.map((t) => ({ id: t.id, titel: t.titel })),
      payers: payersIn(c, sel, tasks),
      sources: sourcesIn(c, sel, filters, day).length,
    };
  };
  const lite = (w: Wet) => ({ slug: w.slug, naam: w.naam, korteNaam: w.korteNaam });
  const rows: MatrixRow[] = [
    ...laws.map((w) => ({ wet: lite(w), crossCutting: false, cells: c.niveaus.map((n) => cell({ wet: w.slug, niveau: n.slug })) })),
    ...crossCutting.map((w) => ({ wet: lite(w), crossCutting: true, cells: [cell({ wet: w.slug })] })),
  ];
  return { niveaus: c.niveaus.map((n) => ({ slug: n.slug, naam: n.naam, definitie: n.definitie })), rows };
}
export type MatrixView = ReturnType<typeof matrixView>;

/** The division rule behind "Wie betaalt?", with its citation as text (content/teksten.yaml). */
export function payerRule(c: Catalog) {
  const t = c.by.teksten.get('wie-betaalt');
  if (!t) return null;
  const bron = t.bron
    .map((b) => [c.by.documenten.get(b.document)?.titel ?? b.document, b.plek].filter(Boolean).join(', '))
    .join('; ');
  return { titel: t.titel ?? 'Verdeelregel', tekst: t.tekst, interpretatie: t.interpretatie ?? null, bron };
}
