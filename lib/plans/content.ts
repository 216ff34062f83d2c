import type { Catalog } from '@/lib/content/catalog';
import type { Betaler, Financieringsbron } from '@/lib/content/schema';

/**
 * The part of content/ that funding plans need, as plain serialisable data.
 * Plain arrays (no Maps) so a Server Component can pass it to a client
 * component that recomputes totals while the user types. Built from the
 * catalogue in production (lib/plans/content-server.ts) and from fixtures in
 * unit tests.
 */
export type PlanSource = Pick<Financieringsbron, 'slug' | 'naam' | 'betaler' | 'wetten' | 'kostensoorten' | 'looptijd' | 'geldigheid'>;

export type PlanContent = {
  /** Cost categories in content order: interventies, voorinvesteringen, proceskosten, maatwerkbudget. */
  kostensoorten: { slug: string; naam: string }[];
  bronnen: PlanSource[];
  /** Laws in content order (used to order "money by law"). */
  wetten: { slug: string; naam: string; korteNaam: string }[];
  /** voorfinanciering (tijdelijk) and borging (structureel). */
  financieringsvormen: { slug: string; naam: string; looptijd: 'tijdelijk' | 'structureel' }[];
  /** Worked examples a new plan can start from. */
  voorbeelden: {
    slug: string;
    naam: string;
    financieringsmix: { financieringsbron: string; financieringsvorm?: string | undefined; toelichting: string }[];
  }[];
};

export type { Betaler };

const fromCatalogCache = new WeakMap<Catalog, PlanContent>();

/** Extracts PlanContent from the full catalogue; cached per catalogue object. */
export function planContentFromCatalog(catalog: Catalog): PlanContent {
  const cached = fromCatalogCache.get(catalog);
  if (cached) return cached;
  const content: PlanContent = {
    kostensoorten: catalog.kostensoorten.map(({ slug, naam }) => ({ slug, naam })),
    bronnen: catalog.financieringsbronnen.map(({ slug, naam, betaler, wetten, kostensoorten, looptijd, geldigheid }) => ({
      slug,
      naam,
      betaler,
      wetten,
      kostensoorten,
      looptijd,
      geldigheid,
    })),
    wetten: catalog.wetten.map(({ slug, naam, korteNaam }) => ({ slug, naam, korteNaam })),
    financieringsvormen: catalog.financieringsvormen.map(({ slug, naam, looptijd }) => ({ slug, naam, looptijd })),
    voorbeelden: catalog.voorbeelden.map(({ slug, naam, financieringsmix }) => ({
      slug,
      naam,
      financieringsmix: financieringsmix.map(({ financieringsbron, financieringsvorm, toelichting }) => ({
        financieringsbron,
        financieringsvorm,
        toelichting,
      })),
    })),
  };
  fromCatalogCache.set(catalog, content);
  return content;
}

/** Lookups over PlanContent, built once per content object (content never changes at run time). */
export type PlanContentIndex = {
  categories: ReadonlyMap<string, { slug: string; naam: string }>;
  sources: ReadonlyMap<string, PlanSource>;
  laws: ReadonlyMap<string, { slug: string; naam: string; korteNaam: string }>;
  examples: ReadonlyMap<string, PlanContent['voorbeelden'][number]>;
  forms: ReadonlyMap<string, PlanContent['financieringsvormen'][number]>;
};

const indexCache = new WeakMap<PlanContent, PlanContentIndex>();

export function indexPlanContent(content: PlanContent): PlanContentIndex {
  const cached = indexCache.get(content);
  if (cached) return cached;
  const index: PlanContentIndex = {
    categories: new Map(content.kostensoorten.map((k) => [k.slug, k])),
    sources: new Map(content.bronnen.map((b) => [b.slug, b])),
    laws: new Map(content.wetten.map((w) => [w.slug, w])),
    examples: new Map(content.voorbeelden.map((v) => [v.slug, v])),
    forms: new Map(content.financieringsvormen.map((f) => [f.slug, f])),
  };
  indexCache.set(content, index);
  return index;
}

/** The sources that, according to the catalogue, can pay for a cost category (for the "add a line" picker). */
export function sourcesForCategory(content: PlanContent, costCategory: string): PlanSource[] {
  return content.bronnen.filter((b) => b.kostensoorten.includes(costCategory));
}

/** Display name of a line's source: the catalogue name, the custom name, or the raw slug if it left the catalogue. */
export function sourceName(
  content: PlanContent,
  line: { sourceSlug: string | null; customSourceName: string | null },
): string {
  if (line.customSourceName) return line.customSourceName;
  if (!line.sourceSlug) return '';
  return indexPlanContent(content).sources.get(line.sourceSlug)?.naam ?? line.sourceSlug;
}
