#!/usr/bin/env node
// Runs the Prisma CLI with this machine's constraints baked in, so the README
// commands stay plain. Prisma 6.19 runs migrations through its WebAssembly
// schema engine (prisma.config.ts: engine "js" + adapter), but the CLI still
// checks at start-up that native engine files exist. They are never executed
// in this mode, so any existing file satisfies the check; without this the CLI
// tries to download engines, which this network does not allow.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
// The CLI reads the URL through prisma.config.ts; the schema's env() needs it set.
env.DATABASE_URL ??= 'file:./data/app.db';
// The embedded default database lives in a git-ignored folder.
mkdirSync(new URL('../data/', import.meta.url), { recursive: true });

const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
