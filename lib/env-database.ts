// Where the database is. Shared by the app (lib/db.ts) and the Prisma CLI
// (prisma.config.ts), so both always talk to the same file.
export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}
