import { describe, expect, it } from 'vitest';
import {
  bronText,
  describePath,
  fixedPage,
  interventiesText,
  interventieText,
  knelpuntText,
  parseKies,
  voorbeeldText,
  wegwijzerText,
  wegwijzerTextFromParams,
  wetText,
} from '@/lib/content/page-titles';
import { realCatalog } from './support/content';

const c = realCatalog();
const q = (s: string) => new URLSearchParams(s);

describe('wegwijzerText: the title says the state', () => {
  it('names a selected cell with the law, the level and what the detail holds', () => {
    const t = wegwijzerText(c, { wet: 'wpg', niveau: 'selectief' });
    expect(t.title).toBe('Wpg × selectief: taken, wie betaalt, geldbronnen');
    expect(t.description).toContain('Wet publieke gezondheid, preventieniveau selectief');
    expect(t.path).toBe('/wegwijzer?wet=wpg&niveau=selectief');
  });

  it('names a row, a cross-cutting row and a column', () => {
    expect(wegwijzerText(c, { wet: 'jeugdwet' }).title).toBe('Jeugdwet: taken, wie betaalt, geldbronnen per preventieniveau');
    expect(wegwijzerText(c, { wet: 'integraal' }).title).toBe('Integraal: taken, wie betaalt, geldbronnen');
    expect(wegwijzerText(c, { niveau: 'geindiceerd' }).title).toBe('Geïndiceerd: taken, wie betaalt, geldbronnen per wet');
  });

  it('puts the search in the title and the description', () => {
    const t = wegwijzerText(c, { q: 'kraamzorg' });
    expect(t.title).toBe('Zoeken: kraamzorg');
    expect(t.description).toContain('“kraamzorg”');
    expect(t.path).toBe('/wegwijzer?q=kraamzorg');
  });

  it('puts filters in the title, alone or after the cell and the search', () => {
    expect(wegwijzerText(c, { kosten: 'interventies' }).title).toBe('Wegwijzer: kostensoort interventies');
    expect(wegwijzerText(c, { fase: 'na-de-geboorte', interventie: 'voorzorg' }).title).toBe(
      'Wegwijzer: fase na de geboorte, interventie VoorZorg',
    );
    const all = wegwijzerText(c, { wet: 'zvw', niveau: 'universeel', q: 'kraamzorg', kosten: 'proceskosten' });
    expect(all.title).toBe('Zvw × universeel: taken, wie betaalt, geldbronnen · Zoeken: kraamzorg (kostensoort proceskosten)');
    expect(all.description).toMatch(/Gefilterd op kostensoort proceskosten\.$/);
  });

  it('without state is the plain wegwijzer', () => {
    expect(wegwijzerText(c, {})).toMatchObject({ title: 'Wegwijzer', path: '/wegwijzer' });
  });

  it('ignores values the content does not know, as the page does, and keeps a long query short', () => {
    const t = wegwijzerTextFromParams(c, { wet: 'bestaat-niet', niveau: 'selectief', kosten: ['interventies', 'x'] });
    expect(t.title).toBe('Selectief: taken, wie betaalt, geldbronnen per wet (kostensoort interventies)');
    const long = wegwijzerText(c, { q: `  heel\n${'lang '.repeat(40)}` }).title;
    expect(long.startsWith('Zoeken: heel lang lang')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    expect([...long].length).toBeLessThanOrEqual('Zoeken: '.length + 60);
  });
});

describe('answer sheet (/interventies?kies=…)', () => {
  it('reads comma-separated and repeated values, drops unknown slugs and duplicates', () => {
    expect(parseKies(c, 'voorzorg,prenataal-huisbezoek')).toEqual(['voorzorg', 'prenataal-huisbezoek']);
    expect(parseKies(c, ['voorzorg', 'onbekend', 'voorzorg,prenataal-huisbezoek'])).toEqual(['voorzorg', 'prenataal-huisbezoek']);
    expect(parseKies(c, undefined)).toEqual([]);
  });

  it('names the chosen interventions, or falls back to the list', () => {
    const t = interventiesText(c, ['voorzorg', 'prenataal-huisbezoek']);
    expect(t.title).toBe(`Antwoordblad: VoorZorg en ${c.by.interventies.get('prenataal-huisbezoek')?.naam}`);
    expect(t.path).toBe('/interventies?kies=voorzorg,prenataal-huisbezoek');
    expect(interventiesText(c, [])).toEqual(fixedPage('/interventies'));
    const many = c.interventies.slice(0, 5).map((i) => i.slug);
    expect(interventiesText(c, many).title).toBe('Antwoordblad: 5 interventies');
  });
});

describe('content pages', () => {
  it('each slug page has its own title, a description of at most 200 characters and its path', () => {
    const pages = [
      ...c.wetten.map((w) => wetText(c, w.slug)),
      ...c.financieringsbronnen.map((b) => bronText(c, b.slug)),
      ...c.interventies.map((i) => interventieText(c, i.slug)),
      ...c.knelpunten.map((k) => knelpuntText(c, k.slug)),
      ...c.voorbeelden.map((v) => voorbeeldText(c, v.slug)),
    ];
    for (const page of pages) {
      expect(page?.title).toBeTruthy();
      expect(page?.description.length).toBeLessThanOrEqual(200);
      expect(page?.path).toMatch(/^\/(wetten|bronnen|interventies|knelpunten|voorbeelden)\/[a-z0-9-]+$/);
    }
    expect(new Set(pages.map((p) => p?.path)).size).toBe(pages.length);
    expect(voorbeeldText(c, c.voorbeelden[0]?.slug ?? '')?.title).toBe(`Voorbeeld: ${c.voorbeelden[0]?.naam}`);
    expect(wetText(c, 'bestaat-niet')).toBeUndefined();
  });

  it("a knelpunt's title carries its number from the 2020 document; its description is the problem, cut at a word", () => {
    const k = c.by.knelpunten.get('eigen-bijdrage-kraamzorg');
    expect(knelpuntText(c, 'eigen-bijdrage-kraamzorg')).toEqual({
      title: `Knelpunt 1.3: ${k?.titel}`,
      description: expect.stringMatching(/^Voor minima zijn de kosten van de wettelijk verplichte eigen bijdrage/),
      path: '/knelpunten/eigen-bijdrage-kraamzorg',
      section: 'Knelpunt',
    });
    const long = c.knelpunten.find((x) => x.probleem.length > 200);
    expect(long).toBeDefined();
    const text = knelpuntText(c, long?.slug ?? '');
    expect(text?.description.length).toBeLessThanOrEqual(200);
    expect(text?.description).toMatch(/…$/);
    expect(knelpuntText(c, 'bestaat-niet')).toBeUndefined();
  });

  it("an intervention's description names its main route from the content, or says the sources name none", () => {
    const voorzorg = c.by.interventies.get('voorzorg');
    const route = voorzorg?.hoofdroute;
    expect(route?.wet).toBeTruthy();
    const law = c.by.wetten.get(route?.wet ?? '');
    expect(interventieText(c, 'voorzorg')?.description).toContain(`hoofdroute ${law?.korteNaam}`);
    expect(c.by.interventies.get('baby-connect')?.hoofdroute.nietGevonden).toBe(true);
    expect(interventieText(c, 'baby-connect')?.description).toContain('de bronnen noemen geen hoofdroute');
  });
});

describe('describePath (what the preview image route draws)', () => {
  it('maps each content route, with its query, to the same text the page uses', () => {
    expect(describePath(c, '/', q(''))?.path).toBe('/');
    expect(describePath(c, '/knelpunten', q(''))).toEqual(fixedPage('/knelpunten'));
    expect(describePath(c, '/actueel/', q(''))).toEqual(fixedPage('/actueel'));
    expect(describePath(c, '/wegwijzer', q('niveau=selectief&wet=wpg'))).toEqual(wegwijzerText(c, { wet: 'wpg', niveau: 'selectief' }));
    expect(describePath(c, '/interventies', q('kies=voorzorg&kies=prenataal-huisbezoek'))?.path).toBe(
      '/interventies?kies=voorzorg,prenataal-huisbezoek',
    );
    expect(describePath(c, '/interventies/voorzorg', q(''))).toEqual(interventieText(c, 'voorzorg'));
    expect(describePath(c, '/knelpunten/eigen-bijdrage-kraamzorg', q(''))).toEqual(knelpuntText(c, 'eigen-bijdrage-kraamzorg'));
    expect(describePath(c, '/wetten/wpg', q(''))?.title).toBe('Wet publieke gezondheid');
  });

  it('knows nothing of other paths, not even object property names', () => {
    for (const path of ['/plannen/abc', '/colofon', '/wetten', '/wetten/wpg/extra', '/bronnen/onbekend', '/knelpunten/onbekend', '/constructor', '/toString', '/__proto__']) {
      expect(describePath(c, path, q('')), path).toBeUndefined();
    }
  });
});
