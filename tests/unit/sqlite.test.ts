import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from './support/temp-db';

/*
 * The driver-level writes (lib/store/sqlite.ts) and the Prisma client's busy
 * timeout (lib/db.ts) when ANOTHER PROCESS holds SQLite's writer lock, as
 * another worker of `npm start` (scripts/serve.mjs) does.
 */

let cleanup: () => Promise<void>;
let url: string;
let sqlite: typeof import('@/lib/store/sqlite');
let db: (typeof import('@/lib/db'))['db'];

beforeAll(async () => {
  ({ cleanup, url } = await useTempDatabase());
  sqlite = await import('@/lib/store/sqlite');
  ({ db } = await import('@/lib/db'));
});
afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

/** Another process takes the writer lock, says so, and keeps it for `ms`. Resolves when it holds the lock. */
function holdLock(ms: number): Promise<{ done: Promise<void> }> {
  const file = url.slice('file:'.length);
  const code = `
    const Database = require('libsql');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');`;
  const child = spawn(process.execPath, ['-e', code], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ done }));
    child.once('error', reject);
  });
}

describe('sqlitePath', () => {
  it('turns file: URLs into absolute paths and refuses other databases', () => {
    expect(sqlite.sqlitePath('file:./data/app.db')).toBe(path.resolve('data/app.db'));
    expect(sqlite.sqlitePath('file:/tmp/x.db')).toBe('/tmp/x.db');
    expect(sqlite.sqlitePath('file:///tmp/x.db')).toBe('/tmp/x.db');
    expect(() => sqlite.sqlitePath('postgresql://h/db')).toThrow(/SQLite-bestand/);
  });
});

describe('writeTransaction', () => {
  it('commits all of the work, or on an exception none of it', async () => {
    await sqlite.writeTransaction(() => sqlite.statement('INSERT INTO "RateLimitWindow" VALUES (?, ?, ?, ?)').run('T', 'a', 1, 1));
    await expect(
      sqlite.writeTransaction(() => {
        sqlite.statement('INSERT INTO "RateLimitWindow" VALUES (?, ?, ?, ?)').run('T', 'b', 1, 1);
        throw new Error('afgebroken');
      }),
    ).rejects.toThrow('afgebroken');
    const keys = sqlite.statement('SELECT "key" FROM "RateLimitWindow" WHERE "limiter" = ? ORDER BY "key"').all('T');
    expect(keys).toEqual([{ key: 'a' }]);
  });

  it('waits (without blocking the event loop) while another process holds the lock, then writes', async () => {
    const other = await holdLock(300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await sqlite.writeTransaction(() => sqlite.statement('INSERT INTO "RateLimitWindow" VALUES (?, ?, ?, ?)').run('T', 'c', 1, 1));
    clearInterval(timer);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(ticks).toBeGreaterThan(5); // timers kept running while it waited
    await other.done;
  });

  it('a regional plan save waits the same way, without blocking the event loop (it used to wait inside Prisma)', async () => {
    const regions = await import('@/lib/regions/repository');
    const input = { name: 'Regio slot', startYear: 2026, endYear: 2027, members: [{ name: 'Arnhem', children0to4: 700, children0to18: 3000 }], sharedItems: [], trajectoryItems: [] };
    const created = await regions.createRegion(input);
    if (!created.ok) throw new Error('createRegion refused the test input');
    const auth = await regions.authorizeRegion(created.region.id, created.editSecret);
    if (!auth.ok) throw new Error('authorizeRegion refused the new secret');
    const other = await holdLock(300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const saved = await regions.saveAuthorizedRegion(auth.region, 1, { ...input, name: 'Regio slot 2' });
    clearInterval(timer);
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(ticks).toBeGreaterThan(5);
    expect((await regions.getRegion(created.region.id))?.name).toBe('Regio slot 2');
    await other.done;
  });

  it('gives up with WriteTimeoutError when the lock stays taken', async () => {
    const other = await holdLock(800);
    await expect(sqlite.writeTransaction(() => 1, 200)).rejects.toBeInstanceOf(sqlite.WriteTimeoutError);
    await other.done;
  });
});

describe('probeWrite (the write check of /api/health)', () => {
  it('starts and rolls back a write transaction, interleaved with saves on the same connection without tripping over them', async () => {
    const work = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? sqlite.probeWrite(1000)
        : sqlite.writeTransaction(() => sqlite.statement('INSERT INTO "RateLimitWindow" VALUES (?, ?, ?, ?)').run('probe', `k${i}`, 1, 1)),
    );
    await Promise.all(work);
    expect(sqlite.statement('SELECT count(*) AS "n" FROM "RateLimitWindow" WHERE "limiter" = ?').get('probe')).toEqual({ n: 20 });
  });

  it('fails with WriteTimeoutError while another process keeps the lock', async () => {
    const other = await holdLock(800);
    await expect(sqlite.probeWrite(150)).rejects.toBeInstanceOf(sqlite.WriteTimeoutError);
    await other.done;
  });
});

describe('connection settings', () => {
  it('both the driver and Prisma write with synchronous=NORMAL (1), also after a transaction', async () => {
    expect(sqlite.statement('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    const level = async () => Number(((await db.$queryRawUnsafe('PRAGMA synchronous')) as { synchronous: unknown }[])[0]?.synchronous);
    expect(await level()).toBe(1);
    await db.$transaction(async (tx) => {
      expect(Number(((await tx.$queryRawUnsafe('PRAGMA synchronous')) as { synchronous: unknown }[])[0]?.synchronous)).toBe(1);
    });
    expect(await level()).toBe(1); // on the new connection the client opened after the transaction
  });
});

describe('Prisma client (lib/db.ts)', () => {
  it('waits for another process to release the lock instead of failing with SQLITE_BUSY', async () => {
    // Once outside a transaction, once inside one (Prisma's nested create).
    const other = await holdLock(300);
    await db.$executeRaw`INSERT INTO "RateLimitWindow" VALUES ('P', 'a', 1, 1)`;
    await other.done;
    const again = await holdLock(300);
    await db.$transaction([db.$executeRaw`INSERT INTO "RateLimitWindow" VALUES ('P', 'b', 1, 1)`]);
    await again.done;
    expect(await db.rateLimitWindow.count({ where: { limiter: 'P' } })).toBe(2);
  });
});
