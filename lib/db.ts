import 'server-only';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient } from './generated/prisma/client';
import { databaseUrl } from './env-database';

// One Prisma client per process. In development, Next reloads modules on every
// change; keeping the client on globalThis stops each reload opening another
// connection.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient =
  globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaLibSQL({ url: databaseUrl() }) });

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
