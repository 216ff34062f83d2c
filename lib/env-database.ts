import path from 'node:path';

// Where the database is. Shared by the app (lib/db.ts, lib/store/) and the
// Prisma CLI (prisma.config.ts), so both always talk to the same database.
// A file: URL (or none) is the embedded SQLite store; postgres:// or
// postgresql:// is PostgreSQL (README, "PostgreSQL").
export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

export type StoreKind = 'sqlite' | 'postgresql';

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/** Which store a URL selects; anything that is neither is refused with a message that says what is accepted. */
export function storeKind(url: string): StoreKind {
  if (isPostgresUrl(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL moet beginnen met file: (SQLite) of postgresql:// (PostgreSQL), niet met ${url.split(':')[0]}:`);
}

/** `file:./data/app.db` → an absolute path; other URLs are refused (the embedded database is a file). */
export function sqlitePath(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL moet een SQLite-bestand zijn (file:…), niet ${url.split(':')[0]}:`);
  const rest = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return path.resolve(decodeURIComponent(rest.split('?')[0] ?? ''));
}
