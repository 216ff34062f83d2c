import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');

/** The migration folders, oldest first. */
export const migrationNames = (): string[] => readdirSync(MIGRATIONS_DIR).filter((n) => /^\d+_/.test(n)).sort();

/** Prisma's bookkeeping table, as `migrate deploy` creates it. */
const MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

/**
 * Creates (or fills) the SQLite file at `url` with the first `count` migrations
 * (all by default), recorded in `_prisma_migrations` as `migrate deploy` does,
 * in WAL mode as scripts/prisma.mjs leaves it.
 */
export async function migrateFile(url: string, count = Infinity): Promise<void> {
  const client = createClient({ url });
  try {
    await client.execute(MIGRATIONS_TABLE);
    for (const name of migrationNames().slice(0, count)) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      await client.executeMultiple(sql);
      await client.execute({
        sql: `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, current_timestamp, ?, 1)`,
        args: [randomUUID(), createHash('sha256').update(sql).digest('hex'), name],
      });
    }
    await client.execute('PRAGMA journal_mode=WAL');
  } finally {
    client.close();
  }
}

/**
 * A fresh SQLite file with every migration in prisma/migrations applied (the
 * same SQL `migrate deploy` runs, and recorded as it does), and DATABASE_URL pointing at it. Call it
 * BEFORE importing anything that imports lib/db.ts (use dynamic import()),
 * because the Prisma client reads DATABASE_URL when it is created.
 */
export async function useTempDatabase(): Promise<{ url: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-plannen-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrateFile(url);
  process.env.DATABASE_URL = url;
  // lib/db.ts keeps its client on globalThis outside production; a client
  // from an earlier test file in the same worker would point at its database.
  (globalThis as { prisma?: unknown }).prisma = undefined;
  return { url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
