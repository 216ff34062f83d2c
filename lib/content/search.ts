import type { Catalog } from './catalog';
import { cellKey } from './matrix';

/**
 * Folds text for forgiving search: case, accents ("geïndiceerd" = "geindiceerd")
 * and hyphens/punctuation ("kinder-mishandeling" = "kinder mishandeling").
 */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type SearchKind = 'taak' | 'bron' | 'interventie' | 'knelpunt' | 'voorbeeld' | 'gesprekspartner' | 'wet';

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = {
  wet: 'Wetten',
  taak: 'Taken',
  bron: 'Financieringsbronnen',
  interventie: 'Interventies',
  knelpunt: 'Knelpunten',
  voorbeeld: 'Voorbeelden',
  gesprekspartner: 'Gesprekspartners',
};

export type SearchDoc = {
  kind: SearchKind;
  id: string;
  title: string;
  /** Where the item's own page is, if it has one. */
  href?: string;
  /** Matrix cells ("wet|niveau") the item belongs to. */
  cells: string[];
  /** Normalised title and full text, and the same without spaces (so "nu-niet-zwanger" finds "nunietzwanger" and back). */
  titleText: string;
  text: string;
  compact: string;
};

const cross = (wetten: readonly string[], niveaus: readonly string[]) => wetten.flatMap((w) => niveaus.map((n) => cellKey(w, n)));

/** Every string inside a value, for full-text indexing (citations excluded: they are file names). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'bron' ? [] : strings(v)));
  }
  return [];
}

function doc(kind: SearchKind, id: string, title: string, item: unknown, cells: string[], href?: string): SearchDoc {
  const text = normalize(strings(item).join(' '));
  return { kind, id, title, href, cells, titleText: normalize(title), text, compact: text.replace(/ /g, '') };
}

export function buildSearchIndex(c: Catalog): SearchDoc[] {
  const allNiveaus = c.niveaus.map((n) => n.slug);
  const lawsOfPartner = (id: string) => c.wetten.filter((w) => w.gesprekspartners.includes(id)).map((w) => w.slug);
  return [
    ...c.wetten.map((w) => doc('wet', w.slug, w.naam, w, cross([w.slug], allNiveaus), `/wetten/${w.slug}`)),
    ...c.taken.map((t) => doc('taak', t.id, t.titel, t, cross([t.wet], t.niveaus), `/wetten/${t.wet}#${t.id}`)),
    ...c.financieringsbronnen.map((b) => doc('bron', b.slug, b.naam, b, cross(b.wetten, b.niveaus), `/bronnen/${b.slug}`)),
    ...c.interventies.map((i) => doc('interventie', i.slug, i.naam, i, cross(i.wetten, i.niveaus), `/interventies/${i.slug}`)),
    ...c.knelpunten.map((k) =>
      doc('knelpunt', k.slug, `${k.nummer} ${k.titel}`, k, cross(k.wetten, k.niveaus.length ? k.niveaus : allNiveaus), `/knelpunten#${k.slug}`),
    ),
    ...c.voorbeelden.map((v) =>
      doc('voorbeeld', v.slug, v.naam, v, v.cellen.map((cell) => cellKey(cell.wet, cell.niveau)), `/voorbeelden/${v.slug}`),
    ),
    ...c.gesprekspartners.map((g) => doc('gesprekspartner', g.id, g.naam, g, cross(lawsOfPartner(g.id), allNiveaus))),
  ];
}

export type SearchResult = { query: string; hits: SearchDoc[]; cells: Map<string, number> };

/**
 * Every word of the query must occur in an item (as part of a word, so
 * "kraam" finds "kraamzorg"). Title hits rank first. Returns the hits and,
 * per matrix cell, how many hits it holds.
 */
export function search(index: readonly SearchDoc[], query: string): SearchResult {
  const words = normalize(query).split(' ').filter(Boolean);
  const cells = new Map<string, number>();
  if (words.length === 0) return { query, hits: [], cells };
  const scored = index.flatMap((d) => {
    if (!words.every((w) => d.text.includes(w) || d.compact.includes(w))) return [];
    const score = words.filter((w) => d.titleText.includes(w)).length;
    return [{ d, score }];
  });
  scored.sort((a, b) => b.score - a.score);
  const hits = scored.map((s) => s.d);
  for (const h of hits) for (const cell of h.cells) cells.set(cell, (cells.get(cell) ?? 0) + 1);
  return { query, hits, cells };
}
