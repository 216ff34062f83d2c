import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The two Prisma schemas (SQLite, the embedded default; PostgreSQL, issue 12)
 * must describe the same models: the app types both stores' clients as one
 * (lib/db.ts), and db:copy moves rows between them. Everything after the
 * datasource block is compared, model by model, comments included, so a
 * change made in one file only fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** model and enum blocks by name, with trailing spaces and blank-line runs normalised. */
export function modelBlocks(schema: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of schema.matchAll(/^(model|enum|type|view)\s+(\w+)\s*\{[\s\S]*?^\}/gm)) {
    const text = match[0].replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n');
    blocks.set(`${match[1]} ${match[2]}`, text);
  }
  return blocks;
}

/** What follows the datasource block: the models and the comments between them. */
const afterDatasource = (schema: string) => schema.slice(schema.search(/^datasource\s+\w+\s*\{[\s\S]*?^\}/m)).replace(/^datasource\s+\w+\s*\{[\s\S]*?^\}/m, '').trim();

describe('the SQLite and PostgreSQL schemas', () => {
  const sqlite = read('prisma/schema.prisma');
  const postgres = read('prisma/postgresql/schema.prisma');

  it('declare their own provider and generated client', () => {
    expect(sqlite).toMatch(/provider\s*=\s*"sqlite"/);
    expect(postgres).toMatch(/provider\s*=\s*"postgresql"/);
    expect(sqlite).toMatch(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/);
    expect(postgres).toMatch(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
  });

  it('have the same models, field for field', () => {
    const a = modelBlocks(sqlite);
    const b = modelBlocks(postgres);
    expect(a.size).toBeGreaterThanOrEqual(9);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, block] of a) expect(b.get(name), name).toBe(block);
    expect(afterDatasource(postgres)).toBe(afterDatasource(sqlite));
  });

  it('would notice a field that differs', () => {
    const changed = sqlite.replace('  title          String\n', '  title          String?\n');
    expect(changed).not.toBe(sqlite);
    expect(modelBlocks(changed).get('model Plan')).not.toBe(modelBlocks(sqlite).get('model Plan'));
  });

  it('each have a migration history with a lock file for their provider', () => {
    expect(read('prisma/migrations/migration_lock.toml')).toMatch(/provider = "sqlite"/);
    expect(read('prisma/postgresql/migrations/migration_lock.toml')).toMatch(/provider = "postgresql"/);
  });
});
