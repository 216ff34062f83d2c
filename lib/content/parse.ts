import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { ContentError, formatPath, type ContentProblem } from './errors';
import { contentFiles, type CollectionName, type RawContent } from './files';
import { crossReferenceProblems } from './validate';

/** Which key names an item in a problem message, so an editor can find it. */
function itemLabel(item: unknown): string {
  if (item && typeof item === 'object') {
    const rec = item as Record<string, unknown>;
    for (const key of ['slug', 'id', 'bestand']) {
      if (typeof rec[key] === 'string') return ` (${key}: ${rec[key]})`;
    }
  }
  return '';
}

/**
 * Parses one collection from its YAML text. Returns the items, or the problems
 * with the field path of each.
 */
export function parseCollection<K extends CollectionName>(
  name: K,
  source: string,
): { items: RawContent[K]; problems: ContentProblem[] } {
  const { file, item } = contentFiles[name];
  let data: unknown;
  try {
    // YAML 1.2 core schema: dates stay strings, "no" stays a string.
    data = parseYaml(source, { schema: 'core', prettyErrors: true });
  } catch (err) {
    const message = err instanceof YAMLParseError ? err.message : String(err);
    return { items: [], problems: [{ file, path: '', message: `geen geldige YAML: ${message}` }] };
  }
  if (!Array.isArray(data)) {
    return { items: [], problems: [{ file, path: '', message: 'het bestand moet een lijst zijn (regels die met "- " beginnen)' }] };
  }
  const result = z.array(item).safeParse(data);
  if (result.success) return { items: result.data as RawContent[K], problems: [] };
  const problems = result.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const label = typeof index === 'number' ? itemLabel(data[index]) : '';
    const head = typeof index === 'number' ? `[${index}]${label}` : '';
    const tail = formatPath(rest);
    return { file, path: head + (tail ? (tail.startsWith('[') ? tail : '.' + tail) : ''), message: issue.message };
  });
  return { items: [], problems };
}

/**
 * Reads, parses and cross-checks every file in a content directory.
 * Throws ContentError listing every problem (not only the first).
 */
export function loadContentDir(dir: string): RawContent {
  const problems: ContentProblem[] = [];
  const out: Partial<Record<CollectionName, unknown[]>> = {};
  const broken = new Set<CollectionName>();
  for (const name of Object.keys(contentFiles) as CollectionName[]) {
    const { file } = contentFiles[name];
    let source: string;
    try {
      source = readFileSync(path.join(dir, file), 'utf8');
    } catch {
      problems.push({ file, path: '', message: 'bestand ontbreekt' });
      broken.add(name);
      out[name] = [];
      continue;
    }
    const parsed = parseCollection(name, source);
    problems.push(...parsed.problems);
    if (parsed.problems.length > 0) broken.add(name);
    out[name] = parsed.items;
  }
  const content = out as RawContent;
  problems.push(...crossReferenceProblems(content, broken));
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
