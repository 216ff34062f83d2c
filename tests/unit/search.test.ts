import { describe, expect, it } from 'vitest';
import { buildSearchIndex, fold, highlight, normalize, queryWords, search, searchDoc, snippet, type Segment } from '@/lib/content/search';
import { realCatalog } from './support/content';

const c = realCatalog();
const index = buildSearchIndex(c);

describe('normalize', () => {
  it('folds case, accents and hyphens', () => {
    expect(normalize('Geïndiceerd – Kinder-mishandeling')).toBe('geindiceerd kinder mishandeling');
    expect(normalize('  €\u00a04,20/uur ')).toBe('4 20 uur');
  });
});

describe('search', () => {
  it('finds a knelpunt by a word that occurs only in that knelpunt', () => {
    // "tolkentelefoon" is only in the solution of knelpunt 1.5 (taalbarrière).
    const owners = index.filter((d) => d.text.includes('tolkentelefoon'));
    expect(owners.map((d) => d.kind)).toEqual(['knelpunt']);
    const hits = search(index, 'Tolkentelefoon').hits;
    expect(hits.map((h) => h.id)).toEqual(owners.map((d) => d.id));
  });

  it("searches a knelpunt's facts too, so a knelpunt hit links to the knelpunt's own page, the one that shows them", () => {
    const fact = c.by.knelpunten.get('eigen-bijdrage-kraamzorg')?.feiten.find((f) => f.omschrijving === 'Eigen bijdrage kraamzorg per uur in 2019');
    expect(fact).toBeDefined();
    const doc = index.find((d) => d.kind === 'knelpunt' && d.id === 'eigen-bijdrage-kraamzorg');
    expect(doc?.body).toContain(fact?.omschrijving);
    expect(search(index, 'eigen bijdrage per uur in 2019').hits.map((h) => h.id)).toContain('eigen-bijdrage-kraamzorg');
    for (const d of index.filter((x) => x.kind === 'knelpunt')) expect(d.href).toBe(`/knelpunten/${d.id}`);
  });

  it('finds an intervention by a word that occurs only in interventions', () => {
    const word = 'mkba';
    const owners = new Set(index.filter((d) => d.text.includes(word)).map((d) => d.kind));
    expect(owners.has('interventie')).toBe(true);
    expect(search(index, 'MKBA').hits.some((h) => h.kind === 'interventie')).toBe(true);
  });

  it('is forgiving about case, accents and hyphens', () => {
    const ids = (q: string) => search(index, q).hits.map((h) => `${h.kind}:${h.id}`);
    expect(ids('nu-niet-zwanger')).toContain('interventie:nu-niet-zwanger');
    expect(ids('NU NIET ZWANGER')).toContain('interventie:nu-niet-zwanger');
    expect(ids('nunietzwanger')).toContain('interventie:nu-niet-zwanger');
    expect(ids('geïndiceerd')).toEqual(ids('geindiceerd'));
    expect(ids('kindermishandeling').length).toBeGreaterThan(0);
    expect(ids('kinder-mishandeling')).toEqual(expect.arrayContaining(ids('kindermishandeling').filter((i) => i.startsWith('taak'))));
  });

  it('requires every word, ranks title hits first and counts cells', () => {
    const result = search(index, 'eigen bijdrage kraamzorg');
    expect(result.hits[0]?.id).toBe('eigen-bijdrage-kraamzorg');
    for (const h of result.hits) expect(h.text).toMatch(/eigen/);
    expect(result.cells.size).toBeGreaterThan(0);
    expect(search(index, 'kraamzorg xyzzyqqq').hits).toEqual([]);
    expect(search(index, '   ').hits).toEqual([]);
  });

  it('does not match citations (file names) as content', () => {
    expect(search(index, 'wegwijzer-bijlage-voorbeelden.md').hits).toEqual([]);
  });
});

describe('ranking', () => {
  const item = (text: string) => ({ omschrijving: text });
  const fixture = [
    searchDoc('taak', 'in-tekst', 'Iets anders', item('Hier staat prenataal en verderop ook huisbezoek, verspreid.'), [], []),
    searchDoc('taak', 'zin-in-tekst', 'Nog iets', item('Over het prenataal huisbezoek als geheel.'), [], []),
    searchDoc('taak', 'in-trefwoorden', 'Derde ding', item('Tekst zonder de woorden.'), ['Prenataal huisbezoek'], []),
    searchDoc('taak', 'in-titel', 'Het prenataal huisbezoek', item('Tekst.'), [], []),
    searchDoc('taak', 'titel-verspreid', 'Huisbezoek, niet prenataal', item('Tekst.'), [], []),
  ];

  it('ranks the phrase in the title first, then scattered title words, keywords, the phrase in the text, scattered text', () => {
    const hits = search(fixture, 'Prenataal huisbezoek').hits;
    expect(hits.map((h) => h.id)).toEqual(['in-titel', 'titel-verspreid', 'in-trefwoorden', 'zin-in-tekst', 'in-tekst']);
    expect(hits.map((h) => h.reasons)).toEqual([['in titel'], ['in titel'], ['in trefwoorden'], ['in tekst'], ['in tekst']]);
  });

  it('shows the prenatal home visit first for "prenataal huisbezoek", and says why', () => {
    const hits = search(index, 'prenataal huisbezoek').hits;
    expect(`${hits[0]?.kind}:${hits[0]?.id}`).toBe('interventie:prenataal-huisbezoek');
    expect(hits[0]?.reasons).toContain('in titel');
    // Schuldhulpverlening mentions the home visit only in its text, and ranks below every title hit.
    const debt = hits.findIndex((h) => h.id === 'participatiewet-schuldhulpverlening' || /schuldhulp/i.test(h.title));
    expect(debt).toBeGreaterThan(hits.findLastIndex((h) => h.reasons.includes('in titel')));
    expect(hits[debt]?.reasons).toEqual(['in tekst']);
  });
});

describe('snippets', () => {
  const shown = (segments: readonly Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

  it('fold keeps the way back to the original text and agrees with normalize', () => {
    for (const t of ['Geïndiceerd – Kinder-mishandeling', '  €\u00a04,20/uur ', 'ÉÉN café; İstanbul', 'a<b>&c']) {
      expect(fold(t).folded).toBe(normalize(t));
      const { folded, starts } = fold(t);
      expect(starts).toHaveLength(folded.length);
    }
  });

  it('marks the original spelling for a query without accents or in another case', () => {
    expect(shown(highlight('Zorg bij geïndiceerde preventie', ['geindiceerd']))).toBe('Zorg bij [geïndiceerd]e preventie');
    expect(shown(highlight('KRAAMZORG en Kraamzorg', queryWords('kraamzorg')))).toBe('[KRAAMZORG] en [Kraamzorg]');
    expect(shown(highlight('CenteringPregnancy (CePr)', queryWords('cepr')))).toBe('CenteringPregnancy ([CePr])');
  });

  it('marks every word of a multi-word query, and a word written without its spaces', () => {
    expect(shown(highlight('De eigen bijdrage voor kraamzorg', queryWords('kraamzorg eigen')))).toBe('De [eigen] bijdrage voor [kraamzorg]');
    expect(shown(highlight('Over Nu Niet Zwanger.', queryWords('nunietzwanger')))).toBe('Over [Nu Niet Zwanger].');
  });

  it('cuts around the match, at spaces, with an ellipsis where text was left out', () => {
    const long = `${'woord '.repeat(60)}hier staat de eigen bijdrage kraamzorg midden in ${'tekst '.repeat(60)}`.trim();
    const s = snippet(long, queryWords('eigen bijdrage'));
    const text = shown(s);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('[eigen] [bijdrage] kraamzorg');
    expect(text.length).toBeLessThan(220);
    // No word is cut in half.
    expect(text).toMatch(/^…woord /);
    expect(text).toMatch(/ tekst…$/);
  });

  it('prefers the place where the whole phrase occurs over scattered words', () => {
    const text = `eigen ${'x '.repeat(120)}bijdrage ${'y '.repeat(120)}hier de eigen bijdrage samen`;
    expect(shown(snippet(text, queryWords('eigen bijdrage')))).toContain('de [eigen] [bijdrage] samen');
  });

  it('keeps HTML-unsafe characters as plain text, in query and text', () => {
    const text = 'Als a < b & c > d, dan <script>alert(1)</script> kraamzorg';
    const s = snippet(text, queryWords('<script> kraamzorg'));
    expect(s.map((x) => x.text).join('')).toBe(text);
    expect(shown(s)).toContain('<[script]>alert(1)</[script]> [kraamzorg]');
    // Nothing in the segments is markup: a page renders them as text and <mark> elements.
    expect(queryWords('<b>"kraamzorg"</b> & co')).toEqual(['b', 'kraamzorg', 'co']);
  });

  it('starts at the beginning, unmarked, when only the title matched', () => {
    expect(snippet('Eerste zin. Tweede zin.', ['zzz'])).toEqual([{ text: 'Eerste zin. Tweede zin.', mark: false }]);
  });

  it('gives every hit of a real query a highlighted title or snippet', () => {
    for (const h of search(index, 'kraamzorg').hits) {
      expect([...h.titleSegments, ...h.snippet, ...h.tagSegments.flat()].some((s) => s.mark), h.id).toBe(true);
    }
  });
});
