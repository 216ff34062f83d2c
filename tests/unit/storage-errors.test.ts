import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { errorResponse, serverErrorResponse } from '@/lib/http/api';
import { WriteTimeoutError } from '@/lib/store/sqlite';
import { failureMessage, KEPT, retryAfterSeconds, storageFailure, storageFailureMessage } from '@/lib/storage-errors';

/*
 * The classification of storage failures (lib/storage-errors.ts) against the
 * errors the driver and Prisma really throw, made with real files.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'storage-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('test setup: expected an error');
}

function garbageFile(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.alloc(8192, 0x5a));
  return file;
}

function freshFile(name: string): Database.Database {
  const db = new Database(path.join(dir, name));
  db.exec('CREATE TABLE "t" ("x" INTEGER)');
  return db;
}

describe('storageFailure: driver errors (lib/store/sqlite.ts)', () => {
  it('SQLITE_BUSY when another connection holds the writer lock', () => {
    const a = freshFile('busy.db');
    const b = new Database(path.join(dir, 'busy.db'));
    b.prepare('PRAGMA busy_timeout = 0').get();
    a.exec('BEGIN IMMEDIATE');
    const error = thrown(() => b.exec('BEGIN IMMEDIATE'));
    a.exec('ROLLBACK');
    expect(storageFailure(error)).toEqual({ kind: 'busy', code: 'SQLITE_BUSY' });
  });

  it('SQLITE_READONLY when the connection may not write', () => {
    const db = freshFile('ro.db');
    db.exec('PRAGMA query_only = 1');
    expect(storageFailure(thrown(() => db.exec('INSERT INTO "t" VALUES (1)')))).toEqual({ kind: 'read-only', code: 'SQLITE_READONLY' });
  });

  it('SQLITE_NOTADB for a file of garbage, and a missing directory as cannot-open', () => {
    const db = new Database(garbageFile('garbage.db'));
    expect(storageFailure(thrown(() => db.prepare('SELECT * FROM "sqlite_master"').all()))).toEqual({ kind: 'corrupt', code: 'SQLITE_NOTADB' });
    expect(storageFailure(thrown(() => new Database(path.join(dir, 'missing', 'x.db'))))?.kind).toBe('cannot-open');
  });

  it('our own WriteTimeoutError is busy', () => {
    expect(storageFailure(new WriteTimeoutError())?.kind).toBe('busy');
  });
});

describe('storageFailure: Prisma with the libSQL adapter', () => {
  it('recognises the driver error inside Prisma’s wrappers (model query and raw query)', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${garbageFile('prisma-garbage.db')}` }) });
    try {
      const modelError = await prisma.plan.findFirst().then(() => null, (e: unknown) => e);
      expect(storageFailure(modelError)?.kind).toBe('corrupt');
      const rawError = await prisma.$queryRaw`SELECT 1 FROM "Plan"`.then(() => null, (e: unknown) => e);
      expect(storageFailure(rawError)?.kind).toBe('corrupt');
    } finally {
      await prisma.$disconnect();
    }
  });

  it('reads the shapes the adapter produces: P1008 for busy, extendedCode for the rest', () => {
    expect(storageFailure({ name: 'PrismaClientKnownRequestError', code: 'P1008', message: 'Operation has timed out' })?.kind).toBe('busy');
    const full = { name: 'DriverAdapterError', message: 'sqlite', cause: { kind: 'sqlite', extendedCode: 13, message: 'database or disk is full' } };
    expect(storageFailure(full)).toEqual({ kind: 'full', code: 'SQLITE_FULL' });
    const ioerr = { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '778', originalMessage: 'disk I/O error' } } } };
    expect(storageFailure(ioerr)).toEqual({ kind: 'io-error', code: 'SQLITE_IOERR' });
    expect(storageFailure(new Error('database disk image is malformed'))?.kind).toBe('corrupt');
  });

  it('leaves everything else alone', () => {
    expect(storageFailure(new Error('Cannot read properties of undefined'))).toBeNull();
    expect(storageFailure({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: Plan.id' })).toBeNull();
    expect(storageFailure(null)).toBeNull();
    expect(storageFailure('database is locked')).toBeNull(); // only errors, not strings
    // A cycle of causes ends.
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(storageFailure(a)).toBeNull();
  });
});

describe('answers', () => {
  it('an API route answers 503 with Retry-After and a Dutch message for storage, 500 otherwise', async () => {
    const silence = console.error;
    console.error = () => undefined;
    try {
      const busy = serverErrorResponse('test', new WriteTimeoutError());
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe(String(retryAfterSeconds('busy')));
      expect(await busy.json()).toEqual({ error: storageFailureMessage('busy') });

      const full = serverErrorResponse('test', { message: 'database or disk is full', code: 'SQLITE_FULL' });
      expect(full.status).toBe(503);
      expect(full.headers.get('retry-after')).toBe('60');
      expect((await full.json()).error).toMatch(/vol/);

      const bug = serverErrorResponse('test', new TypeError('x is undefined'));
      expect(bug.status).toBe(500);
      expect(bug.headers.get('retry-after')).toBeNull();
    } finally {
      console.error = silence;
    }
    expect(errorResponse(400, 'x').status).toBe(400);
  });

  it('a form gets the storage message (with what it keeps), or its own fallback', () => {
    expect(failureMessage(new WriteTimeoutError(), 'Er ging iets mis.', KEPT)).toBe(storageFailureMessage('busy') + KEPT);
    expect(failureMessage(new Error('bug'), 'Er ging iets mis.', KEPT)).toBe('Er ging iets mis.');
    for (const kind of ['busy', 'full', 'read-only', 'corrupt', 'cannot-open', 'io-error'] as const) {
      expect(storageFailureMessage(kind)).toMatch(/niet opgeslagen/);
      expect(storageFailureMessage(kind)).not.toMatch(/SQLITE|\//);
    }
  });
});
