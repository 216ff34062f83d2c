import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from './support/temp-db';

/*
 * `npm run db:backup` and `npm run db:restore` (scripts/db-backup.mjs,
 * scripts/db-restore.mjs) and the start-up check (scripts/db-check.mjs), run
 * as the commands they are, against a real database file that this process
 * keeps saving to, as the app would.
 */

vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});

const ROOT = path.resolve(import.meta.dirname, '../..');
let url: string;
let file: string;
let dir: string;
let cleanup: () => Promise<void>;
let repo: typeof import('@/lib/plans/repository');
let sqlite: typeof import('@/lib/store/sqlite');
let prisma: (typeof import('@/lib/db'))['db'];

beforeAll(async () => {
  // SQLite's backup and restore; PostgreSQL's are in backup-restore-postgres.test.ts.
  ({ url, cleanup } = await useTempDatabase({ store: 'sqlite' }));
  file = url.slice('file:'.length);
  dir = path.dirname(file);
  repo = await import('@/lib/plans/repository');
  sqlite = await import('@/lib/store/sqlite');
  ({ db: prisma } = await import('@/lib/db'));
});
afterAll(async () => {
  sqlite?.closeConnection();
  await prisma?.$disconnect();
  await cleanup?.();
});

type Run = { code: number | null; stdout: string; stderr: string };
function run(script: string, args: string[], databaseUrl = url): Promise<Run> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
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

/** Version of every plan in a database file, read on a connection of its own. */
function versions(dbFile: string): Map<string, number> {
  const db = new Database(dbFile);
  try {
    const rows = db.prepare('SELECT "id", "version" FROM "Plan"').all() as { id: string; version: number }[];
    return new Map(rows.map((r) => [r.id, Number(r.version)]));
  } finally {
    db.close();
  }
}

function integrity(dbFile: string): string {
  const db = new Database(dbFile);
  try {
    return String((db.prepare('PRAGMA integrity_check').get() as { integrity_check: unknown }).integrity_check);
  } finally {
    db.close();
  }
}

const yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));

/** Another process with the database open and read, as a worker of the app has it; resolves once it has. */
function holdOpen(dbFile: string): Promise<{ kill: () => void; exited: Promise<void> }> {
  const code = `const D = require('libsql'); const db = new D(${JSON.stringify(dbFile)}); db.prepare('SELECT count(*) FROM "Plan"').get();
    process.stdout.write('open\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ kill: () => child.kill(), exited }));
    child.once('error', reject);
  });
}

describe('backup and restore', () => {
  const backup = () => path.join(dir, 'backup.db');

  it('a backup taken during concurrent saves holds every save acknowledged before it started; restore brings exactly that back', async () => {
    const plans: { id: string; secret: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const created = await repo.createPlan({ municipality: `Gemeente ${i}`, title: `Plan ${i}`, startYear: 2025, endYear: 2028 });
      if (!created.ok) throw new Error('test setup: plan not created');
      plans.push({ id: created.plan.id, secret: created.editSecret });
    }
    // Saves acknowledged so far, per plan (a save is acknowledged when savePlan answers ok).
    const acked = new Map(plans.map((p) => [p.id, 1]));
    let stop = false;
    const writers = plans.map(async ({ id, secret }) => {
      while (!stop) {
        const version = acked.get(id) ?? 1;
        const saved = await repo.savePlan(id, secret, version, { needs: [{ costCategory: 'interventies', year: 2025, amount: version * 100 }], lines: [] });
        if (!saved.ok) throw new Error(`save refused: ${saved.reason}`);
        acked.set(id, saved.version);
        await yieldToEvents(); // let the child process's events through
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 300));
    const beforeBackup = new Map(acked);
    const result = await run('db-backup.mjs', [backup()]);
    const afterBackup = new Map(acked);
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop = true;
    await Promise.all(writers);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('integrity_check: ok');
    expect(result.stdout).toContain('financieringsplannen / funding plans: 6');
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(afterBackup)).toBeGreaterThan(sum(beforeBackup)); // saves went on while the backup ran

    const saved = versions(backup());
    expect(integrity(backup())).toBe('ok');
    for (const [id, version] of beforeBackup) expect(saved.get(id)).toBeGreaterThanOrEqual(version);

    // Restore refuses while "the app" (this process's connections) has the database open, and changes nothing.
    const live = versions(file);
    const refused = await run('db-restore.mjs', [backup()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop de app.*\n.*stop the app/);
    expect(versions(file)).toEqual(live);

    // A database to restore over: a copy of the live one WITH its -wal and -shm (saves newer than the backup live
    // in that WAL), used by "an app" in another process. (This process cannot be the stopped app: libsql 0.3's
    // close() keeps the file open and locked until the process exits.)
    const target = path.join(dir, 'restored.db');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${target}${suffix}`);
    const app = await holdOpen(target);
    const busy = await run('db-restore.mjs', [backup()], `file:${target}`);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/stop de app/);
    app.kill();
    await app.exited;

    const restored = await run('db-restore.mjs', [backup()], `file:${target}`);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('integrity_check: ok');
    // No stale -wal/-shm beside it, and exactly the backup: nothing of the old WAL was replayed into it.
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(integrity(target)).toBe('ok');
    expect(versions(target)).toEqual(saved);
    // The previous database was kept aside, with its WAL.
    const aside = readdirSync(dir).filter((name) => name.startsWith('restored.db.before-restore-'));
    expect(aside.some((n) => n.endsWith('-wal'))).toBe(true);
    const previous = aside.find((n) => !n.endsWith('-wal') && !n.endsWith('-shm'));
    expect(previous && versions(path.join(dir, previous))).toEqual(live);

    // The app may start on the restored file: the start-up check passes.
    expect((await run('db-check.mjs', [], `file:${target}`)).code).toBe(0);
  });

  it('a backup does not overwrite a file unless --force', async () => {
    const target = path.join(dir, 'twice.db');
    expect((await run('db-backup.mjs', [target])).code).toBe(0);
    const again = await run('db-backup.mjs', [target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al.*--force/);
    const forced = await run('db-backup.mjs', [target, '--force']);
    expect(forced.code).toBe(0);
    expect(integrity(target)).toBe('ok');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a restore refuses a damaged backup and changes nothing', async () => {
    const damaged = path.join(dir, 'damaged.db');
    writeFileSync(damaged, Buffer.alloc(8192, 0x33));
    const other = `file:${path.join(dir, 'other.db')}`;
    const result = await run('db-restore.mjs', [damaged], other);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/integrity_check/);
    expect(existsSync(path.join(dir, 'other.db'))).toBe(false);
  });
});

describe('start-up check (scripts/db-check.mjs, run by scripts/prisma.mjs before migrate deploy)', () => {
  it('refuses a damaged database in Dutch and English, and passes a good or missing one', async () => {
    const damaged = path.join(dir, 'start-damaged.db');
    writeFileSync(damaged, Buffer.alloc(8192, 0x44));
    const refused = await run('db-check.mjs', [], `file:${damaged}`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is beschadigd/);
    expect(refused.stderr).toMatch(/is damaged/);
    expect((await run('db-check.mjs', [], `file:${path.join(dir, 'backup.db')}`)).code).toBe(0);
    expect((await run('db-check.mjs', [], `file:${path.join(dir, 'not-yet.db')}`)).code).toBe(0);
  });
});
