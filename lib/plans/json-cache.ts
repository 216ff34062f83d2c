import type { FundingBasis } from './calculations';

/*
 * Serialised GET bodies, per plan and basis, each valid for one version. A
 * plan only changes through a save, and every save bumps the version, so a
 * cached body is right exactly as long as the database still has the version
 * it was built from.
 *
 * - A save in this process calls forgetPlan() (repository.ts), so this
 *   process never serves a body older than its own last save.
 * - Saves by OTHER processes sharing the database are noticed by checking the
 *   version (one tiny SELECT) when the entry was last checked more than
 *   PLAN_CACHE_REVALIDATE_MS ago (default 1000 ms; 0 = check on every GET).
 *   So across processes a read may lag a save by at most that long; saves
 *   are unaffected (If-Match is checked against the database, never this).
 * Why: rebuilding costs ~40 rows through Prisma plus the totals (~10× a
 * cached answer), and even the version SELECT doubles the p99 of a read under
 * load (scripts/bench-api.ts). Bounded by total size, least recently used
 * first.
 */
/** `body` is UTF-8 bytes, encoded once: every hit is sent as is. */
export type Entry = { version: number; body: Uint8Array<ArrayBuffer>; checkedAt: number };
const MAX_BYTES = 32 * 1024 * 1024;

type Cache = { entries: Map<string, Entry>; bytes: number; generation: Map<string, number> };
const holder = globalThis as unknown as { __planJsonCache?: Cache };
export const cache = (holder.__planJsonCache ??= { entries: new Map(), bytes: 0, generation: new Map() });

export function revalidateMs(): number {
  const value = Number(process.env.PLAN_CACHE_REVALIDATE_MS ?? 1000);
  return Number.isFinite(value) && value >= 0 ? value : 1000;
}

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

