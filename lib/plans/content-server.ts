import 'server-only';
import { getCatalog } from '@/lib/content';
import { planContentFromCatalog, type PlanContent } from './content';

/**
 * The funding-plan view of content/. The catalogue is parsed once per process
 * (getCatalog caches it) and this extraction is cached per catalogue, so a
 * request pays two lookups, not a YAML parse.
 */
export function getPlanContent(): PlanContent {
  return planContentFromCatalog(getCatalog());
}
