#!/usr/bin/env node
// A test database on the cluster of TEST_POSTGRES_URL (scripts/with-postgres.mjs):
//
//   node scripts/pg-database.mjs create <name>   drops <name> if it exists, creates it empty, prints its URL
//   node scripts/pg-database.mjs drop <name>     drops it (open connections are cut)
//
// The e2e runs on PostgreSQL use it for their servers' databases
// (playwright.postgres.config.ts, tests/e2e/postgres/); the app's own
// `migrate deploy` (npm start) then creates the tables.
import pg from 'pg';

const [action, name] = process.argv.slice(2);
const admin = process.env.TEST_POSTGRES_URL?.trim();
if (!admin) {
  console.error('pg-database: TEST_POSTGRES_URL is not set (run under scripts/with-postgres.mjs).');
  process.exit(2);
}
if (!['create', 'drop'].includes(action ?? '') || !/^[a-z_][a-z0-9_]{0,62}$/.test(name ?? '')) {
  console.error('usage: node scripts/pg-database.mjs create|drop <name: lower case letters, digits and _>');
  process.exit(2);
}

const client = new pg.Client({ connectionString: admin });
await client.connect();
try {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (action === 'create') {
    await client.query(`CREATE DATABASE "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    console.log(url.toString());
  }
} finally {
  await client.end();
}
