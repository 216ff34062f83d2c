import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The core flows again, on PostgreSQL (`npm run test:e2e:pg`, under
// scripts/with-postgres.mjs, which names the cluster in TEST_POSTGRES_URL):
// creating, editing and reading a plan, conflicts, exports, regional plans and
// their split, linking a region, reads across workers, and two servers on one
// database (tests/e2e/postgres/). The specs are the SQLite run's own; left out
// are the axe and layout checks, which do not depend on the store.
const admin = process.env.TEST_POSTGRES_URL?.trim();
if (!admin) throw new Error('playwright.postgres.config.ts: TEST_POSTGRES_URL is not set; run `npm run test:e2e:pg` (scripts/with-postgres.mjs sets it).');

// A fresh database per run, named once by the runner; its test workers load
// this file again and inherit the name through the environment.
process.env.E2E_POSTGRES_DATABASE ??= `wegwijzer_e2e_${randomBytes(6).toString('hex')}`;
const database = process.env.E2E_POSTGRES_DATABASE;
const databaseUrl = new URL(admin);
databaseUrl.pathname = `/${database}`;

// `npm test` runs this after the SQLite e2e run, whose webServer has just made
// the production build: it is served as it is (the build does not depend on the
// store). Run alone, it builds when there is no build yet, or when E2E_BUILD=1.
const build = process.env.E2E_BUILD === '1' || !existsSync('.next/BUILD_ID');

const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
if (!webServer) throw new Error('playwright.config.ts has no webServer');

export default defineConfig({
  ...base,
  testMatch: [
    'plans.spec.ts',
    'conflicts.spec.ts',
    'regions.spec.ts',
    'region-link.spec.ts',
    'workers.spec.ts',
    'postgres/*.spec.ts',
  ],
  testIgnore: [],
  grepInvert: /axe|360 px/,
  globalTeardown: './tests/e2e/support/postgres-teardown.ts',
  webServer: {
    ...webServer,
    command: `node scripts/pg-database.mjs create ${database} >/dev/null && ${build ? 'npm run build && ' : ''}npm run start`,
    timeout: build ? 600_000 : 120_000,
    env: { ...webServer.env, DATABASE_URL: databaseUrl.toString() },
  },
});
