import path from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { defineConfig } from 'prisma/config';
import { databaseUrl } from './lib/env-database';

// Prisma 6.19 can run migrations without a native schema engine (which this
// network cannot download) when it uses the WebAssembly engine with a driver
// adapter. See README, "Decisions".
export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl() });
  },
});
