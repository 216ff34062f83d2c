import { randomUUID } from 'node:crypto';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { isPostgresUrl } from '../lib/env-database';

/*
 * The driver adapters the Prisma CLI (migrate, db, studio) uses through
 * prisma.config.ts. Only the CLI: the app's own clients are in lib/db.ts.
 *
 * PostgreSQL: @prisma/adapter-pg 6.19.3 (the newest 6.x) has four bugs that
 * only the CLI meets; each is worked around here, as measured in
 * ../shared/notes/postgresql-with-prisma-6.19.md:
 *  1. migrate reads catalog columns of type `name` (OID 19) and `"char"`
 *     (OID 18), which the adapter cannot map ("Column type 'name' could not be
 *     deserialized", prisma/orm#27403): CatalogClient reports them as text.
 *  2. the shadow database of `migrate dev` is built from the config plus a new
 *     database name, but a `connectionString` overrides that name, so the real
 *     database became the shadow: the config is passed as discrete fields.
 *  3. the shadow database was dropped while its own pool was still open
 *     ("being accessed by other users"): ours closes its pool first.
 *  4. migration scripts were split on every `;` (breaking a `;` in a string)
 *     and run statement by statement, so a failing migration stayed half
 *     applied: each script is sent as ONE simple query, which PostgreSQL runs
 *     as one transaction.
 * `allowExitOnIdle` stops pg's idle timer keeping the CLI alive 10 s longer.
 */

const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19]);

type Field = { dataTypeID: number };
function asText(result: unknown): unknown {
  const fields: unknown = result && typeof result === 'object' && 'fields' in result ? result.fields : undefined;
  if (Array.isArray(fields)) for (const field of fields as Field[]) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return result;
}

/** A pg Client whose results report the catalog types `name` and `"char"` as text (bug 1). */
class CatalogClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); this
  // only rewrites the result's field types, whichever way it is delivered.
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, asText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const returned: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned instanceof Promise) return returned.then(asText) as never;
    return returned as never;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

/** Bug 4: the whole script in one simple query (no parameters: pg's simple protocol allows several statements). */
function wholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

class CliPostgres extends PrismaPg {
  constructor(private readonly clientConfig: pg.ClientConfig) {
    super({ ...clientConfig, Client: CatalogClient, allowExitOnIdle: true, max: 2 });
  }

  override async connect(): Promise<Adapter> {
    return wholeScripts(await super.connect());
  }

  /** Bugs 2 and 3: the shadow database by name, and its pool closed before it is dropped. */
  override async connectToShadowDb(): Promise<Adapter> {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new CliPostgres({ ...this.clientConfig, database }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export function cliAdapter(url: string): PrismaLibSQL | PrismaPg {
  // Discrete fields, not a connectionString (bug 2).
  return isPostgresUrl(url) ? new CliPostgres(parseIntoClientConfig(url)) : new PrismaLibSQL({ url });
}
