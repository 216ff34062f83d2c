import 'server-only';
import type pg from 'pg';
import { databaseUrl, storeKind } from '../env-database';
import { createPool, PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

export type { Row, SqlValue, Step, StepResult, Store } from './types';
export { insertRows, StepExpectationFailed, WriteTimeoutError } from './types';

/*
 * The store of this process, chosen by DATABASE_URL the first time it is
 * needed (lib/env-database.ts: file: is SQLite, postgresql:// PostgreSQL) and
 * kept for the life of the process. Kept on globalThis: Next may evaluate this
 * module once per route bundle, and unit tests point DATABASE_URL at a fresh
 * database per test file, so a changed URL opens the other database.
 */
type Holder = { url: string; store: Store; pool?: pg.Pool };
const holder = globalThis as unknown as { __store?: Holder };

function current(): Holder {
  const url = databaseUrl();
  const held = holder.__store;
  if (held && held.url === url) return held;
  if (held) void held.store.close();
  let created: Holder;
  if (storeKind(url) === 'postgresql') {
    const pool = createPool(url);
    created = { url, store: new PostgresStore(pool), pool };
  } else {
    created = { url, store: new SqliteStore() };
  }
  holder.__store = created;
  return created;
}

export function store(): Store {
  return current().store;
}

/** The PostgreSQL pool of this process, which the Prisma client shares (lib/db.ts); undefined on SQLite. */
export function postgresPool(): pg.Pool | undefined {
  return current().pool;
}

/** Closes the store (scripts and tests); the next call opens it again. */
export async function closeStore(): Promise<void> {
  const held = holder.__store;
  holder.__store = undefined;
  await held?.store.close();
}
