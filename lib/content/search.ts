import type { Catalog } from './catalog';
import { pick } from './catalog';
import { BETALER_LABEL, LOOPTIJD_LABEL, THEMA_LABEL } from './labels';
import { cellKey } from './matrix';

/**
 * Full-text search over the content, for /wegwijzer?q=. Pure functions: the
 * index is built from the catalog once per process; a query gives ranked hits,
 * each with why it matched and a snippet around the match. Snippets and
 * titles are returned as segments ({text, mark}) that the page renders as
 * React text and <mark> elements, so no content or query text is ever
 * interpreted as HTML.
 */

/** Folds one character: accents off ("ï" → "i"), lower case, anything that is not a letter or digit → " ". */
function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/**
 * Folds text for forgiving search: case, accents ("geïndiceerd" = "geindiceerd")
 * and hyphens/punctuation ("kinder-mishandeling" = "kinder mishandeling").
 */
export function normalize(text: string): string {
  return fold(text).folded;
}

/**
 * The folded text with, for every folded character, the range of the original
 * text it came from, so a match in the folded text can be highlighted in the
 * original. Runs of separators become one space; no space at either end.
 */
export function fold(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    for (const f of foldChar(ch)) {
      if (f === ' ' && (folded.length === 0 || folded.endsWith(' '))) continue;
      folded += f;
      starts.push(i);
      ends.push(i + ch.length);
    }
    i += ch.length;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { folded, starts, ends };
}

/** The words of a query, folded, without duplicates (at most 12: a query, not a document). */
export function queryWords(query: string): string[] {
  return [...new Set(normalize(query.slice(0, 200)).split(' ').filter(Boolean))].slice(0, 12);
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

/** One item's label, for a hit ("Interventie", "Knelpunt"). */
export const SEARCH_KIND_SINGULAR: Record<SearchKind, string> = {
  wet: 'Wet',
  taak: 'Taak',
  bron: 'Financieringsbron',
  interventie: 'Interventie',
  knelpunt: 'Knelpunt',
  voorbeeld: 'Voorbeeld',
  gesprekspartner: 'Gesprekspartner',
};

export type SearchDoc = {
  kind: SearchKind;
  id: string;
  title: string;
  /** Where the item's own page is, if it has one. */
  href?: string;
  /** Matrix cells ("wet|niveau") the item belongs to. */
  cells: string[];
  /** Keywords: the names of the laws, levels, phases and payers the item is filed under. */
  tags: string[];
  /** The item's own text (without title, ids and citations), for snippets. */
  body: string;
  /** Folded title, tags and full text; `compact` is all of it without spaces (so "nunietzwanger" finds "Nu Niet Zwanger"). */
  titleText: string;
  tagsText: string;
  bodyText: string;
  text: string;
  compact: string;
};

/**
 * Fields that hold ids, codes or citations rather than text a user reads:
 * left out of the body (their meaning is in `tags`, by name).
 */
const NOT_TEXT = new Set([
  'bron', 'slug', 'id', 'wet', 'wetten', 'niveaus', 'niveau', 'fasen', 'financieringsbronnen', 'financieringsbron',
  'financieringsvorm', 'interventies', 'gesprekspartners', 'kostensoorten', 'betaler', 'betalers', 'looptijd', 'thema',
  'soort', 'kant', 'schaal', 'zekerheid', 'opvolger', 'vanaf', 'tot', 'bekendTot', 'peildatum', 'nietGevonden', 'urls',
  'document', 'documenten', 'bedrag', 'jaar', 'dwarsdoorsnijdend', 'naam', 'titel', 'nummer',
]);

/** Every text inside a value, for the body (ids and citations excluded). */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_TEXT.has(k) ? [] : texts(v)));
  }
  return [];
}

export function searchDoc(kind: SearchKind, id: string, title: string, item: unknown, tags: string[], cells: string[], href?: string): SearchDoc {
  const body = texts(item).join(' · ');
  const titleText = normalize(title);
  const tagsText = normalize(tags.join(' · '));
  const bodyText = normalize(body);
  const text = normalize(`${title} · ${body}`);
  return { kind, id, title, href, cells, tags, body, titleText, tagsText, bodyText, text, compact: `${text}${tagsText}`.replace(/ /g, '') };
}

const cross = (wetten: readonly string[], niveaus: readonly string[]) => wetten.flatMap((w) => niveaus.map((n) => cellKey(w, n)));

export function buildSearchIndex(c: Catalog): SearchDoc[] {
  const allNiveaus = c.niveaus.map((n) => n.slug);
  const lawsOfPartner = (id: string) => c.wetten.filter((w) => w.gesprekspartners.includes(id)).map((w) => w.slug);
  const laws = (ids: readonly string[]) => pick(c.by.wetten, ids).map((w) => w.korteNaam);
  const levels = (ids: readonly string[]) => pick(c.by.niveaus, ids).map((n) => n.naam);
  const phases = (ids: readonly string[]) => pick(c.by.fasen, ids).map((f) => f.naam);
  const unique = (xs: string[]) => [...new Set(xs)];
  return [
    ...c.wetten.map((w) => searchDoc('wet', w.slug, w.naam, w, unique([w.korteNaam, ...w.betalers.map((b) => BETALER_LABEL[b])]), cross([w.slug], allNiveaus), `/wetten/${w.slug}`)),
    ...c.taken.map((t) =>
      searchDoc('taak', t.id, t.titel, t, unique([...laws([t.wet]), ...levels(t.niveaus), ...phases(t.fasen), ...t.betalers.map((b) => BETALER_LABEL[b])]), cross([t.wet], t.niveaus), `/wetten/${t.wet}#${t.id}`),
    ),
    ...c.financieringsbronnen.map((b) =>
      searchDoc('bron', b.slug, b.naam, b, unique([BETALER_LABEL[b.betaler], LOOPTIJD_LABEL[b.looptijd], ...laws(b.wetten), ...levels(b.niveaus)]), cross(b.wetten, b.niveaus), `/bronnen/${b.slug}`),
    ),
    ...c.interventies.map((i) => searchDoc('interventie', i.slug, i.naam, i, unique([...laws(i.wetten), ...levels(i.niveaus), ...phases(i.fasen)]), cross(i.wetten, i.niveaus), `/interventies/${i.slug}`)),
    ...c.knelpunten.map((k) =>
      searchDoc(
        'knelpunt',
        k.slug,
        `${k.nummer} ${k.titel}`,
        k,
        unique([THEMA_LABEL[k.thema], ...laws(k.wetten), ...levels(k.niveaus), ...phases(k.fasen)]),
        cross(k.wetten, k.niveaus.length ? k.niveaus : allNiveaus),
        `/knelpunten/${k.slug}`,
      ),
    ),
    ...c.voorbeelden.map((v) =>
      searchDoc('voorbeeld', v.slug, v.naam, v, unique([v.plaats, v.schaal === 'lokaal' ? 'Lokaal' : 'Regionaal']), v.cellen.map((cell) => cellKey(cell.wet, cell.niveau)), `/voorbeelden/${v.slug}`),
    ),
    ...c.gesprekspartners.map((g) =>
      searchDoc('gesprekspartner', g.id, g.naam, g, [g.kant === 'gemeente' ? 'Kant gemeente' : 'Kant zorgverzekeraar'], cross(lawsOfPartner(g.id), allNiveaus)),
    ),
  ];
}

// ---------------------------------------------------------------- matching

/** A piece of displayed text; `mark` pieces are the match. */
export type Segment = { text: string; mark: boolean };
export type MatchReason = 'in titel' | 'in trefwoorden' | 'in tekst';

/** Where the query words occur in `text`, as [start, end) ranges of the original text, merged. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const { folded, starts, ends } = fold(text);
  // Positions of non-space folded characters, to match a word with its spaces taken out too.
  const compactAt: number[] = [];
  for (let k = 0; k < folded.length; k++) if (folded[k] !== ' ') compactAt.push(k);
  const compact = compactAt.map((k) => folded[k]).join('');
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const s = starts[from];
    const e = ends[to];
    if (s !== undefined && e !== undefined) ranges.push([s, e]);
  };
  for (const w of words) {
    let found = false;
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
      add(at, at + w.length - 1);
      found = true;
    }
    if (found || w.includes(' ')) continue;
    for (let at = compact.indexOf(w); at >= 0; at = compact.indexOf(w, at + w.length)) {
      const from = compactAt[at];
      const to = compactAt[at + w.length - 1];
      if (from !== undefined && to !== undefined) add(from, to);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** `text` split into segments, with the ranges marked. */
export function segments(text: string, ranges: readonly [number, number][], offset = 0): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s0, e0] of ranges) {
    const s = s0 - offset;
    const e = e0 - offset;
    if (e <= 0 || s >= text.length) continue;
    const from = Math.max(0, s);
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, Math.min(e, text.length)), mark: true });
    at = Math.min(e, text.length);
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Whole text with every query word marked (titles, keywords). */
export function highlight(text: string, words: readonly string[]): Segment[] {
  return segments(text, matchRanges(text, words));
}

const SNIPPET = 180;

/**
 * A piece of `text` of about 180 characters around the best match: where the
 * whole phrase occurs, else where the most different query words occur close
 * together (earliest first). Cut at spaces, with "…" where text was left out.
 * Without a match, the start of the text, unmarked.
 */
export function snippet(text: string, words: readonly string[]): Segment[] {
  const ranges = matchRanges(text, words);
  const phrase = words.join(' ');
  let center: number | undefined;
  if (words.length > 1) center = matchRanges(text, [phrase])[0]?.[0];
  if (center === undefined && ranges.length > 0) {
    // The window (starting at a match) that covers the most different words.
    const perWord = words.map((w) => matchRanges(text, [w]).map(([from]) => from));
    let best = -1;
    for (const [s] of ranges.slice(0, 200)) {
      const count = perWord.filter((starts) => starts.some((from) => from >= s && from < s + SNIPPET * 0.7)).length;
      if (count > best) {
        best = count;
        center = s;
      }
    }
  }
  let start = center === undefined ? 0 : Math.max(0, center - Math.round(SNIPPET * 0.3));
  let end = Math.min(text.length, start + SNIPPET);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (center ?? start)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (center ?? 0)) end = space;
  }
  const piece = text.slice(start, end);
  const inner = segments(piece, center === undefined ? [] : ranges, start);
  return [...(start > 0 ? [{ text: '…', mark: false }] : []), ...inner, ...(end < text.length ? [{ text: '…', mark: false }] : [])];
}

/** How many hits get a snippet (and are listed on the page); the rest are counted. */
export const MAX_SHOWN = 50;

export type SearchHit = SearchDoc & {
  score: number;
  reasons: MatchReason[];
  titleSegments: Segment[];
  /** Title, keywords and snippet are filled in for the first MAX_SHOWN hits only. */
  /** Matched keywords, each highlighted; empty when none matched. */
  tagSegments: Segment[][];
  snippet: Segment[];
};

export type SearchResult = { query: string; words: string[]; hits: SearchHit[]; cells: Map<string, number> };

const has = (haystack: string, w: string) => haystack.includes(w);

/**
 * Every word of the query must occur in an item (as part of a word, so
 * "kraam" finds "kraamzorg"; also with spaces taken out). Ranking: the whole
 * phrase in the title first, then words in the title, the phrase in the
 * keywords, words in the keywords, the phrase in the text, words in the text;
 * a title that starts with the phrase and a shorter title win ties. Returns
 * the hits and, per matrix cell, how many hits it holds.
 */
export function search(index: readonly SearchDoc[], query: string): SearchResult {
  const words = queryWords(query);
  const cells = new Map<string, number>();
  if (words.length === 0) return { query, words, hits: [], cells };
  const phrase = words.join(' ');
  const scored: SearchHit[] = [];
  index.forEach((d) => {
    if (!words.every((w) => has(d.text, w) || has(d.tagsText, w) || has(d.compact, w))) return;
    const titleCompact = d.titleText.replace(/ /g, '');
    const inTitle = words.filter((w) => has(d.titleText, w) || has(titleCompact, w));
    const inTags = words.filter((w) => has(d.tagsText, w));
    const inBody = words.filter((w) => has(d.bodyText, w) || has(d.bodyText.replace(/ /g, ''), w));
    let score = 0;
    if (d.titleText === phrase) score += 1000;
    if (has(d.titleText, phrase)) score += 400 + (d.titleText.startsWith(phrase) ? 100 : 0);
    score += 200 * inTitle.length;
    if (words.length > 1 && has(d.tagsText, phrase)) score += 150;
    score += 40 * inTags.length;
    if (words.length > 1 && has(d.bodyText, phrase)) score += 60;
    score += 10 * inBody.length;
    const reasons: MatchReason[] = [];
    if (inTitle.length) reasons.push('in titel');
    if (inTags.length) reasons.push('in trefwoorden');
    if (inBody.length) reasons.push('in tekst');
    scored.push({ ...d, score, reasons, titleSegments: [], tagSegments: [], snippet: [] });
  });
  // Stable: equal scores keep the index order (laws, tasks, sources, …); a shorter title first.
  scored.sort((a, b) => b.score - a.score || a.titleText.length - b.titleText.length);
  for (const h of scored) for (const cell of h.cells) cells.set(cell, (cells.get(cell) ?? 0) + 1);
  // Snippets only for the hits a page shows (a one-letter query matches nearly everything).
  for (const h of scored.slice(0, MAX_SHOWN)) {
    h.titleSegments = highlight(h.title, words);
    h.tagSegments = h.tags.filter((t) => words.some((w) => has(normalize(t), w))).map((t) => highlight(t, words));
    h.snippet = snippet(h.body, words);
  }
  return { query, words, hits: scored, cells };
}
