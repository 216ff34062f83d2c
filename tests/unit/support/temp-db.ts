import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/migrations');
export const POSTGRES_MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../prisma/postgresql/migrations');

/**
 * The store the database tests run on. TEST_POSTGRES_URL (a role that may
 * create databases, e.g. from scripts/pg-cluster.sh) runs them on PostgreSQL,
 * in a fresh database per test file; without it, a fresh SQLite file.
 */
export const testPostgresUrl = (): string | undefined => process.env.TEST_POSTGRES_URL?.trim() || undefined;
export const onPostgres = (): boolean => testPostgresUrl() !== undefined;

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
 * `{ store: 'sqlite' }`: SQLite even when TEST_POSTGRES_URL is set (tests of SQLite's own tools).
 */
export async function useTempDatabase(options: { store?: 'sqlite' } = {}): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const admin = testPostgresUrl();
  if (admin && options.store !== 'sqlite') return freshPostgresDatabase(admin);
  const dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-plannen-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrateFile(url);
  process.env.DATABASE_URL = url;
  // lib/db.ts keeps its client on globalThis outside production; a client
  // from an earlier test file in the same worker would point at its database.
  (globalThis as { prisma?: unknown }).prisma = undefined;
  return { url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The URL of database `name` on the cluster of `admin`. */
export function databaseOn(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Applies prisma/postgresql/migrations to the (empty) database at `url` as
 * `migrate deploy` does: each script as one query (one transaction), recorded
 * in `_prisma_migrations` with its checksum.
 */
export async function migratePostgres(url: string, count = Infinity): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const names = readdirSync(POSTGRES_MIGRATIONS_DIR).filter((n) => /^\d+_/.test(n)).sort().slice(0, count);
    for (const name of names) {
      const sql = readFileSync(path.join(POSTGRES_MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      await client.query(sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), createHash('sha256').update(sql).digest('hex'), name],
      );
    }
  } finally {
    await client.end();
  }
}

/** Runs `sql` on the cluster's administrative connection (CREATE/DROP DATABASE). */
export async function onCluster(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated PostgreSQL database on the cluster of `admin`, dropped again by cleanup(). */
async function freshPostgresDatabase(admin: string): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const name = `wegwijzer_test_${randomUUID().replaceAll('-', '')}`;
  await onCluster(admin, `CREATE DATABASE "${name}"`);
  const url = databaseOn(admin, name);
  await migratePostgres(url);
  process.env.DATABASE_URL = url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  return {
    url,
    cleanup: async () => {
      const { closeStore } = await import('@/lib/store');
      await closeStore();
      await onCluster(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * Makes the test database refuse writes, as a read-only file (SQLite) or a
 * read-only server (PostgreSQL: default_transaction_read_only, with the open
 * connections cut so the pool opens new ones under the setting) would.
 * Returns the undo.
 */
export async function makeReadOnly(): Promise<() => Promise<void>> {
  const admin = testPostgresUrl();
  if (!admin) {
    const { currentConnection } = await import('@/lib/store/sqlite');
    currentConnection().db.exec('PRAGMA query_only = 1');
    return async () => void currentConnection().db.exec('PRAGMA query_only = 0');
  }
  const name = new URL(process.env.DATABASE_URL ?? '').pathname.slice(1);
  const cut = `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`;
  await onCluster(admin, `ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
  await onCluster(admin, cut);
  return async () => {
    await onCluster(admin, `ALTER DATABASE "${name}" RESET default_transaction_read_only`);
    await onCluster(admin, cut);
  };
}
