import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';

/**
 * A fresh SQLite file with every migration in prisma/migrations applied (the
 * same SQL `migrate deploy` runs), and DATABASE_URL pointing at it. Call it
 * BEFORE importing anything that imports lib/db.ts (use dynamic import()),
 * because the Prisma client reads DATABASE_URL when it is created.
 */
export async function useTempDatabase(): Promise<{ url: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-plannen-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  const migrations = path.resolve(import.meta.dirname, '../../../prisma/migrations');
  const client = createClient({ url });
  try {
    for (const name of readdirSync(migrations).filter((n) => /^\d+_/.test(n)).sort()) {
      await client.executeMultiple(readFileSync(path.join(migrations, name, 'migration.sql'), 'utf8'));
    }
    // As scripts/prisma.mjs does after `migrate deploy`.
    await client.execute('PRAGMA journal_mode=WAL');
  } finally {
    client.close();
  }
  process.env.DATABASE_URL = url;
  // lib/db.ts keeps its client on globalThis outside production; a client
  // from an earlier test file in the same worker would point at its database.
  (globalThis as { prisma?: unknown }).prisma = undefined;
  return { url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
