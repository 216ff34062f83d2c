// `npm run db:backup` and `npm run db:restore` when DATABASE_URL is PostgreSQL
// (scripts/db-backup.mjs and db-restore.mjs hand over to this file): pg_dump
// and pg_restore, in their custom format. README "Backup and restore".
//
// - The connection goes to the tools through libpq's environment (PGHOST,
//   PGUSER, PGPASSWORD, PGSSLMODE, …), never argv: a password in argv is
//   visible to every user of the machine (ps).
// - The tools must exist and be at least the server's major version (pg_dump
//   refuses a newer server, and an older pg_restore cannot read a newer
//   dump); PG_BINDIR=<dir> picks a directory of them (e.g.
//   /usr/lib/postgresql/16/bin), otherwise they are looked up on PATH.
// - Backup: the row counts printed are those of the dump: pg_dump reads the
//   snapshot our own REPEATABLE READ transaction exported (--snapshot).
//   Written under a temporary name, checked with `pg_restore --list`, renamed.
// - Restore: refuses while other sessions are connected to the database (the
//   app's pool keeps connections open while it runs) unless --force; keeps a
//   dump of the database as it was beside the backup; then
//   `pg_restore --clean --if-exists --no-owner --single-transaction`: the
//   database is either as before or exactly the backup.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { COUNTS, describeContents, exists, formatBytes, fsyncPath, parseArgs } from './db-tools.mjs';

/** The password-free form of a URL, for messages. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return 'postgresql://…';
  }
}

/**
 * libpq's environment for `url`: the caller's environment without its own PG*
 * connection settings (they would mix with ours), plus ours.
 */
export function libpqEnv(url, base = process.env) {
  const c = parse(url);
  const env = Object.fromEntries(Object.entries(base).filter(([k]) => !/^PG[A-Z]/.test(k) || k === 'PG_BINDIR'));
  const set = (key, value) => {
    if (value !== undefined && value !== null && value !== '') env[key] = String(value);
  };
  set('PGHOST', c.host);
  set('PGPORT', c.port);
  set('PGUSER', c.user);
  set('PGPASSWORD', c.password);
  set('PGDATABASE', c.database);
  set('PGSSLMODE', c.sslmode ?? (c.ssl === true || c.ssl === 'true' ? 'require' : undefined));
  set('PGSSLROOTCERT', c.sslrootcert);
  set('PGSSLCERT', c.sslcert);
  set('PGSSLKEY', c.sslkey);
  set('PGCONNECT_TIMEOUT', '10');
  return env;
}

/** A PostgreSQL client program: PG_BINDIR, else PATH. Null when missing. */
export function findTool(name, env = process.env) {
  const dirs = env.PG_BINDIR ? [env.PG_BINDIR] : (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.18 …` → 15), or null. */
export function toolMajor(file) {
  const out = spawnSync(file, ['--version'], { encoding: 'utf8' });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? '');
  return match ? Number(match[1]) : null;
}

/** The tools, checked against the server's major version; a message when they will not do. */
export function tools(names, serverMajor, env = process.env) {
  const found = {};
  for (const name of names) {
    const file = findTool(name, env);
    if (!file) {
      return {
        problem:
          `${name} is niet gevonden; installeer de PostgreSQL-clientprogramma's van versie ${serverMajor} of nieuwer (Debian/Ubuntu: postgresql-client-${serverMajor}) of wijs hun map aan met PG_BINDIR.\n` +
          `${name} was not found; install the PostgreSQL client programs of version ${serverMajor} or newer (Debian/Ubuntu: postgresql-client-${serverMajor}) or point PG_BINDIR at their directory.`,
      };
    }
    const major = toolMajor(file);
    if (major === null || major < serverMajor) {
      return {
        problem:
          `${file} is versie ${major ?? '?'}, de server ${serverMajor}: gebruik ${name} van versie ${serverMajor} of nieuwer (PG_BINDIR=/usr/lib/postgresql/${serverMajor}/bin).\n` +
          `${file} is version ${major ?? '?'}, the server ${serverMajor}: use ${name} of version ${serverMajor} or newer.`,
      };
    }
    found[name] = file;
  }
  return { found };
}

/** A connected pg client for `url` (no type parsing needed: we read counts as text). */
export async function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'wegwijzer-db-tools' });
  await client.connect();
  return client;
}

export async function serverMajor(client) {
  const { rows } = await client.query('SHOW server_version_num');
  return Math.floor(Number(rows[0].server_version_num) / 10000);
}

/** What the database holds, as db-tools.mjs contents() says it for SQLite. Throws when it is not this app's. */
export async function pgContents(client) {
  const counts = {};
  for (const [key, table] of COUNTS) {
    const { rows } = await client.query(`SELECT count(*)::text AS "n" FROM "${table}"`);
    counts[key] = Number(rows[0].n);
  }
  const { rows } = await client.query(
    `SELECT "migration_name" AS "name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name" DESC LIMIT 1`,
  );
  return { counts, lastMigration: rows[0]?.name ?? null };
}

/** Other client sessions on the same database (the app's pool holds some while it runs). */
export async function otherSessions(client) {
  const { rows } = await client.query(
    `SELECT "pid", coalesce("application_name", '') AS "app", coalesce("client_addr"::text, 'local') AS "addr"
     FROM pg_stat_activity WHERE "datname" = current_database() AND "pid" <> pg_backend_pid() AND "backend_type" = 'client backend'`,
  );
  return rows;
}

/** Runs a tool, its stderr collected (its messages name no password: that is only in the environment). */
function runTool(file, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
}

const TABLES = [...COUNTS.map(([, table]) => table), '_prisma_migrations'];

/**
 * `pg_restore --list` of a dump: null when it is a readable custom-format dump
 * of this app's database (its tables' data are in it), else the problem.
 */
export async function checkDump(pgRestore, file, env) {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1').startsWith('SQLite format 3')) {
    return 'dit is een SQLite-back-up en de database is PostgreSQL; verhuizen tussen de twee gaat met `npm run db:copy` / this is a SQLite backup and the database is PostgreSQL; move between them with `npm run db:copy`';
  }
  if (!head.toString('latin1').startsWith('PGDMP')) return 'dit is geen pg_dump-bestand in custom-formaat / this is not a pg_dump custom-format file';
  const listed = await runTool(pgRestore, ['--list', file], env);
  if (listed.code !== 0) return `pg_restore --list kan het bestand niet lezen / cannot read the file: ${listed.stderr}`;
  const missing = TABLES.filter((t) => !new RegExp(`TABLE DATA \\S+ ${t} `).test(listed.stdout));
  if (missing.length > 0) return `dit is geen back-up van deze app (geen ${missing.join(', ')}) / this is not a backup of this app`;
  return null;
}

function fail(command, message) {
  console.error(`${command}: ${message}`);
  return 1;
}

const errorText = (error) => (error instanceof Error ? error.message : String(error));

/** npm run db:backup -- <file> [--force], on PostgreSQL. Returns the exit code. */
export async function backupPostgres(argv, url) {
  const command = 'db:backup';
  const args = parseArgs(argv, ['--force']);
  if (!args.file || args.extra.length > 0 || args.unknown.length > 0) return fail(command, 'gebruik / usage: npm run db:backup -- <bestand/file> [--force]');
  const target = path.resolve(args.file);
  if (exists(target) && !args.has('--force')) {
    return fail(command, `${target} bestaat al; kies een andere naam of gebruik --force / already exists; choose another name or use --force`);
  }
  const env = libpqEnv(url);
  let client;
  try {
    client = await connect(url);
  } catch (error) {
    return fail(command, `geen verbinding met / cannot connect to ${redactUrl(url)}: ${errorText(error)}`);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  const started = Date.now();
  try {
    const major = await serverMajor(client);
    const { found, problem } = tools(['pg_dump', 'pg_restore'], major);
    if (problem) return fail(command, problem);
    // One snapshot for the counts we print and the dump itself.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query('SELECT pg_export_snapshot() AS "id"');
    let held;
    try {
      held = await pgContents(client);
    } catch (error) {
      return fail(command, `dit is geen database van deze app / this is not a database of this app: ${errorText(error)}`);
    }
    rmSync(temp, { force: true });
    const dumped = await runTool(found.pg_dump, ['-Fc', '--no-owner', '--no-privileges', `--snapshot=${rows[0].id}`, '-f', temp], env);
    await client.query('COMMIT');
    if (dumped.code !== 0) {
      rmSync(temp, { force: true });
      return fail(command, `pg_dump is mislukt / failed: ${dumped.stderr}`);
    }
    const problemWithDump = await checkDump(found.pg_restore, temp, env);
    if (problemWithDump) {
      rmSync(temp, { force: true });
      return fail(command, `de dump is niet bruikbaar / the dump is not usable: ${problemWithDump}`);
    }
    fsyncPath(temp);
    renameSync(temp, target);
    fsyncPath(path.dirname(target));
    console.log(`Back-up gemaakt / backup written: ${target} (${formatBytes(statSync(target).size)}, ${Date.now() - started} ms)`);
    console.log(`  pg_dump -Fc van / of ${redactUrl(url)}; pg_restore --list: ok`);
    console.log(describeContents(held));
    return 0;
  } catch (error) {
    rmSync(temp, { force: true });
    return fail(command, `de back-up is mislukt / the backup failed: ${errorText(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** npm run db:restore -- <dump> [--force], on PostgreSQL. Returns the exit code. */
export async function restorePostgres(argv, url) {
  const command = 'db:restore';
  const args = parseArgs(argv, ['--force']);
  if (!args.file || args.extra.length > 0 || args.unknown.length > 0) return fail(command, 'gebruik / usage: npm run db:restore -- <back-up/backup> [--force]');
  const backup = path.resolve(args.file);
  if (!exists(backup)) return fail(command, `${backup} bestaat niet / does not exist`);
  const env = libpqEnv(url);
  let client;
  try {
    client = await connect(url);
  } catch (error) {
    return fail(command, `geen verbinding met / cannot connect to ${redactUrl(url)}: ${errorText(error)}`);
  }
  try {
    const major = await serverMajor(client);
    const { found, problem } = tools(['pg_dump', 'pg_restore'], major);
    if (problem) return fail(command, problem);

    // 1. The backup.
    const problemWithDump = await checkDump(found.pg_restore, backup, env);
    if (problemWithDump) return fail(command, `${problemWithDump}; er is niets veranderd / nothing was changed`);

    // 2. Nobody else may use the database.
    const others = await otherSessions(client);
    if (others.length > 0 && !args.has('--force')) {
      const who = [...new Set(others.map((s) => `${s.app || '?'}@${s.addr}`))].join(', ');
      return fail(
        command,
        `${others.length} andere verbinding(en) met de database (${who}); stop de app en probeer het opnieuw (of --force). Er is niets veranderd.\n` +
          `${others.length} other connection(s) to the database; stop the app and try again (or --force). Nothing was changed.`,
      );
    }

    // 3. The database as it is now, kept beside the backup (when it is this app's).
    let aside = null;
    try {
      await pgContents(client);
      aside = path.join(path.dirname(backup), `${parse(url).database ?? 'database'}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`);
      const kept = await runTool(found.pg_dump, ['-Fc', '--no-owner', '--no-privileges', '-f', aside], env);
      if (kept.code !== 0) {
        rmSync(aside, { force: true });
        return fail(command, `de huidige database kon niet eerst bewaard worden / could not keep the current database first: ${kept.stderr}; er is niets veranderd / nothing was changed`);
      }
    } catch {
      aside = null; // empty or not this app's: nothing worth keeping
    }

    // 4. The restore: one transaction.
    const dbname = `dbname='${String(parse(url).database ?? '').replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const restored = await runTool(found.pg_restore, ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${dbname}`, backup], env);
    if (restored.code !== 0) {
      return fail(command, `pg_restore is mislukt; de database is ongewijzigd (één transactie) / pg_restore failed; the database is unchanged (one transaction):\n  ${restored.stderr}`);
    }
    const held = await pgContents(client);
    console.log(`Teruggezet / restored: ${backup} → ${redactUrl(url)}`);
    console.log(describeContents(held));
    if (aside) console.log(`  de vorige database staat in / the previous database was kept as: ${aside}`);
    return 0;
  } catch (error) {
    return fail(command, errorText(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
