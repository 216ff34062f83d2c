import 'server-only';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Prisma } from './generated/prisma/browser';
import { checkDatabase, checkPostgres, type Expectations, type HealthResult, headerProblem, reasonOf, unhealthy } from './health';
import { databaseUrl, storeKind } from './env-database';
import { store } from './store';
import { currentConnection, probeWrite, sqlitePath } from './store/sqlite';

/**
 * /api/health for this process's database (lib/health.ts has the checks).
 *
 * Cheap enough to poll, not free: the write probe takes the writer lock for a
 * moment and quick_check reads every page. So:
 *   - concurrent requests share one check, and its answer is reused for
 *     RESULT_TTL_MS (a monitor polling every few seconds sees the truth at
 *     most a second late; a flood of requests costs one check per second per
 *     worker, which `npm run bench:api` relies on: its writers drain on this
 *     route);
 *   - a passed quick_check is trusted for INTEGRITY_TTL_MS for the same file
 *     (same inode: a restored or replaced file is checked again at once);
 *     a failed one is never remembered, so a repaired database is healthy on
 *     the next request.
 */
export const RESULT_TTL_MS = 1_000;
export const INTEGRITY_TTL_MS = 60_000;

const state = globalThis as unknown as {
  __health?: { at: number; result: HealthResult; url: string };
  __healthInFlight?: Promise<HealthResult>;
  __integrityOk?: { key: string; at: number };
  __migrations?: readonly string[];
};

/**
 * The migration folders this build ships for the store in use (prisma/migrations
 * or prisma/postgresql/migrations, next to the app as `npm start` runs it).
 */
function expectedMigrations(postgres: boolean): readonly string[] {
  state.__migrations ??= readdirSync(path.join(process.cwd(), 'prisma', ...(postgres ? ['postgresql'] : []), 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+_/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return state.__migrations;
}

function expectations(postgres = false): Expectations {
  return { tables: Object.values(Prisma.ModelName), migrations: expectedMigrations(postgres) };
}

async function runCheck(): Promise<HealthResult> {
  let postgres: boolean;
  try {
    postgres = storeKind(databaseUrl()) === 'postgresql';
  } catch {
    return unhealthy('cannot-open');
  }
  if (postgres) {
    const db = store();
    return checkPostgres({ query: (sql) => db.all(sql), probeWrite: (ms) => db.probeWrite(ms) }, expectations(true));
  }
  let file: string;
  try {
    file = sqlitePath(databaseUrl());
  } catch {
    return unhealthy('cannot-open');
  }
  // Before opening: the driver would create a missing file (an empty database).
  const header = headerProblem(file);
  if (header) return unhealthy(header);
  try {
    const conn = currentConnection();
    const key = `${file}:${statSync(file).ino}`;
    const recent = state.__integrityOk;
    const integrity = !(recent && recent.key === key && Date.now() - recent.at < INTEGRITY_TTL_MS);
    const result = await checkDatabase(
      { file: conn.file, query: (sql) => conn.db.prepare(sql).all(), probeWrite },
      expectations(),
      { integrity },
    );
    if (result.httpStatus === 200 && integrity) state.__integrityOk = { key, at: Date.now() };
    if (result.httpStatus !== 200) state.__integrityOk = undefined;
    return result;
  } catch (error) {
    return unhealthy(reasonOf(error));
  }
}

/** The health of this process's database, shared by concurrent callers and reused for RESULT_TTL_MS. */
export async function currentHealth(): Promise<HealthResult> {
  const url = databaseUrl();
  const cached = state.__health;
  if (cached && cached.url === url && Date.now() - cached.at < RESULT_TTL_MS) return cached.result;
  state.__healthInFlight ??= runCheck()
    .then((result) => {
      state.__health = { at: Date.now(), result, url };
      return result;
    })
    .finally(() => {
      state.__healthInFlight = undefined;
    });
  return state.__healthInFlight;
}

/** Forget cached answers (tests that change the database under the process). */
export function resetHealthCache(): void {
  state.__health = undefined;
  state.__integrityOk = undefined;
}
