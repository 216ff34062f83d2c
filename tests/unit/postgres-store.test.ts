import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/browser';
import { checkPostgres, type Expectations } from '@/lib/health';
import { CONNECT_TIMEOUT_MS, connectionLost, createPool, numberedParameters, PostgresStore } from '@/lib/store/postgres';
import { StepExpectationFailed } from '@/lib/store/types';
import { storageFailure } from '@/lib/storage-errors';
import { databaseOn, makeReadOnly, onCluster, testPostgresUrl, useTempDatabase } from './support/temp-db';

/*
 * The PostgreSQL side of lib/store and of /api/health (issue 12), against a
 * real server: TEST_POSTGRES_URL (scripts/pg-cluster.sh). Without it only the
 * pure parts run; `npm test` always provides one.
 */

describe('numberedParameters', () => {
  it('numbers ? placeholders, leaving quoted identifiers and literals alone', () => {
    expect(numberedParameters('SELECT "a?" FROM "T" WHERE "x" = ? AND "y" = \'?\' AND "z" IN (?, ?)')).toBe(
      'SELECT "a?" FROM "T" WHERE "x" = $1 AND "y" = \'?\' AND "z" IN ($2, $3)',
    );
    expect(numberedParameters('SELECT 1')).toBe('SELECT 1');
  });
});

describe('PostgreSQL errors as storage failures', () => {
  it('reads SQLSTATE codes from pg and from Prisma’s adapter, and socket errors', () => {
    expect(storageFailure({ code: '25006', severity: 'ERROR', message: 'cannot execute INSERT in a read-only transaction' })).toEqual({ kind: 'read-only', code: '25006' });
    expect(storageFailure({ code: '53100', severity: 'ERROR' })).toEqual({ kind: 'full', code: '53100' });
    expect(storageFailure({ code: '40P01', severity: 'ERROR' })).toEqual({ kind: 'busy', code: '40P01' });
    expect(storageFailure({ name: 'DriverAdapterError', cause: { kind: 'postgres', code: '57P01', message: 'terminating connection' } })).toEqual({
      kind: 'cannot-open',
      code: '57P01',
    });
    expect(storageFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toEqual({ kind: 'cannot-open', code: 'ECONNREFUSED' });
  });

  it('does not take an all-digit SQLSTATE for a SQLite code, nor a constraint error for storage', () => {
    // 23505 & 0xff would be read as a SQLite result code if the PostgreSQL check did not come first.
    expect(storageFailure({ code: '23505', severity: 'ERROR', message: 'duplicate key value violates unique constraint' })).toBeNull();
    expect(storageFailure({ code: '22P02', severity: 'ERROR' })).toBeNull();
  });
});

const admin = testPostgresUrl();

describe('a database that does not answer', () => {
  it('fails within the connect timeout, as a store that cannot be opened, without retrying; health says so', async () => {
    // Accepts TCP connections and never says a word, as a host behind a
    // fail-over or a dropped network may: without a bound pg waits forever.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const store = new PostgresStore(createPool(`postgresql://nobody:x@127.0.0.1:${port}/none`, 2, { connectTimeoutMs: 300 }));
    try {
      const started = Date.now();
      const error: unknown = await store.all('SELECT 1').catch((e: unknown) => e);
      const took = Date.now() - started;
      expect(storageFailure(error)).toMatchObject({ kind: 'cannot-open' });
      expect(connectionLost(error)).toBe(false);
      // One attempt of 300 ms, not one per pooled connection (three retries would take 1.2 s).
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(1_000);
      const health = await checkPostgres({ query: (sql) => store.all(sql), probeWrite: (ms) => store.probeWrite(ms) }, { tables: [], migrations: [] });
      expect(health).toMatchObject({ httpStatus: 503, body: { reason: 'cannot-open' } });
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('by default waits CONNECT_TIMEOUT_MS for a connection and keeps idle connections alive', () => {
    const { options } = createPool('postgresql://nobody:x@127.0.0.1:1/none');
    expect(options).toMatchObject({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: 30_000 });
  });
});

describe.skipIf(!admin)('PostgresStore on a real server', () => {
  let cleanup: (() => Promise<void>) | undefined;
  let store: PostgresStore;
  let db: typeof import('@/lib/db').db;

  beforeAll(async () => {
    ({ cleanup } = await useTempDatabase());
    const { store: current } = await import('@/lib/store');
    const s = current();
    if (!(s instanceof PostgresStore)) throw new Error('expected the PostgreSQL store');
    store = s;
    ({ db } = await import('@/lib/db'));
  });
  afterAll(async () => {
    await db?.$disconnect();
    await cleanup?.();
  });

  const plan = (id: string) => ({
    id,
    municipality: 'Testdorp',
    title: 'Plan',
    startYear: 2027,
    endYear: 2030,
    editSecretHash: 'h',
  });

  it('writes a batch all or nothing: a failed guard leaves no trace', async () => {
    const id = randomUUID();
    await db.plan.create({ data: plan(id) });
    await expect(
      store.batch([
        { sql: 'UPDATE "Plan" SET "title" = ? WHERE "id" = ?', params: ['Gewijzigd', id] },
        { sql: 'UPDATE "Plan" SET "title" = ? WHERE "id" = ? AND "version" = ?', params: ['Nog eens', id, 99], expect: 'one-row' },
      ]),
    ).rejects.toBeInstanceOf(StepExpectationFailed);
    expect((await db.plan.findUnique({ where: { id } }))?.title).toBe('Plan');
  });

  it('sends dates as Prisma stores them and returns integers as numbers', async () => {
    const id = randomUUID();
    await db.plan.create({ data: plan(id) });
    const when = new Date('2027-03-04T05:06:07.089Z');
    await store.batch([{ sql: 'UPDATE "Plan" SET "updatedAt" = ? WHERE "id" = ?', params: [when, id] }]);
    expect((await db.plan.findUnique({ where: { id } }))?.updatedAt.toISOString()).toBe(when.toISOString());
    const row = await store.get('SELECT "version", COUNT(*) OVER () AS "n", "updatedAt" FROM "Plan" WHERE "id" = ?', [id]);
    expect(row).toEqual({ version: 1, n: 1, updatedAt: when.toISOString() });
  });

  it('classifies a duplicate key as a unique violation', async () => {
    const id = randomUUID();
    await db.plan.create({ data: plan(id) });
    const insert = { sql: 'INSERT INTO "PlanRevision" ("planId", "version", "snapshot", "createdAt") VALUES (?, ?, ?, ?)', params: [id, 1, '{}', new Date()] };
    await store.batch([insert]);
    const error: unknown = await store.batch([insert]).catch((e: unknown) => e);
    expect(store.isUniqueViolation(error)).toBe(true);
  });

  it('keeps no lost update among concurrent guarded writers on one row', async () => {
    const id = randomUUID();
    await db.plan.create({ data: plan(id) });
    // 20 writers, each reading the version and writing version + 1 under the guard, retrying on conflict.
    const writer = async (i: number) => {
      for (;;) {
        const row = await store.get('SELECT "version", "title" FROM "Plan" WHERE "id" = ?', [id]);
        const version = Number(row?.version);
        try {
          await store.batch([
            { sql: 'UPDATE "Plan" SET "version" = ?, "title" = "title" || ? WHERE "id" = ? AND "version" = ?', params: [version + 1, `,${i}`, id, version], expect: 'one-row' },
          ]);
          return;
        } catch (error) {
          if (!(error instanceof StepExpectationFailed)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    const final = await db.plan.findUnique({ where: { id } });
    expect(final?.version).toBe(21);
    expect(final?.title.split(',').slice(1).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('replaces connections the server ended (a restart, a fail-over) instead of failing the next reads, saves and probes', async () => {
    // A pool of three, all three connections open and idle; then the server
    // ends each of them (pg_terminate_backend signals them and answers at once) and
    // the store is used at once, before this process has read the sockets'
    // end: each statement meets a dead connection first. Five rounds, so that
    // the race the retry exists for is met, not left to chance.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const own = new PostgresStore(createPool(process.env.DATABASE_URL ?? '', 3));
    const killer = new pg.Client({ connectionString: admin });
    await killer.connect();
    try {
      const id = randomUUID();
      await db.plan.create({ data: plan(id) });
      for (let round = 0; round < 5; round++) {
        const pids = await Promise.all([0, 1, 2].map(async () => Number((await own.get('SELECT pg_backend_pid() AS "pid", pg_sleep(0.05)'))?.pid)));
        expect(new Set(pids).size).toBe(3);
        await killer.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
        const [read, saved] = await Promise.all([
          own.all('SELECT "title" FROM "Plan" WHERE "id" = ?', [id]),
          own.batch([{ sql: 'UPDATE "Plan" SET "version" = "version" + 1 WHERE "id" = ?', params: [id], expect: 'one-row' }]),
          own.probeWrite(5_000),
        ]);
        expect(read).toEqual([{ title: 'Plan' }]);
        expect(saved[0]?.changes).toBe(1);
      }
      expect((await db.plan.findUnique({ where: { id } }))?.version).toBe(6);
    } finally {
      await killer.end();
      await own.close();
      quiet.mockRestore();
    }
  });

  describe('/api/health’s checks', () => {
    const migrations = readdirSync(path.resolve(import.meta.dirname, '../../prisma/postgresql/migrations')).filter((n) => /^\d+_/.test(n)).sort();
    const expected: Expectations = { tables: Object.values(Prisma.ModelName), migrations };
    const probe = () => ({ query: (sql: string) => store.all(sql), probeWrite: (ms: number) => store.probeWrite(ms) });

    it('a migrated, writable database is healthy', async () => {
      expect(await checkPostgres(probe(), expected)).toMatchObject({ httpStatus: 200 });
    });

    it('names a migration the app does not know, and one it misses', async () => {
      expect(await checkPostgres(probe(), { ...expected, migrations: [] })).toMatchObject({ body: { reason: 'migrations-unknown' } });
      expect(await checkPostgres(probe(), { ...expected, migrations: [...migrations, '29990101000000_later'] })).toMatchObject({
        body: { reason: 'migrations-pending' },
      });
    });

    it('a read-only server is not healthy, and is again once writable', async () => {
      // Cutting the connections makes the pool log each one it loses.
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const undo = await makeReadOnly();
      try {
        expect(await checkPostgres(probe(), expected)).toMatchObject({ httpStatus: 503, body: { reason: 'read-only' } });
      } finally {
        await undo();
      }
      expect(await checkPostgres(probe(), expected)).toMatchObject({ httpStatus: 200 });
      quiet.mockRestore();
    });

    it('an empty database misses its tables; an unreachable server cannot be opened', async () => {
      const name = `wegwijzer_empty_${randomUUID().replaceAll('-', '')}`;
      await onCluster(admin ?? '', `CREATE DATABASE "${name}"`);
      const empty = new PostgresStore(createPool(databaseOn(admin ?? '', name), 1));
      try {
        const emptyProbe = { query: (sql: string) => empty.all(sql), probeWrite: (ms: number) => empty.probeWrite(ms) };
        expect(await checkPostgres(emptyProbe, expected)).toMatchObject({ body: { reason: 'tables-missing' } });
      } finally {
        await empty.close();
        await onCluster(admin ?? '', `DROP DATABASE "${name}" WITH (FORCE)`);
      }
      const nowhere = new PostgresStore(createPool('postgresql://nobody:x@127.0.0.1:1/none', 1));
      try {
        const far = { query: (sql: string) => nowhere.all(sql), probeWrite: (ms: number) => nowhere.probeWrite(ms) };
        expect(await checkPostgres(far, expected)).toMatchObject({ httpStatus: 503, body: { reason: 'cannot-open', database: 'unreachable' } });
      } finally {
        await nowhere.close();
      }
    });
  });
});

describe('insertRows', () => {
  it('writes one multi-row INSERT per 500 rows, parameters in row order', async () => {
    const { insertRows } = await import('@/lib/store/types');
    const steps = insertRows('PlanNeed', ['planId', 'year'], Array.from({ length: 1001 }, (_, i) => ['p', i]));
    expect(steps.map((s) => s.params?.length)).toEqual([1000, 1000, 2]);
    expect(steps[2]?.sql).toBe('INSERT INTO "PlanNeed" ("planId", "year") VALUES (?, ?)');
    expect(steps[0]?.params?.slice(0, 4)).toEqual(['p', 0, 'p', 1]);
    expect(insertRows('PlanNeed', ['planId'], [])).toEqual([]);
  });
});
