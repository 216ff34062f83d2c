import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildCatalog } from '@/lib/content/catalog';
import type { RawContent } from '@/lib/content/files';
import { loadContentDir } from '@/lib/content/parse';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../../content');

let raw: RawContent | undefined;
/** The real content, loaded once per test file. */
export function realContent(): RawContent {
  raw ??= loadContentDir(CONTENT_DIR);
  return raw;
}
export const realCatalog = () => buildCatalog(realContent());

/** A deep copy, so a test can break it without touching other tests. */
export const cloneContent = (): RawContent => structuredClone(realContent());

/** A copy of content/ in a temp dir with one file rewritten by `edit`. */
export function contentDirWith(file: string, edit: (source: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(CONTENT_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`test setup: edit of ${file} changed nothing`);
  writeFileSync(target, after);
  return dir;
}
