#!/usr/bin/env node
// Before the app starts (scripts/prisma.mjs runs this before `migrate deploy`):
// refuse a database that fails SQLite's quick integrity check, and say why, in
// Dutch and English. Starting on a damaged file is how issue 11 lost data: the
// app called it healthy and kept writing to it. A missing or empty file is fine
// (the migrations create it). Also runnable alone: node scripts/db-check.mjs.
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkIntegrity, databaseFile, exists } from './db-tools.mjs';

/** null when the app may start on the database of `env`, otherwise the message to print. */
export function startupProblem(env = process.env) {
  const file = databaseFile(env);
  if (!exists(file) || statSync(file).size === 0) return null;
  const check = checkIntegrity(file, { quick: true });
  if (check.ok) return null;
  const problems = check.problems.map((p) => `  - ${p}`).join('\n');
  return [
    `De database ${file} is beschadigd (PRAGMA quick_check faalt); de app start niet, zodat er niet verder in wordt geschreven.`,
    'Zet een back-up terug met `npm run db:restore -- <back-up>` (README, "Backup and restore").',
    `The database ${file} is damaged (PRAGMA quick_check fails); the app does not start, so nothing more is written to it.`,
    'Restore a backup with `npm run db:restore -- <backup>` (README, "Backup and restore").',
    problems,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = startupProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log('db:check: ok');
}
