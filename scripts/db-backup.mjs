#!/usr/bin/env node
// npm run db:backup -- <file> [--force]
//
// A consistent copy of the app's database (DATABASE_URL, default data/app.db)
// while the app runs. `VACUUM INTO` reads the database in one read
// transaction, so the copy is the database as of one moment, including the
// saves that still live in the -wal file (a plain `cp` of app.db misses those,
// see README "Backup and restore"); in WAL mode the app keeps saving while it
// runs. The copy is written under a temporary name beside the target, checked
// with `PRAGMA integrity_check`, and only then renamed to <file>, so <file> is
// either a checked backup or untouched. An existing <file> is only replaced
// with --force.
import { rmSync, statSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { checkIntegrity, contents, databaseFile, databaseUrl, describeContents, exists, formatBytes, fsyncPath, isPostgresUrl, parseArgs } from './db-tools.mjs';

const require = createRequire(import.meta.url);
const Database = require('libsql');

// PostgreSQL: pg_dump / pg_restore (scripts/db-pg.mjs); everything below is SQLite.
if (isPostgresUrl(databaseUrl())) {
  const { backupPostgres } = await import('./db-pg.mjs');
  process.exit(await backupPostgres(process.argv.slice(2), databaseUrl()));
}

function fail(message) {
  console.error(`db:backup: ${message}`);
  process.exit(1);
}

const args = parseArgs(process.argv.slice(2), ['--force']);
if (!args.file || args.extra.length > 0 || args.unknown.length > 0) {
  fail('gebruik / usage: npm run db:backup -- <bestand/file> [--force]');
}
const source = databaseFile();
const target = path.resolve(args.file);
if (!exists(source)) fail(`er is geen database om te back-uppen / there is no database to back up: ${source}`);
if ([source, `${source}-wal`, `${source}-shm`].includes(target)) fail('de back-up kan niet de database zelf zijn / the backup cannot be the database itself');
if (exists(target) && !args.has('--force')) {
  fail(`${target} bestaat al; kies een andere naam of gebruik --force / already exists; choose another name or use --force`);
}

const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
rmSync(temp, { force: true });
const started = Date.now();
const db = new Database(source);
try {
  // VACUUM INTO needs no write lock, but opening a WAL database can briefly wait for another connection's recovery.
  db.prepare('PRAGMA busy_timeout = 10000').get();
  db.prepare('VACUUM INTO ?').run(temp);
} catch (error) {
  rmSync(temp, { force: true });
  fail(`de back-up is mislukt / the backup failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  db.close();
}

const check = checkIntegrity(temp);
if (!check.ok) {
  rmSync(temp, { force: true });
  fail(`de kopie doorstaat integrity_check niet; de database zelf is waarschijnlijk beschadigd / the copy fails integrity_check; the database itself is probably damaged:\n  ${check.problems.join('\n  ')}`);
}
let held;
try {
  held = contents(temp);
} catch (error) {
  rmSync(temp, { force: true });
  fail(`dit is geen database van deze app / this is not a database of this app: ${error instanceof Error ? error.message : String(error)}`);
}
fsyncPath(temp);
renameSync(temp, target);
fsyncPath(path.dirname(target));

console.log(`Back-up gemaakt / backup written: ${target} (${formatBytes(statSync(target).size)}, ${Date.now() - started} ms)`);
console.log('  integrity_check: ok');
console.log(describeContents(held));
