import { pick, type Catalog } from './catalog';
import { BETALER_LABEL } from './labels';
import type { Betaler, Citation, Feit, Financieringsbron, Gesprekspartner, Interventie, Niveau, Wet } from './schema';
import { sortByValidity, validityOn, yearWarning, type ValidityState } from './validity';

/**
 * The answer block of an intervention ("which law, which level, who pays,
 * whom do I talk to, what holds and what ends?") and the answer sheet for
 * several interventions at once. Pure functions of the catalog and a day, so
 * the pages and the tests agree.
 */

export type MainRoute =
  | {
      found: true;
      wet: Wet;
      niveau: Niveau;
      betaler: Betaler;
      sources: Financieringsbron[];
      toelichting: string;
      interpretatie?: string;
      bron: readonly Citation[];
    }
  | { found: false; toelichting: string; interpretatie?: string; bron: readonly Citation[] };

/** Why a partner is on the list: the law of the main route, or a funding source. */
export type PartnerVia = { kind: 'wet' | 'bron'; slug: string; naam: string; href: string };
export type PartnerLink = { partner: Gesprekspartner; via: PartnerVia[] };

/** A condition of the main route, with where it comes from and its citation. */
export type Condition = { text: string; from: string; bron: readonly Citation[] };

/** A funding source of the intervention that ends, has ended or is uncertain in the plan year. */
export type SourceWarning = { source: Financieringsbron; main: boolean; today: ValidityState; text: string };

export type Answer = {
  interventie: Interventie;
  main: MainRoute;
  /** The intervention's other funding sources, running ones first. */
  otherSources: Financieringsbron[];
  partners: PartnerLink[];
  conditions: Condition[];
  /** The year users plan for: the year after today (on 2 December 2026: 2027). */
  planYear: number;
  warnings: SourceWarning[];
  /** The intervention's facts that were searched for and not found. */
  openFacts: Feit[];
};

export function planYearOf(today: string): number {
  return Number(today.slice(0, 4)) + 1;
}

function addPartners(into: Map<string, PartnerLink>, c: Catalog, ids: readonly string[], via: PartnerVia) {
  for (const p of pick(c.by.gesprekspartners, ids)) {
    const link = into.get(p.id) ?? { partner: p, via: [] };
    if (!link.via.some((v) => v.kind === via.kind && v.slug === via.slug)) link.via.push(via);
    into.set(p.id, link);
  }
}

const wetVia = (w: Wet): PartnerVia => ({ kind: 'wet', slug: w.slug, naam: w.korteNaam, href: `/wetten/${w.slug}` });
const bronVia = (b: Financieringsbron): PartnerVia => ({ kind: 'bron', slug: b.slug, naam: b.naam, href: `/bronnen/${b.slug}` });

export function answerFor(c: Catalog, i: Interventie, today: string): Answer {
  const h = i.hoofdroute;
  const wet = h.wet ? c.by.wetten.get(h.wet) : undefined;
  const niveau = h.niveau ? c.by.niveaus.get(h.niveau) : undefined;
  const mainSources = pick(c.by.financieringsbronnen, h.financieringsbronnen);
  const main: MainRoute =
    !h.nietGevonden && wet && niveau && h.betaler
      ? { found: true, wet, niveau, betaler: h.betaler, sources: mainSources, toelichting: h.toelichting, interpretatie: h.interpretatie, bron: h.bron }
      : { found: false, toelichting: h.toelichting, interpretatie: h.interpretatie, bron: h.bron };

  const mainIds = new Set(h.financieringsbronnen);
  const allSources = pick(c.by.financieringsbronnen, i.financieringsbronnen);
  const otherSources = sortByValidity(
    allSources.filter((b) => !mainIds.has(b.slug)),
    today,
  );

  // Whom to talk to: with a main route, the partners of its sources and its
  // law; without one, those of every law and source the intervention touches.
  const partners = new Map<string, PartnerLink>();
  const partnerSources = main.found ? main.sources : allSources;
  const partnerLaws = main.found ? [main.wet] : pick(c.by.wetten, i.wetten);
  for (const b of partnerSources) addPartners(partners, c, b.gesprekspartners, bronVia(b));
  for (const w of partnerLaws) addPartners(partners, c, w.gesprekspartners, wetVia(w));

  const conditions: Condition[] = main.found
    ? [
        ...h.voorwaarden.map((text) => ({ text, from: 'hoofdroute', bron: h.bron })),
        ...main.sources.flatMap((b) => b.voorwaarden.map((text) => ({ text, from: b.naam, bron: b.bron }))),
      ]
    : [];

  const planYear = planYearOf(today);
  const warnings = sortByValidity(allSources, today).flatMap((b) => {
    const successor = b.geldigheid.opvolger ? c.by.financieringsbronnen.get(b.geldigheid.opvolger)?.naam : undefined;
    const text = yearWarning(b.naam, b.geldigheid, planYear, successor, today);
    return text ? [{ source: b, main: mainIds.has(b.slug), today: validityOn(b.geldigheid, today), text }] : [];
  });
  // Main-route warnings first: they change the answer most.
  warnings.sort((a, b) => Number(b.main) - Number(a.main));

  return {
    interventie: i,
    main,
    otherSources,
    partners: [...partners.values()],
    conditions,
    planYear,
    warnings,
    openFacts: i.feiten.filter((f) => f.nietGevonden),
  };
}

// ------------------------------------------------------------ the answer sheet

/** How many interventions one sheet shows at most (there are 13; more would be a list, not an answer). */
export const MAX_CHOSEN = 20;

export type Choice = {
  /** Known intervention slugs, in the order given, without duplicates. */
  slugs: string[];
  /** What was asked for but is not an intervention (shortened for display). */
  unknown: string[];
  /** The canonical query ("kies=a,b"), or "" when nothing was chosen. */
  query: string;
  /** Whether the request's own form differs from the canonical one (the page then redirects). */
  changed: boolean;
};

/**
 * Reads `kies` from a URL: "kies=a,b" (a shared link) and "kies=a&kies=b"
 * (a plain GET form with checkboxes) both work. Case and spaces are forgiven,
 * duplicates dropped; unknown values are kept (so the page can name them) but
 * never trusted as slugs.
 */
export function parseChoice(raw: string | readonly string[] | undefined, known: ReadonlySet<string>): Choice {
  const values = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const tokens = values
    .flatMap((v) => v.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const seen = new Set<string>();
  const slugs: string[] = [];
  const unknown: string[] = [];
  for (const t of tokens) {
    if (seen.has(t)) continue;
    seen.add(t);
    if (known.has(t)) {
      if (slugs.length < MAX_CHOSEN) slugs.push(t);
    } else if (unknown.length < 5) {
      unknown.push(t.length > 60 ? `${t.slice(0, 60)}…` : t);
    }
  }
  const list = [...slugs, ...unknown.map((u) => encodeURIComponent(u))];
  const query = list.length > 0 ? `kies=${list.join(',')}` : '';
  const asGiven = values.length === 1 ? `kies=${encodeURIComponent(values[0] ?? '').replace(/%2C/gi, ',')}` : null;
  return { slugs, unknown, query, changed: values.length > 0 && asGiven !== query };
}

/** The path of the answer sheet for these interventions. */
export function answerSheetHref(slugs: readonly string[]): string {
  return slugs.length > 0 ? `/interventies?kies=${slugs.join(',')}` : '/interventies';
}

export type SharedItem = {
  key: string;
  kind: 'wet' | 'betaler' | 'gesprekspartner' | 'bron';
  naam: string;
  href?: string;
  /** The chosen interventions that have this item, and whether it is on their main route. */
  by: { slug: string; naam: string; main: boolean }[];
};

/**
 * What the chosen interventions have in common: laws, payers, partners and
 * funding sources that two or more of them share, most shared first. "Main"
 * marks where the item is on that intervention's main route.
 */
export function sharedAcross(answers: readonly Answer[]): SharedItem[] {
  const items = new Map<string, SharedItem>();
  const add = (key: string, item: Omit<SharedItem, 'key' | 'by'>, a: Answer, main: boolean) => {
    const entry = items.get(key) ?? { key, ...item, by: [] };
    const existing = entry.by.find((b) => b.slug === a.interventie.slug);
    if (existing) existing.main ||= main;
    else entry.by.push({ slug: a.interventie.slug, naam: a.interventie.naam, main });
    items.set(key, entry);
  };
  for (const a of answers) {
    const m = a.main;
    if (m.found) {
      add(`wet:${m.wet.slug}`, { kind: 'wet', naam: m.wet.naam, href: `/wetten/${m.wet.slug}` }, a, true);
      add(`betaler:${m.betaler}`, { kind: 'betaler', naam: BETALER_LABEL[m.betaler] }, a, true);
      for (const b of m.sources) add(`bron:${b.slug}`, { kind: 'bron', naam: b.naam, href: `/bronnen/${b.slug}` }, a, true);
    }
    for (const b of a.otherSources) {
      add(`bron:${b.slug}`, { kind: 'bron', naam: b.naam, href: `/bronnen/${b.slug}` }, a, false);
      add(`betaler:${b.betaler}`, { kind: 'betaler', naam: BETALER_LABEL[b.betaler] }, a, false);
    }
    for (const p of a.partners) add(`gesprekspartner:${p.partner.id}`, { kind: 'gesprekspartner', naam: p.partner.naam }, a, m.found);
  }
  const order: SharedItem['kind'][] = ['wet', 'betaler', 'bron', 'gesprekspartner'];
  return [...items.values()]
    .filter((s) => s.by.length >= 2)
    .sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || y.by.length - x.by.length || y.by.filter((b) => b.main).length - x.by.filter((b) => b.main).length);
}
