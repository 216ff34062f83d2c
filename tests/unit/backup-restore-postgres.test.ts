import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseOn, migratePostgres, onCluster, testPostgresUrl } from './support/temp-db';

/*
 * `npm run db:backup` and `npm run db:restore` on PostgreSQL (scripts/db-pg.mjs:
 * pg_dump -Fc, pg_restore --clean --single-transaction), run as the commands
 * they are against a database of their own. Needs TEST_POSTGRES_URL (CI sets
 * it); SQLite's backup and restore are in backup-restore.test.ts.
 */

vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const admin = testPostgresUrl();
const name = `wegwijzer_backup_${randomUUID().replaceAll('-', '')}`;
const url = admin ? databaseOn(admin, name) : '';
let dir: string;

type Run = { code: number | null; stdout: string; stderr: string };
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The app's modules on the test database, freshly imported; close() leaves no connection open. */
async function app() {
  process.env.DATABASE_URL = url;
  (globalThis as { prisma?: unknown }).prisma = undefined;
  vi.resetModules();
  const repo = await import('@/lib/plans/repository');
  const { db } = await import('@/lib/db');
  const { closeStore } = await import('@/lib/store');
  return {
    repo,
    db,
    close: async () => {
      await db.$disconnect();
      await closeStore();
    },
  };
}

/** Row counts and checksums of every table (lib/store/copy.ts), on a connection closed afterwards. */
async function sums() {
  const copy = await import('@/lib/store/copy');
  const endpoint = copy.openEndpoint(url);
  try {
    return await copy.checksums(endpoint, await copy.readCatalog(endpoint, copy.modelNames()));
  } finally {
    await endpoint.close();
  }
}

const ids: string[] = [];

beforeAll(async () => {
  if (!admin) return;
  dir = mkdtempSync(path.join(tmpdir(), 'wegwijzer-pg-backup-'));
  await onCluster(admin, `CREATE DATABASE "${name}"`);
  await migratePostgres(url);
  const a = await app();
  for (let i = 0; i < 5; i++) {
    const created = await a.repo.createPlan({ municipality: `Gemeente ${i}`, title: `Plan ${i}`, startYear: 2025, endYear: 2028 });
    if (!created.ok) throw new Error('test setup: plan not created');
    const saved = await a.repo.savePlan(created.plan.id, created.editSecret, 1, {
      needs: [{ costCategory: 'interventies', year: 2026, amount: 1000 * (i + 1) }],
      lines: [{ costCategory: 'interventies', sourceSlug: 'spuk', looptijd: 'tijdelijk', status: 'toegezegd', amounts: [{ year: 2025, amount: 500 + i }] }],
    });
    if (!saved.ok) throw new Error('test setup: plan not saved');
    ids.push(created.plan.id);
  }
  await a.close();
}, 60_000);

afterAll(async () => {
  if (!admin) return;
  await onCluster(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!admin)('backup and restore on PostgreSQL (needs TEST_POSTGRES_URL)', () => {
  it('backs up with pg_dump; restore refuses while the app is connected, then brings back exactly the backup', async () => {
    const backup = path.join(dir, 'app.dump');
    const before = await sums();
    const a = await app();
    const plansBefore = await Promise.all(ids.map((id) => a.repo.getPlan(id)));
    await a.close();

    const made = await run('db-backup.mjs', [backup]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('financieringsplannen / funding plans: 5');
    expect(made.stdout).toContain('versies van plannen / plan revisions: 10');
    expect(made.stdout).toContain(':***@'); // the URL is printed without its password
    expect(made.stdout).not.toContain(`:${new URL(url).password}@`);
    expect(readFileSync(backup).subarray(0, 5).toString()).toBe('PGDMP');
    // Not over an existing file unless --force.
    const again = await run('db-backup.mjs', [backup]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al.*--force/);

    // Changes after the backup: a save, a deleted plan, a new plan.
    const b = await app();
    const first = ids[0] ?? '';
    const auth = await b.repo.createPlan({ municipality: 'Nieuw', title: 'Na de back-up', startYear: 2025, endYear: 2028 });
    expect(auth.ok).toBe(true);
    await b.db.plan.delete({ where: { id: ids[1] ?? '' } });
    await b.db.plan.update({ where: { id: first }, data: { title: 'Gewijzigd' } });
    const changed = await sums();
    expect(changed).not.toEqual(before);

    // The app (this process's pool) is connected: refused, nothing changed.
    await b.repo.getPlan(first);
    const refused = await run('db-restore.mjs', [backup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop de app[\s\S]*stop the app/);
    expect(await sums()).toEqual(changed);
    await b.close();

    const restored = await run('db-restore.mjs', [backup]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('financieringsplannen / funding plans: 5');
    expect(await sums()).toEqual(before);
    const c = await app();
    expect(await Promise.all(ids.map((id) => c.repo.getPlan(id)))).toEqual(plansBefore);
    await c.close();
    // The database as it was before the restore was kept beside the backup.
    const kept = readdirSync(dir).filter((n) => n.startsWith(`${name}.before-restore-`));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, kept[0] ?? '')).subarray(0, 5).toString()).toBe('PGDMP');
  }, 60_000);

  it('restore refuses a file that is not a dump of this app, and a SQLite backup, changing nothing', async () => {
    const before = await sums();
    const junk = path.join(dir, 'junk.dump');
    writeFileSync(junk, Buffer.alloc(4096, 0x33));
    const notADump = await run('db-restore.mjs', [junk]);
    expect(notADump.code).toBe(1);
    expect(notADump.stderr).toMatch(/geen pg_dump-bestand/);
    const sqlite = path.join(dir, 'app.db');
    writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4080)]));
    const wrongStore = await run('db-restore.mjs', [sqlite]);
    expect(wrongStore.code).toBe(1);
    expect(wrongStore.stderr).toMatch(/db:copy/);
    // Another database's dump (not this app's tables).
    const other = `${name}_other`;
    await onCluster(admin ?? '', `CREATE DATABASE "${other}"`);
    try {
      const client = new pg.Client({ connectionString: databaseOn(admin ?? '', other) });
      await client.connect();
      await client.query('CREATE TABLE "Something" ("id" int PRIMARY KEY)');
      await client.end();
      const otherDump = path.join(dir, 'other.dump');
      const made = await run('db-backup.mjs', [otherDump], { DATABASE_URL: databaseOn(admin ?? '', other) });
      expect(made.code).toBe(1);
      expect(made.stderr).toMatch(/geen database van deze app/);
    } finally {
      await onCluster(admin ?? '', `DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`);
    }
    expect(await sums()).toEqual(before);
  }, 60_000);

  it('refuses without pg_dump or with one older than the server, and never passes the password in argv', async () => {
    const missing = await run('db-backup.mjs', [path.join(dir, 'x.dump')], { PG_BINDIR: path.join(dir, 'nowhere') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/pg_dump is niet gevonden[\s\S]*was not found/);

    // Fake tools: version 9 (older than any server we support), then 99 recording their arguments and environment.
    const bin = path.join(dir, 'bin');
    const fake = (version: number) => {
      rmSync(bin, { recursive: true, force: true });
      mkdirSync(bin, { recursive: true });
      for (const tool of ['pg_dump', 'pg_restore']) {
        const file = path.join(bin, tool);
        const script = `#!/bin/sh\nif [ "$1" = --version ]; then echo "${tool} (PostgreSQL) ${version}.0"; exit 0; fi\nprintf '%s\\n' "$@" > "${bin}/${tool}.argv"\nprintf '%s' "$PGPASSWORD" > "${bin}/${tool}.password"\nexit 3\n`;
        writeFileSync(file, script);
        chmodSync(file, 0o755);
      }
    };
    fake(9);
    const old = await run('db-backup.mjs', [path.join(dir, 'x.dump')], { PG_BINDIR: bin });
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/versie 9, de server \d+/);

    fake(99);
    const recorded = await run('db-backup.mjs', [path.join(dir, 'x.dump')], { PG_BINDIR: bin });
    expect(recorded.code).toBe(1);
    expect(recorded.stderr).toMatch(/pg_dump is mislukt/);
    const argv = readFileSync(path.join(bin, 'pg_dump.argv'), 'utf8').split('\n');
    expect(argv).toEqual(expect.arrayContaining(['-Fc', '--no-owner', '--no-privileges']));
    const password = decodeURIComponent(new URL(url).password);
    expect(password).not.toBe('');
    // (The test cluster's password may also be a word of a path, so look for it as a connection setting.)
    expect(argv.filter((a) => a === password || a.includes(`:${password}@`) || /password\s*=/i.test(a))).toEqual([]);
    expect(readFileSync(path.join(bin, 'pg_dump.password'), 'utf8')).toBe(password);
    expect(existsSync(path.join(dir, 'x.dump'))).toBe(false);
  }, 60_000);
});
