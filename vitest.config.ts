import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * With TEST_POSTGRES_URL set (`npm run test:unit:pg`, under
 * scripts/with-postgres.mjs) the database tests run again on PostgreSQL, a
 * fresh database per test file (tests/unit/support/temp-db.ts): every test file
 * that asks for a temporary database, so a new database test runs on both
 * stores without being listed anywhere, and every file that asks for the
 * PostgreSQL server itself (testPostgresUrl: db:copy, PostgreSQL backups),
 * which would otherwise only ever run skipped. Left out are the SQLite-only ones,
 * which test the embedded file itself (pragmas and WAL, the file's health
 * checks, backup and restore of the file); the other tests never touch a store.
 */
const SQLITE_ONLY = new Set(['sqlite.test.ts', 'health.test.ts', 'backup-restore.test.ts']);

function postgresTests(): string[] {
  const dir = path.join(import.meta.dirname, 'tests/unit');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts') && !SQLITE_ONLY.has(name))
    .filter((name) => /useTempDatabase\(|testPostgresUrl\(\)/.test(readFileSync(path.join(dir, name), 'utf8')))
    .map((name) => `tests/unit/${name}`);
}

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run the
      // same modules in plain Node, where the guard has nothing to guard.
      'server-only': path.resolve(import.meta.dirname, 'tests/unit/support/empty.ts'),
    },
  },
  test: {
    include: process.env.TEST_POSTGRES_URL?.trim() ? postgresTests() : ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Tests that write a temporary database take well under a second on a quiet machine, but far longer on a busy
    // 2-core one; a slow machine should not read as a failing test.
    testTimeout: 20_000,
  },
});
