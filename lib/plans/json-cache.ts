import type { FundingBasis } from './calculations';

/*
 * Serialised GET bodies, per plan and basis, each valid for one version. A
 * plan only changes through a save, and every save bumps the version, so a
 * cached body is right exactly as long as the database still has the version
 * it was built from. Every GET asks the database for that version (one
 * prepared SELECT on the driver, a few microseconds: lib/store/sqlite.ts), so a save
 * made by any process is visible to the next GET of every process.
 *
 * Why cache at all: rebuilding costs ~40 rows through Prisma plus the totals,
 * about ten times a cached answer (scripts/bench-api.ts). Bounded by total
 * size; the oldest entries go first.
 */
/** `body` is UTF-8 bytes, encoded once: every hit is sent as is. */
export type Entry = { version: number; body: Uint8Array<ArrayBuffer> };
const MAX_BYTES = 32 * 1024 * 1024;

type Cache = { entries: Map<string, Entry>; bytes: number; generation: Map<string, number> };
const holder = globalThis as unknown as { __planJsonCache?: Cache };
export const cache = (holder.__planJsonCache ??= { entries: new Map(), bytes: 0, generation: new Map() });

export function drop(key: string): void {
  const old = cache.entries.get(key);
  if (!old) return;
  cache.bytes -= old.body.byteLength;
  cache.entries.delete(key);
}

export function remember(key: string, entry: Entry): void {
  drop(key);
  if (entry.body.byteLength > MAX_BYTES / 4) return; // one huge plan must not push everything else out
  cache.entries.set(key, entry);
  cache.bytes += entry.body.byteLength;
  for (const k of cache.entries.keys()) {
    if (cache.bytes <= MAX_BYTES) break;
    drop(k);
  }
}

const BASES: readonly FundingBasis[] = ['zeker', 'verwacht', 'gepland'];
export const keyOf = (id: string, basis: FundingBasis) => `${id}\u0000${basis}`;

/**
 * Forgets the cached bodies of a plan; called after every accepted save.
 * Bumps the plan's generation too, so a GET that was rebuilding from data
 * read before the save does not put its (older) body back afterwards.
 */
export function forgetPlan(id: string): void {
  cache.generation.set(id, (cache.generation.get(id) ?? 0) + 1);
  for (const basis of BASES) drop(keyOf(id, basis));
}

