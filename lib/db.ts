import 'server-only';
import type { Client, Config, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from './generated/prisma-pg/client';
import { databaseUrl, storeKind } from './env-database';
import { postgresPool } from './store';
import { SYNCHRONOUS } from './store/sqlite';

/**
 * How long a Prisma statement waits for SQLite's writer lock when another
 * process holds it. `npm start` runs one server process per core
 * (scripts/serve.mjs), all on the same file; SQLite's default is not to wait
 * at all, which would turn every overlap of two writes into an error.
 */
export const BUSY_TIMEOUT_MS = 5_000;
const PRAGMAS = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, `PRAGMA synchronous = ${SYNCHRONOUS}`];

/**
 * The libSQL client Prisma's adapter uses, with the busy timeout (and the
 * synchronous mode, see lib/store/sqlite.ts) set on every connection it opens.
 * @libsql/client opens a new connection lazily after each transaction (the
 * old one goes with the transaction), so the pragmas are sent again before
 * the first statement after each `transaction()`.
 *
 * Waiting inside SQLite blocks this process's event loop, which is safe here:
 * the adapter runs one statement or transaction at a time (its own lock), and
 * the driver-level writes (lib/store/sqlite.ts) never hold the lock across an
 * `await`, so the holder is always another process, and it does not need us.
 */
export class BusyWaitingClient implements Client {
  private fresh = true;
  constructor(private readonly inner: Client) {}

  get closed(): boolean {
    return this.inner.closed;
  }
  get protocol(): string {
    return this.inner.protocol;
  }

  private async prepare(): Promise<void> {
    if (!this.fresh) return;
    for (const pragma of PRAGMAS) await this.inner.execute(pragma);
    this.fresh = false;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    await this.prepare();
    return this.inner.execute(stmt);
  }
  async batch(stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    await this.prepare();
    return this.inner.batch(stmts, mode);
  }
  async executeMultiple(sql: string): Promise<void> {
    await this.prepare();
    return this.inner.executeMultiple(sql);
  }
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    // The transaction takes the client's current connection: set the pragmas
    // on it first (synchronous cannot change inside a transaction).
    await this.prepare();
    const tx = await this.inner.transaction(mode);
    this.fresh = true; // the client's next statement opens a new connection
    return tx;
  }
  sync(): Promise<void> {
    return this.inner.sync();
  }
  close(): void {
    this.inner.close();
  }
}

class BusyWaitingLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return new BusyWaitingClient(super.createClient(config));
  }
}

/**
 * The Prisma client for DATABASE_URL. Each store has its own generated client
 * (prisma/schema.prisma → lib/generated/prisma, prisma/postgresql/schema.prisma
 * → lib/generated/prisma-pg): a client refuses the other provider's adapter.
 * Their models are identical (tests/unit/schema-parity.test.ts fails when they
 * differ), so their delegates take and return the same shapes, but TypeScript
 * sees two unrelated class hierarchies. This is the one place where the
 * PostgreSQL client is typed as the SQLite one; everything else imports
 * `db` and never knows which store it is.
 */
export function createPrismaClient(): PrismaClient {
  const url = databaseUrl();
  if (storeKind(url) === 'postgresql') {
    const pool = postgresPool();
    if (!pool) throw new Error('PostgreSQL: geen verbindingspool');
    return new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new BusyWaitingLibSQL({ url }) });
}

// One Prisma client per process. In development, Next reloads modules on every
// change; keeping the client on globalThis stops each reload opening another
// connection.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
