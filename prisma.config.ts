import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { databaseUrl, isPostgresUrl } from './lib/env-database';
import { cliAdapter } from './prisma/cli-adapters';

// Prisma 6.19 can run migrations without a native schema engine (which this
// network cannot download) when it uses the WebAssembly engine with a driver
// adapter. See README, "Decisions". The store follows DATABASE_URL: SQLite
// (file:…, the default) or PostgreSQL (postgresql://…), each with its own
// schema and migrations folder (README, "PostgreSQL").
const folder = isPostgresUrl(databaseUrl()) ? path.join('prisma', 'postgresql') : 'prisma';

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations') },
  async adapter() {
    return cliAdapter(databaseUrl());
  },
});
