import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { mergeYearLines, type OneYearLine } from '@/lib/plans/lines';

/*
 * The migration to amounts per year (prisma/migrations/*_amounts_per_year),
 * run on a copy of a plan in the old shape: every euro arrives, lines that
 * differ only in year become one, and the result equals mergeYearLines (which
 * reads old revisions the same way).
 */

const MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/migrations');
const TARGET = readdirSync(MIGRATIONS).find((n) => n.endsWith('_amounts_per_year'));

const old = (id: string, position: number, year: number, amount: number, over: Partial<OneYearLine> = {}): OneYearLine & { position: number } => ({
  id,
  position,
  costCategory: 'interventies',
  sourceSlug: 'spuk-kansrijke-start',
  customSourceName: null,
  year,
  amount,
  looptijd: 'tijdelijk',
  status: 'toegezegd',
  rejectionReason: null,
  note: null,
  ...over,
});

// SPUK in three years (one line after), the same year twice (stays two lines), an own source, a zero.
const OLD_LINES = [
  old('a', 0, 2026, 40_000),
  old('b', 1, 2027, 40_000),
  old('c', 2, 2026, 5_000, { sourceSlug: null, customSourceName: 'Lokaal fonds', note: 'eigen' }),
  old('d', 3, 2028, 20_000),
  old('e', 4, 2026, 1_000),
  old('f', 5, 2027, 0, { status: 'idee' }),
];

describe('migration: funding lines with an amount per year', () => {
  it('moves every euro of an old-shape plan into amounts per year, as mergeYearLines does', async () => {
    expect(TARGET).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-migratie-'));
    const client = createClient({ url: `file:${path.join(dir, 'old.db')}` });
    try {
      for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d+_/.test(n)).sort()) {
        if (name === TARGET) break;
        await client.executeMultiple(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
      }
      await client.execute({
        sql: `INSERT INTO "Plan" ("id", "municipality", "title", "startYear", "endYear", "editSecretHash", "version", "createdAt", "updatedAt")
              VALUES ('p', 'Teststad', 'Plan', 2026, 2028, 'x', 1, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
        args: [],
      });
      for (const l of OLD_LINES) {
        await client.execute({
          sql: `INSERT INTO "PlanLine" ("id", "planId", "costCategory", "sourceSlug", "customSourceName", "year", "amount", "looptijd", "status", "rejectionReason", "note", "position")
                VALUES (?, 'p', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [l.id, l.costCategory, l.sourceSlug, l.customSourceName, l.year, l.amount, l.looptijd, l.status, l.rejectionReason, l.note, l.position],
        });
      }
      await client.executeMultiple(readFileSync(path.join(MIGRATIONS, TARGET ?? '', 'migration.sql'), 'utf8'));

      const rows = (await client.execute('SELECT "id", "sourceSlug", "customSourceName", "status", "amounts" FROM "PlanLine" ORDER BY "position"')).rows;
      const migrated = rows.map((r) => ({
        id: String(r.id),
        sourceSlug: r.sourceSlug === null ? null : String(r.sourceSlug),
        customSourceName: r.customSourceName === null ? null : String(r.customSourceName),
        status: String(r.status),
        amounts: (JSON.parse(String(r.amounts)) as { year: number; amount: number }[]).filter((a) => a.amount !== 0).sort((x, y) => x.year - y.year),
      }));
      // Every euro arrives.
      const total = (list: { amounts: { amount: number }[] }[]) => list.reduce((s, l) => s + l.amounts.reduce((t, a) => t + a.amount, 0), 0);
      expect(total(migrated)).toBe(OLD_LINES.reduce((s, l) => s + l.amount, 0));
      expect(migrated).toEqual([
        { id: 'a', sourceSlug: 'spuk-kansrijke-start', customSourceName: null, status: 'toegezegd', amounts: [{ year: 2026, amount: 40_000 }, { year: 2027, amount: 40_000 }, { year: 2028, amount: 20_000 }] },
        { id: 'c', sourceSlug: null, customSourceName: 'Lokaal fonds', status: 'toegezegd', amounts: [{ year: 2026, amount: 5_000 }] },
        { id: 'e', sourceSlug: 'spuk-kansrijke-start', customSourceName: null, status: 'toegezegd', amounts: [{ year: 2026, amount: 1_000 }] },
        { id: 'f', sourceSlug: 'spuk-kansrijke-start', customSourceName: null, status: 'idee', amounts: [] },
      ]);
      // The same as old revisions are read.
      const merged = mergeYearLines(OLD_LINES.map(({ position: _p, ...l }) => l));
      expect(merged.map(({ id, sourceSlug, customSourceName, status, amounts }) => ({ id, sourceSlug, customSourceName, status, amounts }))).toEqual(migrated);
    } finally {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
