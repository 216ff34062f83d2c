import 'server-only';
import path from 'node:path';
import { loadContentDir } from './parse';
import { buildCatalog, type Catalog } from './catalog';

let cached: Catalog | undefined;

/**
 * The content of content/, parsed, checked and indexed once per server
 * process. Pages read it through this; they never need the database.
 */
export function getCatalog(): Catalog {
  cached ??= buildCatalog(loadContentDir(path.join(process.cwd(), 'content')));
  return cached;
}

export type { Catalog } from './catalog';
