import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/browser';
import { checkDatabase, type DatabaseProbe, type HealthResult } from '@/lib/health';
import { migrateFile, migrationNames } from './support/temp-db';

/*
 * /api/health against real SQLite files in the states issue 11 found it
 * calling healthy: garbage, damaged pages, read-only, no tables, migrations
 * missing or failed, the lock held, the disk full.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'health-'));
let count = 0;
const expected = { tables: Object.values(Prisma.ModelName), migrations: migrationNames() };
const open: Database.Database[] = [];

afterAll(() => {
  for (const db of open) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fully migrated database file (as `migrate deploy` leaves it), with some rows so it spans many pages. */
async function migrated(withRows = false): Promise<string> {
  const file = path.join(dir, `db-${++count}.db`);
  await migrateFile(`file:${file}`);
  if (withRows) {
    const db = new Database(file);
    const insert = db.prepare('INSERT INTO "RateLimitWindow" VALUES (?, ?, ?, ?)');
    db.exec('BEGIN');
    for (let i = 0; i < 3000; i++) insert.run('test', `client-${i}-${'x'.repeat(100)}`, i, 1);
    db.exec('COMMIT');
    db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get();
    db.close();
  }
  return file;
}

function connect(file: string): Database.Database {
  const db = new Database(file);
  db.prepare('PRAGMA busy_timeout = 0').get();
  open.push(db);
  return db;
}

/** A probe on its own connection; the write probe waits for the lock as lib/store/sqlite.ts does (here: inside SQLite). */
function probeOf(file: string, db = connect(file)): DatabaseProbe {
  return {
    file,
    query: (sql) => db.prepare(sql).all(),
    probeWrite: async (timeoutMs) => {
      db.prepare(`PRAGMA busy_timeout = ${timeoutMs}`).get();
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
      } finally {
        db.prepare('PRAGMA busy_timeout = 0').get();
      }
    },
  };
}

const check = (file: string, options = {}): Promise<HealthResult> => checkDatabase(probeOf(file), expected, options);

function expectReason(result: HealthResult, reason: string): void {
  expect(result.httpStatus).toBe(503);
  expect(result.body).toMatchObject({ status: 'unavailable', reason });
  // The reason never carries a path or SQLite's own text.
  expect(JSON.stringify(result.body)).not.toMatch(/\/|SQLITE|sqlite/);
}

describe('checkDatabase', () => {
  it('is 200 for a migrated database', async () => {
    expect(await check(await migrated(true))).toEqual({ httpStatus: 200, body: { status: 'ok', database: 'ok' } });
  });

  it('refuses a file of garbage bytes, a missing file and a truncated copy', async () => {
    const garbage = path.join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 16384 }, (_, i) => (i * 7919) % 251)));
    expectReason(await check(garbage), 'not-a-database');
    expect((await check(garbage)).body).toMatchObject({ database: 'unreachable' });

    expectReason(await checkDatabase({ ...probeOf(garbage), file: path.join(dir, 'nowhere.db') }, expected), 'cannot-open');

    const truncated = await migrated(true);
    truncateSync(truncated, statSync(truncated).size - 100);
    expectReason(await check(truncated), 'corrupt');
  });

  it('refuses a database with damaged pages (quick_check)', async () => {
    const file = await migrated(true);
    // Overwrite pages in the middle of the file (the table's b-tree) with garbage; the header stays intact.
    const fd = openSync(file, 'r+');
    const size = statSync(file).size;
    writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expectReason(await check(file), 'corrupt');
  });

  it('refuses a database it cannot write', async () => {
    const file = await migrated();
    // Tests run as root, for whom chmod 444 changes nothing; query_only makes SQLite refuse writes the same way
    // (SQLITE_READONLY), which is what a read-only file or mount answers.
    const db = connect(file);
    db.exec('PRAGMA query_only = 1');
    expectReason(await checkDatabase(probeOf(file, db), expected), 'read-only');
  });

  it('refuses an empty database and one without all tables', async () => {
    const empty = path.join(dir, 'empty.db');
    writeFileSync(empty, '');
    expectReason(await check(empty), 'tables-missing');

    const partial = path.join(dir, 'partial.db');
    await migrateFile(`file:${partial}`, 1);
    expectReason(await check(partial), 'tables-missing');

    const unmanaged = path.join(dir, 'unmanaged.db');
    await migrateFile(`file:${unmanaged}`);
    connect(unmanaged).exec('DROP TABLE "_prisma_migrations"');
    expectReason(await check(unmanaged), 'migrations-pending');
  });

  it('refuses migrations not applied, failed, or unknown to this version', async () => {
    const last = expected.migrations.at(-1);
    const pending = await migrated();
    connect(pending).prepare('DELETE FROM "_prisma_migrations" WHERE "migration_name" = ?').run(last);
    expectReason(await check(pending), 'migrations-pending');

    const failed = await migrated();
    connect(failed).prepare('UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = ?').run(last);
    expectReason(await check(failed), 'migrations-failed');

    const rolledBack = await migrated();
    connect(rolledBack).prepare('UPDATE "_prisma_migrations" SET "rolled_back_at" = current_timestamp WHERE "migration_name" = ?').run(last);
    expectReason(await check(rolledBack), 'migrations-failed');

    const newer = await migrated();
    connect(newer)
      .prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name") VALUES ('x', 'x', current_timestamp, '29991231000000_future')`)
      .run();
    expectReason(await check(newer), 'migrations-unknown');
  });

  it('refuses when the writer lock stays taken, within its budget', async () => {
    const file = await migrated();
    const holder = connect(file);
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expectReason(await check(file, { lockTimeoutMs: 200 }), 'locked');
    expect(Date.now() - started).toBeLessThan(1500);
    holder.exec('ROLLBACK');
    expect((await check(file)).httpStatus).toBe(200);
  });

  it('refuses when the disk has less free space than a save may need', async () => {
    expectReason(await check(await migrated(), { minFreeBytes: Number.MAX_SAFE_INTEGER }), 'disk-full');
  });
});

describe('GET /api/health (this process’s connection, lib/health-server.ts)', () => {
  let route: typeof import('@/app/api/health/route');
  let server: typeof import('@/lib/health-server');
  let sqlite: typeof import('@/lib/store/sqlite');
  const before = process.env.DATABASE_URL;

  beforeAll(async () => {
    route = await import('@/app/api/health/route');
    server = await import('@/lib/health-server');
    sqlite = await import('@/lib/store/sqlite');
  });
  afterAll(() => {
    sqlite.closeConnection();
    process.env.DATABASE_URL = before;
  });

  async function healthOf(file: string): Promise<Response> {
    sqlite.closeConnection();
    server.resetHealthCache();
    process.env.DATABASE_URL = `file:${file}`;
    return route.GET();
  }

  it('answers 200 with the documented body for a healthy database', async () => {
    const res = await healthOf(await migrated());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 with Retry-After and the reason, and does not create a missing database', async () => {
    const garbage = path.join(dir, 'route-garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x42));
    const res = await healthOf(garbage);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    const body: unknown = await res.json();
    expect(body).toMatchObject({ status: 'unavailable', database: 'unreachable', reason: 'not-a-database' });
    expect(JSON.stringify(body)).not.toContain(dir);

    const missing = path.join(dir, 'never-created.db');
    expect((await healthOf(missing)).status).toBe(503);
    expect(() => statSync(missing)).toThrow();
  });

  it('keeps this process’s locks: another process that writes and exits does not take the WAL away (smoke run regression)', async () => {
    // An earlier version read the header with fs.openSync/closeSync; closing any descriptor of the file drops
    // this process's POSIX locks on it, SQLite's included, and the next process to write and exit deleted the
    // -wal and -shm under the running server, which from then on read a world of its own.
    const file = await migrated();
    expect((await healthOf(file)).status).toBe(200);
    const last = expected.migrations.at(-1) ?? '';
    const writeAndExit = (sql: string) =>
      new Promise<void>((resolve, reject) => {
        const code = `const D = require('libsql'); const db = new D(${JSON.stringify(file)}); db.prepare('PRAGMA busy_timeout = 3000').get(); db.exec(${JSON.stringify(sql)});`;
        const child = spawn(process.execPath, ['-e', code], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
        child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`child exited with ${status}`))));
      });
    await writeAndExit(`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = '${last}'`);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    server.resetHealthCache();
    expect(await (await route.GET()).json()).toMatchObject({ reason: 'migrations-failed' });
    await writeAndExit(`UPDATE "_prisma_migrations" SET "finished_at" = current_timestamp`);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    server.resetHealthCache();
    expect((await route.GET()).status).toBe(200);
  });

  it('shares one check between concurrent requests', async () => {
    const file = await migrated();
    await healthOf(file);
    const answers = await Promise.all(Array.from({ length: 20 }, () => route.GET()));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
  });
});
