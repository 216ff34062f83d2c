#!/usr/bin/env node
// npm run db:restore -- <backup>
//
// Puts a backup (from `npm run db:backup`) in place of the app's database
// (DATABASE_URL, default data/app.db). Stop the app first; in order:
//   1. The backup must pass `PRAGMA integrity_check` and be this app's database.
//   2. Refuse while anything uses the database (scripts/db-tools.mjs
//      claimExclusive: an exclusive lock attempt, and on Linux the open files of
//      every process). The lock is kept until the old file is set aside.
//   3. The backup is copied (VACUUM INTO, which also takes in a -wal beside the
//      backup) to a temporary file in the database's directory and checked.
//   4. The old database is moved aside as <db>.before-restore-<time> together
//      with its -wal (a consistent pair, for when the wrong backup was chosen);
//      a stale -shm is removed. A -wal or -shm left beside the restored file
//      would be replayed into it: acknowledged saves of the OLD database
//      written over the pages of the new one, a corrupt database.
//   5. The temporary file is renamed into place (atomic: the database is either
//      the old one or the whole backup), switched to WAL as scripts/prisma.mjs
//      does, and checked again.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { checkIntegrity, claimExclusive, contents, databaseFile, databaseUrl, describeContents, exists, fsyncPath, isPostgresUrl, parseArgs } from './db-tools.mjs';

const require = createRequire(import.meta.url);
const Database = require('libsql');

// PostgreSQL: pg_dump / pg_restore (scripts/db-pg.mjs); everything below is SQLite.
if (isPostgresUrl(databaseUrl())) {
  const { restorePostgres } = await import('./db-pg.mjs');
  process.exit(await restorePostgres(process.argv.slice(2), databaseUrl()));
}

function fail(message) {
  console.error(`db:restore: ${message}`);
  process.exit(1);
}

const args = parseArgs(process.argv.slice(2), []);
if (!args.file || args.extra.length > 0 || args.unknown.length > 0) fail('gebruik / usage: npm run db:restore -- <back-up/backup>');
const backup = path.resolve(args.file);
const target = databaseFile();
if (!exists(backup)) fail(`${backup} bestaat niet / does not exist`);
if ([target, `${target}-wal`, `${target}-shm`].includes(backup)) fail('de back-up is de database zelf / the backup is the database itself');

// 1. The backup.
const check = checkIntegrity(backup);
if (!check.ok) fail(`de back-up doorstaat integrity_check niet; er is niets veranderd / the backup fails integrity_check; nothing was changed:\n  ${check.problems.join('\n  ')}`);
let held;
try {
  held = contents(backup);
} catch (error) {
  fail(`dit is geen back-up van deze app / this is not a backup of this app: ${error instanceof Error ? error.message : String(error)}`);
}

// 2. Nobody may use the database.
mkdirSync(path.dirname(target), { recursive: true });
const claim = claimExclusive(target);
if (claim.inUse) {
  fail(
    `de app (of een ander proces) gebruikt ${target} nog (${claim.why}); stop de app en probeer het opnieuw. Er is niets veranderd.\n` +
      `the app (or another process) is still using ${target}; stop the app and try again. Nothing was changed.`,
  );
}

// 3. A checked copy beside the database.
const temp = path.join(path.dirname(target), `.${path.basename(target)}.restore-${process.pid}`);
rmSync(temp, { force: true });
try {
  const source = new Database(backup);
  try {
    source.prepare('VACUUM INTO ?').run(temp);
  } finally {
    source.close();
  }
  const copied = checkIntegrity(temp);
  if (!copied.ok) throw new Error(`de kopie doorstaat integrity_check niet / the copy fails integrity_check: ${copied.problems.join('; ')}`);
  fsyncPath(temp);
} catch (error) {
  rmSync(temp, { force: true });
  claim.lock?.close();
  fail(`${error instanceof Error ? error.message : String(error)}; er is niets veranderd / nothing was changed`);
}

// 4. The old database aside, with its WAL; no stale -wal/-shm beside the target.
// Closing our lock lets SQLite checkpoint the old WAL into the old file first (when it can read it).
claim.lock?.close();
let aside = null;
if (exists(target)) {
  aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(target, aside);
  if (exists(`${target}-wal`)) renameSync(`${target}-wal`, `${aside}-wal`);
}
rmSync(`${target}-wal`, { force: true });
rmSync(`${target}-shm`, { force: true });

// 5. Into place, atomically; then as the app expects it, and checked where it now lies.
renameSync(temp, target);
fsyncPath(path.dirname(target));
const db = new Database(target);
try {
  db.prepare('PRAGMA journal_mode = WAL').get();
} finally {
  db.close();
}
const after = checkIntegrity(target);
if (!after.ok) fail(`de teruggezette database doorstaat integrity_check niet / the restored database fails integrity_check:\n  ${after.problems.join('\n  ')}`);

console.log(`Teruggezet / restored: ${backup} → ${target}`);
console.log('  integrity_check: ok');
console.log(describeContents(held));
if (aside) console.log(`  de vorige database staat in / the previous database was kept as: ${aside}`);
