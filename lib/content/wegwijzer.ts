import type { Catalog } from './catalog';
import { cellSummary, matrixRows, selectionDetail, type MatrixFilters, type Selection } from './matrix';
import type { Betaler } from './schema';
import { LOOPTIJD_LABEL } from './labels';
import { isoToday } from './days';
import { validityOn } from './validity';
import { selectionKey, WEGWIJZER_PARAMS, type WegwijzerState } from '../wegwijzer-url';

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

export type ExplorerSelection = {
  tasks: string[];
  payers: Betaler[];
  partners: string[];
  sources: string[];
  interventions: string[];
  knelpunten: string[];
  examples: string[];
};

/**
 * Everything the client explorer needs to switch selection without a server
 * round trip: item display data once, and per selection (cell, row, column)
 * the ids it holds under the current filters.
 */
export function buildExplorerData(c: Catalog, filters: MatrixFilters, day: string = isoToday()) {
  const { laws, crossCutting } = matrixRows(c);
  const selections: Record<string, ExplorerSelection> = {};
  const summaries: Record<string, { tasks: number; sources: number; payers: Betaler[] }> = {};
  const used = { tasks: new Set<string>(), sources: new Set<string>(), interventions: new Set<string>(), knelpunten: new Set<string>(), examples: new Set<string>(), partners: new Set<string>() };

  const add = (sel: Selection) => {
    const d = selectionDetail(c, sel, filters);
    const s: ExplorerSelection = {
      tasks: d.tasks.map((t) => t.id),
      payers: d.payers,
      partners: d.partners.map((p) => p.id),
      sources: d.sources.map((b) => b.slug),
      interventions: d.interventions.map((i) => i.slug),
      knelpunten: d.knelpunten.map((k) => k.slug),
      examples: d.examples.map((v) => v.slug),
    };
    s.tasks.forEach((id) => used.tasks.add(id));
    s.sources.forEach((id) => used.sources.add(id));
    s.interventions.forEach((id) => used.interventions.add(id));
    s.knelpunten.forEach((id) => used.knelpunten.add(id));
    s.examples.forEach((id) => used.examples.add(id));
    s.partners.forEach((id) => used.partners.add(id));
    const key = selectionKey(sel.wet, sel.niveau);
    selections[key] = s;
    const sum = cellSummary(c, sel, filters);
    summaries[key] = { tasks: sum.tasks, sources: sum.sources, payers: sum.payers };
  };

  for (const w of [...laws, ...crossCutting]) {
    add({ wet: w.slug });
    for (const n of c.niveaus) add({ wet: w.slug, niveau: n.slug });
  }
  for (const n of c.niveaus) add({ niveau: n.slug });

  const kostenNaam = (slug: string) => c.by.kostensoorten.get(slug)?.naam ?? slug;
  return {
    laws: laws.map((w) => ({ slug: w.slug, naam: w.naam, korteNaam: w.korteNaam })),
    crossCutting: crossCutting.map((w) => ({ slug: w.slug, naam: w.naam, korteNaam: w.korteNaam })),
    niveaus: c.niveaus.map((n) => ({ slug: n.slug, naam: n.naam, definitie: n.definitie, toelichting: n.toelichting, interpretatie: n.interpretatie })),
    vragen: Object.fromEntries(c.vragen.map((v) => [v.id, v.vraag])),
    /** The division rule behind "Wie betaalt?", with its citation as text (content/teksten.yaml). */
    wieBetaalt: payerRule(c),
    summaries,
    selections,
    items: {
      tasks: Object.fromEntries(
        c.taken.filter((t) => used.tasks.has(t.id)).map((t) => [t.id, { titel: t.titel, wet: t.wet, niveaus: t.niveaus, niveauToelichting: t.niveauToelichting }]),
      ),
      sources: Object.fromEntries(
        c.financieringsbronnen
          .filter((b) => used.sources.has(b.slug))
          .map((b) => {
            const v = validityOn(b.geldigheid, day);
            const validity = { status: v.status, label: v.label, text: v.text };
            return [b.slug, { naam: b.naam, betaler: b.betaler, looptijd: LOOPTIJD_LABEL[b.looptijd], kosten: b.kostensoorten.map(kostenNaam), validity }];
          }),
      ),
      interventions: Object.fromEntries(c.interventies.filter((i) => used.interventions.has(i.slug)).map((i) => [i.slug, { naam: i.naam }])),
      knelpunten: Object.fromEntries(
        c.knelpunten.filter((k) => used.knelpunten.has(k.slug)).map((k) => [k.slug, { nummer: k.nummer, titel: k.titel, oplossingen: k.oplossingen }]),
      ),
      examples: Object.fromEntries(c.voorbeelden.filter((v) => used.examples.has(v.slug)).map((v) => [v.slug, { naam: v.naam }])),
      partners: Object.fromEntries(
        c.gesprekspartners.filter((g) => used.partners.has(g.id)).map((g) => [g.id, { naam: g.naam, kant: g.kant, soort: g.soort, interpretatie: g.interpretatie }]),
      ),
    },
  };
}
export type ExplorerData = ReturnType<typeof buildExplorerData>;

function payerRule(c: Catalog) {
  const t = c.by.teksten.get('wie-betaalt');
  if (!t) return null;
  const bron = t.bron
    .map((b) => [c.by.documenten.get(b.document)?.titel ?? b.document, b.plek].filter(Boolean).join(', '))
    .join('; ');
  return { titel: t.titel ?? 'Verdeelregel', tekst: t.tekst, interpretatie: t.interpretatie ?? null, bron };
}
