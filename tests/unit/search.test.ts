import { describe, expect, it } from 'vitest';
import { buildSearchIndex, normalize, search } from '@/lib/content/search';
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
