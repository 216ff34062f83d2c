import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { type StoreKind, sqlitePath, storeKind } from '../env-database';
import { createPool } from './postgres';
import { Prisma as SqlitePrisma, PrismaClient as SqliteClient } from '../generated/prisma/client';
import { Prisma as PostgresPrisma, PrismaClient as PostgresClient } from '../generated/prisma-pg/client';

/*
 * `npm run db:copy -- --from <url> --to <url> [--replace]` (scripts/db-copy.ts):
 * copies every table of the schema between two stores (SQLite ↔ PostgreSQL,
 * or the same kind), then verifies row counts and checksums per table.
 *
 * - The tables are the Prisma models (Prisma.ModelName of the generated
 *   clients, so a new model is copied without touching this file); primary
 *   keys, columns and foreign keys come from each database's own catalogue,
 *   and tables are written parents first (foreign keys), emptied children first.
 * - Rows go through the two generated Prisma clients, so each store gets its
 *   values exactly as the app writes and reads them (DateTime: milliseconds,
 *   UTC, on both; BigInt as bigint).
 * - The source is read in ONE read transaction (a consistent snapshot; on
 *   PostgreSQL REPEATABLE READ) and never written. The target is written in
 *   ONE transaction: a failure leaves it as it was.
 * - The source must be fully migrated; the target's pending migrations are
 *   applied first (`node scripts/prisma.mjs migrate deploy` with its URL).
 * - A target with rows in any table is refused, unless `replace`: then it is
 *   emptied in the same transaction that fills it.
 * - Verification, after the commit: per table the row count and a sha256 over
 *   the rows in primary-key order (see tableChecksum), on source and target.
 *
 * Rows are never printed (the secret hashes are in them); URLs are printed
 * without their password (redactUrl).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The models of the schema. Both generated clients must agree (tests/unit/schema-parity, and here at run time). */
export function modelNames(): string[] {
  const sqlite = Object.values(SqlitePrisma.ModelName) as string[];
  const postgres = Object.values(PostgresPrisma.ModelName) as string[];
  if (sqlite.join() !== postgres.join()) {
    throw new CopyRefused(
      'De twee Prisma-clients hebben verschillende modellen; voer `npm run db -- generate` uit. / The two generated clients have different models; run `npm run db -- generate`.',
    );
  }
  return sqlite;
}

/** A refusal with a message for the user (nothing was written to the target). */
export class CopyRefused extends Error {}

/** The URL without its password (and without query parameters, which may hold one). */
export function redactUrl(url: string): string {
  if (storeKind(url) === 'sqlite') return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgresql://…';
  }
}

// ---------------------------------------------------------------------------
// The two clients behind one typed boundary
// ---------------------------------------------------------------------------

type Value = unknown;
type Data = Record<string, Value>;

/** The parts of a model delegate this module uses; the same on both generated clients. */
type Delegate = {
  findMany(args: { where?: object; orderBy?: object[]; take?: number }): Promise<Data[]>;
  createMany(args: { data: Data[] }): Promise<{ count: number }>;
  deleteMany(args?: object): Promise<{ count: number }>;
  count(): Promise<number>;
};
type Tx = {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
};
type TxOptions = { maxWait?: number; timeout?: number; isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable' };
type Client = Tx & {
  $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
  $disconnect(): Promise<void>;
};

export type Endpoint = { url: string; kind: StoreKind; client: Client; close: () => Promise<void> };

/**
 * A Prisma client for `url`, with its store's own generated client and
 * adapter. The one place where the two clients' unrelated types meet (Client).
 */
export function openEndpoint(url: string): Endpoint {
  const kind = storeKind(url);
  if (kind === 'sqlite') {
    const client = new SqliteClient({ adapter: new PrismaLibSQL({ url }) }) as unknown as Client;
    return { url, kind, client, close: () => client.$disconnect() };
  }
  const pool = createPool(url, 3);
  const client = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Client;
  return {
    url,
    kind,
    client,
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}

const delegate = (tx: Tx, model: string): Delegate => {
  const name = model.charAt(0).toLowerCase() + model.slice(1);
  const found = (tx as unknown as Record<string, Delegate | undefined>)[name];
  if (!found) throw new Error(`Prisma-client zonder model ${model}`);
  return found;
};

/** Long enough for a large database on a slow disk; the copy is one transaction on each side. */
const LONG_TRANSACTION: TxOptions = { maxWait: 60_000, timeout: 60 * 60_000 };
const snapshotOptions = (kind: StoreKind): TxOptions => ({ ...LONG_TRANSACTION, isolationLevel: kind === 'postgresql' ? 'RepeatableRead' : 'Serializable' });

// ---------------------------------------------------------------------------
// The catalogue: SQL per store, in this one place
// ---------------------------------------------------------------------------

export type Table = { name: string; primaryKey: string[]; columns: string[]; references: string[] };

const CATALOG: Record<StoreKind, { columns: string; references: string; tableExists: string }> = {
  sqlite: {
    columns: 'SELECT "name", "pk" FROM pragma_table_info(?) ORDER BY "cid"',
    references: 'SELECT DISTINCT "table" AS "ref" FROM pragma_foreign_key_list(?)',
    tableExists: `SELECT count(*) AS "n" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = ?`,
  },
  // adapter-pg cannot read the catalogue's `name` type (prisma/orm#27403): every name is cast to text. The
  // key's position comes from WITH ORDINALITY (1-based): an int2vector cast to an array is indexed from 0.
  postgresql: {
    columns: `SELECT a."attname"::text AS "name", coalesce((SELECT k."n"::int FROM unnest(i."indkey"::int2[]) WITH ORDINALITY AS k("att", "n") WHERE k."att" = a."attnum"), 0) AS "pk"
      FROM pg_attribute a LEFT JOIN pg_index i ON i."indrelid" = a."attrelid" AND i."indisprimary"
      WHERE a."attrelid" = to_regclass(quote_ident($1)) AND a."attnum" > 0 AND NOT a."attisdropped" ORDER BY a."attnum"`,
    references: `SELECT DISTINCT c."confrelid"::regclass::text AS "ref" FROM pg_constraint c
      WHERE c."conrelid" = to_regclass(quote_ident($1)) AND c."contype" = 'f'`,
    tableExists: 'SELECT count(*)::int AS "n" FROM pg_class WHERE "oid" = to_regclass(quote_ident($1))',
  },
};

async function tableExists(tx: Tx, kind: StoreKind, name: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ n: unknown }[]>(CATALOG[kind].tableExists, name);
  return Number(rows[0]?.n ?? 0) > 0;
}

/** The model tables as this database has them, parents before children. */
export async function readCatalog(endpoint: Endpoint, models: readonly string[]): Promise<Table[]> {
  const { client: tx, kind } = endpoint;
  const tables: Table[] = [];
  for (const name of models) {
    const columns = await tx.$queryRawUnsafe<{ name: string; pk: unknown }[]>(CATALOG[kind].columns, name);
    if (columns.length === 0) throw new CopyRefused(`Tabel ${name} ontbreekt in ${redactUrl(endpoint.url)} / table ${name} is missing.`);
    const primaryKey = columns
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => c.name);
    if (primaryKey.length === 0) throw new CopyRefused(`Tabel ${name} heeft geen primaire sleutel / table ${name} has no primary key.`);
    const refs = await tx.$queryRawUnsafe<{ ref: string }[]>(CATALOG[kind].references, name);
    const references = refs.map((r) => r.ref.replace(/^"|"$/g, '')).filter((r) => r !== name);
    tables.push({ name, primaryKey, columns: columns.map((c) => c.name), references });
  }
  return parentsFirst(tables);
}

/** Topological order by foreign key (Kahn), ties in model order; a cycle is refused. */
export function parentsFirst(tables: readonly Table[]): Table[] {
  const names = new Set(tables.map((t) => t.name));
  const done = new Set<string>();
  const ordered: Table[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !done.has(t.name) && t.references.every((r) => done.has(r) || !names.has(r)));
    if (!next) throw new CopyRefused('De tabellen verwijzen in een kring naar elkaar / the tables reference each other in a cycle.');
    done.add(next.name);
    ordered.push(next);
  }
  return ordered;
}

// ---------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------

export const migrationsFolder = (kind: StoreKind): string =>
  kind === 'postgresql' ? path.join(ROOT, 'prisma', 'postgresql', 'migrations') : path.join(ROOT, 'prisma', 'migrations');

export type MigrationState = { pending: string[]; unknown: string[]; failed: string[] };

export async function migrationState(endpoint: Endpoint): Promise<MigrationState> {
  const expected = readdirSync(migrationsFolder(endpoint.kind))
    .filter((n) => /^\d+_/.test(n))
    .sort();
  if (!(await tableExists(endpoint.client, endpoint.kind, '_prisma_migrations'))) return { pending: expected, unknown: [], failed: [] };
  const rows = await endpoint.client.$queryRawUnsafe<{ name: string; finished: unknown; rolledBack: unknown }[]>(
    'SELECT "migration_name" AS "name", "finished_at" AS "finished", "rolled_back_at" AS "rolledBack" FROM "_prisma_migrations"',
  );
  const applied = new Set(rows.filter((r) => r.finished !== null && r.rolledBack === null).map((r) => r.name));
  const failed = rows.filter((r) => r.finished === null && r.rolledBack === null).map((r) => r.name);
  return {
    pending: expected.filter((n) => !applied.has(n)),
    unknown: [...applied].filter((n) => !expected.includes(n)).sort(),
    failed,
  };
}

/** `migrate deploy` on `url`, as `npm run db -- migrate deploy` runs it (the CLI's output goes to stderr). */
export function deployMigrations(url: string): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'prisma.mjs'), 'migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    throw new CopyRefused(`migrate deploy op het doel is mislukt (code ${result.status}) / migrate deploy on the target failed; er is niets gekopieerd / nothing was copied.`);
  }
}

const deployHint = (url: string) => `DATABASE_URL='${redactUrl(url)}' npm run db -- migrate deploy`;

// ---------------------------------------------------------------------------
// Checksums
// ---------------------------------------------------------------------------

/** A value as the checksum sees it, the same whichever store it came from. */
export function canonicalValue(value: Value): Value {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return null;
  return value;
}

/** A row as canonical JSON: columns in name order, values canonical. */
export function canonicalRow(row: Data, columns: readonly string[]): string {
  return JSON.stringify(columns.map((c) => [c, canonicalValue(row[c])]));
}

export type TableSum = { table: string; rows: number; sha256: string };

/** Reads a table in primary-key order (the database's own), `batchSize` rows at a time. */
async function* batches(tx: Tx, table: Table, batchSize: number): AsyncGenerator<Data[]> {
  const orderBy = table.primaryKey.map((c) => ({ [c]: 'asc' }));
  let after: Data | null = null;
  for (;;) {
    const rows: Data[] = await delegate(tx, table.name).findMany({ where: after ? keysetAfter(table.primaryKey, after) : undefined, orderBy, take: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1] ?? null;
  }
}

/** Rows whose key (k1, k2, …) comes after `row`'s: (k1 > a) OR (k1 = a AND k2 > b) OR … */
function keysetAfter(keys: readonly string[], row: Data): object {
  return {
    OR: keys.map((key, i) => ({
      ...Object.fromEntries(keys.slice(0, i).map((k) => [k, row[k]])),
      [key]: { gt: row[key] },
    })),
  };
}

/**
 * sha256 over every row of `table`, in primary-key order. The order is the
 * code-unit order of the canonical JSON of the key, computed here: SQLite and
 * PostgreSQL sort text by different collations. Each row's canonical JSON is
 * hashed on its own; the table's sum is the sha256 of those hashes in key
 * order (so only a hash per row is held, not the rows).
 */
export async function tableChecksum(tx: Tx, table: Table, columns: readonly string[], batchSize = 500): Promise<TableSum> {
  const hashes: [string, string][] = [];
  for await (const rows of batches(tx, table, batchSize)) {
    for (const row of rows) {
      const key = JSON.stringify(table.primaryKey.map((c) => canonicalValue(row[c])));
      hashes.push([key, createHash('sha256').update(canonicalRow(row, columns)).digest('hex')]);
    }
  }
  hashes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sum = createHash('sha256');
  for (const [, hash] of hashes) sum.update(hash);
  return { table: table.name, rows: hashes.length, sha256: sum.digest('hex') };
}

/** Checksums of every table, read in one snapshot. */
export async function checksums(endpoint: Endpoint, tables: readonly Table[], batchSize = 500): Promise<TableSum[]> {
  return endpoint.client.$transaction(async (tx) => {
    const sums: TableSum[] = [];
    for (const table of tables) sums.push(await tableChecksum(tx, table, sortedColumns(table), batchSize));
    return sums;
  }, snapshotOptions(endpoint.kind));
}

const sortedColumns = (table: Table): string[] => [...table.columns].sort();

// ---------------------------------------------------------------------------
// The copy
// ---------------------------------------------------------------------------

export type CopyOptions = {
  from: string;
  to: string;
  /** Empty a non-empty target first (in the same transaction). */
  replace?: boolean;
  batchSize?: number;
  /** Applies the target's pending migrations; default: `migrate deploy` through scripts/prisma.mjs. */
  migrate?: (url: string) => void | Promise<void>;
  log?: (line: string) => void;
};

export type TableReport = { table: string; source: TableSum; target: TableSum; same: boolean };
export type CopyReport = { ok: boolean; tables: TableReport[]; copied: number; replaced: boolean; migrated: string[] };

/** Same database? Compared by file path (SQLite) or host, port and database (PostgreSQL). */
export function sameDatabase(a: string, b: string): boolean {
  const where = (url: string) => {
    if (storeKind(url) === 'sqlite') return `file:${sqlitePath(url)}`;
    const c = parseIntoClientConfig(url);
    return `pg:${c.host ?? ''}:${c.port ?? 5432}:${c.database ?? ''}`;
  };
  return where(a) === where(b);
}

export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const log = options.log ?? (() => undefined);
  const batchSize = options.batchSize ?? 500;
  const migrate = options.migrate ?? deployMigrations;
  const { from, to } = options;
  storeKind(from);
  storeKind(to);
  if (sameDatabase(from, to)) throw new CopyRefused('--from en --to zijn dezelfde database / --from and --to are the same database.');
  const models = modelNames();

  const source = openEndpoint(from);
  let target = openEndpoint(to);
  try {
    // The source: fully migrated, never changed here.
    const sourceState = await migrationState(source);
    if (sourceState.failed.length > 0 || sourceState.pending.length > 0) {
      throw new CopyRefused(
        `De bron is niet volledig gemigreerd (${[...sourceState.failed, ...sourceState.pending].join(', ')}); voer eerst uit / the source is not fully migrated; first run:\n  ${deployHint(from)}`,
      );
    }
    if (sourceState.unknown.length > 0) {
      throw new CopyRefused(`De bron heeft migraties die deze versie van de app niet kent / the source has migrations this version does not know: ${sourceState.unknown.join(', ')}`);
    }

    // The target: its pending migrations applied first; unknown or failed ones refused.
    let targetState = await migrationState(target);
    if (targetState.failed.length > 0) {
      throw new CopyRefused(`Op het doel is een migratie mislukt / a migration failed on the target: ${targetState.failed.join(', ')}. Herstel dat eerst (npm run db -- migrate status).`);
    }
    if (targetState.unknown.length > 0) {
      throw new CopyRefused(`Het doel heeft migraties die deze versie van de app niet kent / the target has migrations this version does not know: ${targetState.unknown.join(', ')}`);
    }
    const migrated = targetState.pending;
    if (migrated.length > 0) {
      log(`Migraties toepassen op het doel / applying migrations to the target: ${migrated.length}`);
      // A fresh connection afterwards: the CLI may have created the file or the tables under an open client.
      await target.close();
      await migrate(to);
      target = openEndpoint(to);
      targetState = await migrationState(target);
      if (targetState.pending.length > 0 || targetState.failed.length > 0) {
        throw new CopyRefused(`Het doel is na migrate deploy nog niet bij / the target is still not migrated; run:\n  ${deployHint(to)}`);
      }
    }

    const tables = await readCatalog(source, models);
    const targetTables = new Map((await readCatalog(target, models)).map((t) => [t.name, t]));
    for (const table of tables) {
      const other = targetTables.get(table.name);
      if (!other || sortedColumns(other).join() !== sortedColumns(table).join() || other.primaryKey.join() !== table.primaryKey.join()) {
        throw new CopyRefused(`Tabel ${table.name} heeft op bron en doel andere kolommen / has different columns on source and target; zijn beide volledig gemigreerd?`);
      }
    }

    // Copy: one read snapshot of the source, one write transaction on the target.
    let copied = 0;
    let replaced = false;
    await target.client.$transaction(async (write) => {
      const nonEmpty: string[] = [];
      for (const table of tables) {
        const n = await delegate(write, table.name).count();
        if (n > 0) nonEmpty.push(`${table.name} (${n})`);
      }
      if (nonEmpty.length > 0) {
        if (!options.replace) {
          throw new CopyRefused(
            `Het doel is niet leeg / the target is not empty: ${nonEmpty.join(', ')}.\n` +
              'Gebruik --replace om het eerst te legen (alles wat erin staat gaat verloren) / use --replace to empty it first (everything in it is lost).',
          );
        }
        for (const table of [...tables].reverse()) await delegate(write, table.name).deleteMany({});
        replaced = true;
        log(`Doel geleegd / target emptied: ${nonEmpty.join(', ')}`);
      }
      await source.client.$transaction(async (read) => {
        for (const table of tables) {
          let n = 0;
          for await (const rows of batches(read, table, batchSize)) {
            const data = rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, row[c]])));
            n += (await delegate(write, table.name).createMany({ data })).count;
          }
          copied += n;
          log(`  ${table.name}: ${n}`);
        }
      }, snapshotOptions(source.kind));
    }, LONG_TRANSACTION);

    // Verify, after the commit, on both sides.
    const [before, after] = [await checksums(source, tables, batchSize), await checksums(target, tables, batchSize)];
    const reports = before.map((s, i) => {
      const t = after[i] as TableSum;
      return { table: s.table, source: s, target: t, same: s.rows === t.rows && s.sha256 === t.sha256 };
    });
    return { ok: reports.every((r) => r.same), tables: reports, copied, replaced, migrated };
  } finally {
    await source.close();
    await target.close();
  }
}

/** The verification as a table for the console (checksums shortened to 16 hex digits). */
export function formatReport(tables: readonly TableReport[]): string {
  const head = ['tabel / table', 'bron / source', 'doel / target', 'sha256 bron / source', 'sha256 doel / target', ''];
  const body = tables.map((r) => [r.table, String(r.source.rows), String(r.target.rows), r.source.sha256.slice(0, 16), r.target.sha256.slice(0, 16), r.same ? 'ok' : 'VERSCHIL / DIFFERENT']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
