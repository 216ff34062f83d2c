import { SITE_DESCRIPTION, SITE_NAME } from '../site';
import { wegwijzerHref, type WegwijzerState } from '../wegwijzer-url';
import { parseChoice } from './answers';
import type { Catalog } from './catalog';
import { BETALER_LABEL } from './labels';
import type { Hoofdroute } from './schema';
import { parseWegwijzerParams } from './wegwijzer';

/**
 * Titles and descriptions of the content pages, for every state a URL can
 * hold (a selected cell, a search, filters, chosen interventions). One place,
 * used by the pages' metadata (lib/site.ts pageMetadata) and by the preview
 * image route (app/og), so a shared link's title, description and image say
 * the same thing. Pure: no request, no file system.
 */
export type PageText = {
  title: string;
  description: string;
  /** The canonical path (with the query that makes the state), no origin. */
  path: string;
  /** The kind of page, above the title on the preview image ("Interventie"). */
  section: string;
};

type RawParams = Record<string, string | string[] | undefined>;

/** Pages whose text does not depend on content or state. */
const FIXED = {
  '/': { title: SITE_NAME, description: SITE_DESCRIPTION, section: '' },
  '/bronnen': {
    title: 'Financieringsbronnen',
    description: 'Alle geldbronnen voor Kansrijke Start: gemeentelijke budgetten, zorgverzekeraar, SPUK, provincie en fondsen, met wat ze kunnen betalen.',
    section: 'Overzicht',
  },
  '/interventies': {
    title: 'Interventies',
    description:
      'Interventies voor Kansrijke Start, zoals Nu Niet Zwanger, VoorZorg en Stevig Ouderschap, en wat de bronnen zeggen over hun financiering.',
    section: 'Overzicht',
  },
  '/knelpunten': {
    title: 'Knelpunten',
    description:
      'Bekende knelpunten in de financiering van de ketenaanpak Kansrijke Start, met de oplossingen en acties uit het werkdocument van december 2020.',
    section: 'Overzicht',
  },
  '/voorbeelden': {
    title: 'Voorbeelden',
    description:
      'Vier voorbeelden van lokale en regionale financiering van Kansrijke Start: Den Haag, Smallingerland, Gelderland-Midden en Zuid-Limburg.',
    section: 'Overzicht',
  },
  '/actueel': {
    title: 'Wat is er veranderd sinds de wegwijzer?',
    description:
      'Wijzigingen sinds de wegwijzer die ertoe doen voor wie 2027 en later plant: het einde van de brede SPUK, de korting in 2026, nieuwe en beëindigde geldbronnen, en wat nog niet bekend is.',
    section: 'Actueel',
  },
} as const satisfies Record<string, Omit<PageText, 'path'>>;

export type FixedPath = keyof typeof FIXED;

const isFixed = (path: string): path is FixedPath => Object.hasOwn(FIXED, path);

export function fixedPage(path: FixedPath): PageText {
  return { ...FIXED[path], path };
}

/** One line of user input for a title: white space collapsed, at most `max` characters. */
function shortInput(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length <= max ? one : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "A", "A en B", "A, B en C". */
export function listNl(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

const lower = (s: string) => s.toLocaleLowerCase('nl');

/**
 * The wegwijzer in a state: the selected cell, row or column; the search; the
 * filters. "Wpg × selectief: taken, wie betaalt, geldbronnen",
 * "Zoeken: kraamzorg", "Wegwijzer: kostensoort interventies".
 */
export function wegwijzerText(c: Catalog, state: WegwijzerState): PageText {
  const wet = state.wet ? c.by.wetten.get(state.wet) : undefined;
  const niveau = state.niveau ? c.by.niveaus.get(state.niveau) : undefined;
  const kosten = state.kosten ? c.by.kostensoorten.get(state.kosten) : undefined;
  const fase = state.fase ? c.by.fasen.get(state.fase) : undefined;
  const interventie = state.interventie ? c.by.interventies.get(state.interventie) : undefined;
  const query = state.q ? shortInput(state.q, 60) : '';

  const main: string[] = [];
  let about = '';
  if (wet && niveau) {
    main.push(`${wet.korteNaam} × ${lower(niveau.naam)}: taken, wie betaalt, geldbronnen`);
    about = `${wet.naam}, preventieniveau ${lower(niveau.naam)}`;
  } else if (wet) {
    main.push(`${wet.korteNaam}: taken, wie betaalt, geldbronnen${wet.dwarsdoorsnijdend ? '' : ' per preventieniveau'}`);
    about = wet.naam;
  } else if (niveau) {
    main.push(`${niveau.naam}: taken, wie betaalt, geldbronnen per wet`);
    about = `preventieniveau ${lower(niveau.naam)}`;
  }
  if (query) main.push(`Zoeken: ${query}`);
  const filters = [
    kosten && `kostensoort ${lower(kosten.naam)}`,
    fase && `fase ${lower(fase.naam)}`,
    interventie && `interventie ${interventie.naam}`,
  ].filter((f): f is string => Boolean(f));

  const title =
    main.length === 0
      ? filters.length === 0
        ? 'Wegwijzer'
        : `Wegwijzer: ${filters.join(', ')}`
      : `${main.join(' · ')}${filters.length ? ` (${filters.join(', ')})` : ''}`;

  const sentences: string[] = [];
  if (about) sentences.push(`Taken, wie betaalt, met wie u in gesprek gaat en welke financieringsbronnen passen: ${about}, in de aanpak Kansrijke Start.`);
  if (query) sentences.push(`Zoekresultaten voor “${query}” in de wegwijzer: wetten, taken, financieringsbronnen, interventies en knelpunten.`);
  if (sentences.length === 0) sentences.push('Interactieve matrix van wetten en preventieniveaus: wie betaalt wat in de aanpak Kansrijke Start.');
  if (filters.length) sentences.push(`Gefilterd op ${listNl(filters)}.`);

  return { title, description: sentences.join(' '), path: wegwijzerHref(state), section: 'Wegwijzer' };
}

/** The wegwijzer's text straight from its query parameters (unknown values are ignored, as on the page). */
export function wegwijzerTextFromParams(c: Catalog, raw: RawParams): PageText {
  return wegwijzerText(c, parseWegwijzerParams(c, raw).state);
}

/**
 * The interventions chosen for an answer sheet, from `kies`: comma-separated
 * (`?kies=voorzorg,prenataal-huisbezoek`, the shareable form) or repeated (a
 * form's checkboxes, `?kies=voorzorg&kies=…`). Unknown slugs are dropped,
 * duplicates once, in the order given.
 */
export function parseKies(c: Catalog, raw: string | string[] | undefined): string[] {
  // The page's own parse (lib/content/answers.ts), so title and sheet always name the same interventions.
  return parseChoice(raw, new Set(c.by.interventies.keys())).slugs;
}

/** "hoofdroute Wpg, universeel, betaald door gemeente", from the intervention's content (no date involved). */
function mainRoute(c: Catalog, h: Hoofdroute): string {
  const wet = h.wet ? c.by.wetten.get(h.wet) : undefined;
  const niveau = h.niveau ? c.by.niveaus.get(h.niveau) : undefined;
  if (h.nietGevonden || !wet || !niveau || !h.betaler) return 'de bronnen noemen geen hoofdroute';
  return `hoofdroute ${wet.korteNaam}, ${niveau.naam.toLowerCase()}, betaald door ${BETALER_LABEL[h.betaler].toLowerCase()}`;
}

/** /interventies: the list, or with `kies` the answer sheet for the chosen interventions. */
export function interventiesText(c: Catalog, kies: readonly string[]): PageText {
  const chosen = kies.flatMap((slug) => c.by.interventies.get(slug)?.naam ?? []);
  if (chosen.length === 0) return fixedPage('/interventies');
  const names = chosen.length <= 3 ? listNl(chosen) : `${chosen.length} interventies`;
  return {
    title: `Antwoordblad: ${names}`,
    description: `Per interventie de route naar geld (wet, niveau, betaler), andere routes, met wie u praat en wat onzeker is: ${listNl(chosen)}.`,
    path: `/interventies?kies=${kies.filter((s) => c.by.interventies.has(s)).join(',')}`,
    section: 'Antwoordblad',
  };
}

/** A description at most ~200 characters, cut at a word. */
function clampDescription(text: string): string {
  if (text.length <= 200) return text;
  const cut = text.slice(0, 199);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,.;:]+$/, '')}…`;
}

export function wetText(c: Catalog, slug: string): PageText | undefined {
  const w = c.by.wetten.get(slug);
  return (
    w && {
      title: w.naam,
      description: `${w.naam} in de aanpak Kansrijke Start: taken per preventieniveau, wie betaalt en welke financieringsbronnen.`,
      path: `/wetten/${w.slug}`,
      section: 'Wet',
    }
  );
}

export function bronText(c: Catalog, slug: string): PageText | undefined {
  const b = c.by.financieringsbronnen.get(slug);
  return (
    b && {
      title: b.naam,
      description: clampDescription(`Financieringsbron voor Kansrijke Start: ${b.omschrijving}`),
      path: `/bronnen/${b.slug}`,
      section: 'Financieringsbron',
    }
  );
}

export function interventieText(c: Catalog, slug: string): PageText | undefined {
  const i = c.by.interventies.get(slug);
  return (
    i && {
      title: i.naam,
      description: clampDescription(`${i.naam}: ${mainRoute(c, i.hoofdroute)}; andere routes, gesprekspartners en wat onzeker is in de aanpak Kansrijke Start.`),
      path: `/interventies/${i.slug}`,
      section: 'Interventie',
    }
  );
}

export function knelpuntText(c: Catalog, slug: string): PageText | undefined {
  const k = c.by.knelpunten.get(slug);
  return (
    k && {
      title: `Knelpunt ${k.nummer}: ${k.titel}`,
      description: clampDescription(k.probleem),
      path: `/knelpunten/${k.slug}`,
      section: 'Knelpunt',
    }
  );
}

export function voorbeeldText(c: Catalog, slug: string): PageText | undefined {
  const v = c.by.voorbeelden.get(slug);
  return (
    v && {
      title: `Voorbeeld: ${v.naam}`,
      description: clampDescription(v.samenvatting),
      path: `/voorbeelden/${v.slug}`,
      section: 'Voorbeeld',
    }
  );
}

/**
 * The text of the content page at `pathname` with its query, or undefined for
 * a path that is not a content page (plans, regions, unknown paths).
 */
export function describePath(c: Catalog, pathname: string, query: URLSearchParams): PageText | undefined {
  const raw: RawParams = {};
  for (const key of new Set(query.keys())) raw[key] = query.getAll(key);
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (isFixed(clean) && clean !== '/interventies') return fixedPage(clean);
  if (clean === '/wegwijzer') return wegwijzerTextFromParams(c, raw);
  if (clean === '/interventies') return interventiesText(c, parseKies(c, raw.kies));
  const [, section, slug, ...rest] = clean.split('/');
  if (!slug || rest.length > 0) return undefined;
  switch (section) {
    case 'wetten':
      return wetText(c, slug);
    case 'bronnen':
      return bronText(c, slug);
    case 'interventies':
      return interventieText(c, slug);
    case 'knelpunten':
      return knelpuntText(c, slug);
    case 'voorbeelden':
      return voorbeeldText(c, slug);
    default:
      return undefined;
  }
}
