import 'server-only';
import { getCatalog } from '@/lib/content';
import type { Catalog } from '@/lib/content/catalog';
import type { Names } from './calculate';
import type { RegionContent } from './schema';

const cache = new WeakMap<Catalog, RegionContent>();

/** The part of content/ regional plans use (cached per catalogue, like getPlanContent). */
export function getRegionContent(): RegionContent {
  const catalog = getCatalog();
  let content = cache.get(catalog);
  if (!content) {
    content = {
      kostensoorten: catalog.kostensoorten.map(({ slug, naam }) => ({ slug, naam })),
      interventies: [...catalog.interventies].map(({ slug, naam }) => ({ slug, naam })),
    };
    cache.set(catalog, content);
  }
  return content;
}

export function regionNames(content: RegionContent): Names {
  const categories = new Map(content.kostensoorten.map((k) => [k.slug, k.naam]));
  const interventions = new Map(content.interventies.map((i) => [i.slug, i.naam]));
  return { category: (s) => categories.get(s) ?? s, intervention: (s) => interventions.get(s) ?? s };
}
