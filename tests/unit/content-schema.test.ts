import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { loadContentDir, parseCollection } from '@/lib/content/parse';
import { contentDirWith, realContent } from './support/content';

const CITE = `    bron:\n      - document: wegwijzer-financiering-kansrijke-start.txt\n`;

describe('content files', () => {
  it('the real content parses and passes every cross-check', () => {
    const c = realContent();
    expect(c.wetten.map((w) => w.slug)).toEqual(expect.arrayContaining(['jeugdwet', 'wpg', 'participatiewet', 'wmo', 'zvw', 'overig']));
    expect(c.niveaus.map((n) => n.slug)).toEqual(['universeel', 'selectief', 'geindiceerd']);
    expect(c.voorbeelden.map((v) => v.slug).sort()).toEqual(['den-haag', 'gelderland-midden', 'smallingerland', 'zuid-limburg']);
    expect(c.vragen).toHaveLength(3);
    for (const slug of ['nu-niet-zwanger', 'voorzorg', 'stevig-ouderschap', 'centering-pregnancy', 'centering-parenting', 'prenataal-huisbezoek']) {
      expect(c.interventies.some((i) => i.slug === slug), slug).toBe(true);
    }
  });

  it('names file, item and field of a schema error', () => {
    const yaml = `- slug: jeugdwet\n  korteNaam: JW\n  betalers: [gemeente]\n  omschrijving: x\n${CITE.replace(/^ {2}/gm, '')}`;
    const { problems } = parseCollection('wetten', yaml);
    expect(problems).toContainEqual({ file: 'wetten.yaml', path: '[0] (slug: jeugdwet).naam', message: expect.any(String) });
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const yaml = `- slug: universeel\n  naam: Universeel\n  definitie: Voor iedereen\n  defintie: typo\n${CITE.replace(/^ {2}/gm, '')}`;
    const { problems } = parseCollection('niveaus', yaml);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('[0] (slug: universeel)');
    expect(problems[0]?.message).toContain('defintie');
  });

  it('rejects an unknown payer, with the field path', () => {
    const yaml = `- slug: a\n  naam: A\n  betaler: koning\n  omschrijving: x\n  wetten: [wpg]\n  niveaus: [universeel]\n  looptijd: tijdelijk\n  kostensoorten: [interventies]\n${CITE.replace(/^ {2}/gm, '')}`;
    const { problems } = parseCollection('financieringsbronnen', yaml);
    expect(problems.map((p) => p.path)).toContain('[0] (slug: a).betaler');
  });

  it('reports invalid YAML and a file that is not a list', () => {
    expect(parseCollection('fasen', 'slug: [unclosed').problems[0]?.message).toMatch(/geen geldige YAML/);
    expect(parseCollection('fasen', 'slug: x').problems[0]?.message).toMatch(/lijst/);
  });

  it('keeps YAML dates as text (YAML 1.2 core schema)', () => {
    const yaml = `- bestand: a.md\n  titel: A\n  datering:\n    soort: exact\n    datum: 2020-12-01\n  omschrijving: x\n`;
    const { items, problems } = parseCollection('documenten', yaml);
    expect(problems).toEqual([]);
    expect(items[0]?.datering.datum).toBe('2020-12-01');
  });

  it('refuses a document without a date, and an inexact date without saying what it rests on', () => {
    expect(parseCollection('documenten', `- bestand: a.md\n  titel: A\n  omschrijving: x\n`).problems.map((p) => p.path)).toEqual([
      '[0] (bestand: a.md).datering',
    ]);
    const circa = `- bestand: a.md\n  titel: A\n  datering:\n    soort: circa\n    datum: "2020"\n  omschrijving: x\n`;
    expect(parseCollection('documenten', circa).problems.map((p) => p.path)).toEqual(['[0] (bestand: a.md).datering.toelichting']);
  });

  it('refuses a funding source without validity, and takes "onbekend" as a value', () => {
    const source = (extra: string) =>
      `- slug: a\n  naam: A\n  betaler: rijk\n  omschrijving: x\n  wetten: [wpg]\n  niveaus: [universeel]\n  looptijd: tijdelijk\n${extra}  kostensoorten: [interventies]\n${CITE.replace(/^ {2}/gm, '')}`;
    expect(parseCollection('financieringsbronnen', source('')).problems.map((p) => p.path)).toEqual(['[0] (slug: a).geldigheid']);
    const unknown = `  geldigheid:\n    vanaf: onbekend\n    tot: onbekend\n    bekendTot: "2025"\n    toelichting: x\n    bron:\n      - document: d.md\n`;
    expect(parseCollection('financieringsbronnen', source(unknown)).problems).toEqual([]);
    const bad = unknown.replace('tot: onbekend', 'tot: later');
    expect(parseCollection('financieringsbronnen', source(bad)).problems).toEqual([
      { file: 'financieringsbronnen.yaml', path: '[0] (slug: a).geldigheid.tot', message: expect.stringContaining('"onbekend"') },
    ]);
  });

  it('refuses a fact without its peildatum', () => {
    const yaml = `- slug: a\n  naam: A\n  omschrijving: x\n  wetten: [wpg]\n  niveaus: [universeel]\n  fasen: [na-de-geboorte]\n  financiering: x\n  hoofdroute:\n    nietGevonden: true\n    toelichting: x\n    bron:\n      - document: d.md\n  feiten:\n    - omschrijving: Tarief\n      waarde: € 5\n      zekerheid: autoriteit\n      bron:\n        - document: d.md\n${CITE.replace(/^ {2}/gm, '')}`;
    expect(parseCollection('interventies', yaml).problems.map((p) => p.path)).toEqual(['[0] (slug: a).feiten[0].peildatum']);
  });

  it('a broken file in a content directory fails loading with file and field named', () => {
    const dir = contentDirWith('kostensoorten.yaml', (s) => s.replace(/^(\s*)definitie:/m, '$1definitie_kapot:'));
    expect(() => loadContentDir(dir)).toThrow(ContentError);
    try {
      loadContentDir(dir);
    } catch (err) {
      const e = err as ContentError;
      expect(e.message).toContain('content/kostensoorten.yaml');
      expect(e.problems.some((p) => p.file === 'kostensoorten.yaml' && p.path.includes('[0]'))).toBe(true);
    }
  });

  it('a missing file is reported by name', () => {
    const dir = contentDirWith('vragen.yaml', () => 'not: a list');
    expect(() => loadContentDir(dir)).toThrow(/content\/vragen\.yaml/);
  });
});
