/**
 * What municipal and regional plans share about their versions: the list of
 * revisions a repository answers, the history an edit page shows (each
 * version with what it changed compared to the one before), and the changes
 * a conflict message lists. No zod and no server code, so the editors may
 * import the types.
 */

export type RevisionSummary = {
  version: number;
  /** When this version was saved. */
  savedAt: Date;
};

export type RevisionList = {
  currentVersion: number;
  /** Newest first; the first one is the current version. */
  revisions: RevisionSummary[];
  /** More (older) revisions exist: ask again with beforeVersion = the last version listed. */
  hasMore: boolean;
};

export type RevisionPage = { limit?: number; beforeVersion?: number };

/** What a revision table answers for one page: `take` rows newest first, versions below `below` when given. */
export type RevisionRows = (query: { take: number; below: number | undefined }) => Promise<{ version: number; createdAt: Date }[]>;

/**
 * One page of revisions (`limit`, default 50, at most 200, newest first),
 * given the document's current version (null: unknown document) and how to
 * read its revision rows.
 */
export async function listRevisionsWith(page: RevisionPage, currentVersion: number | null, rows: RevisionRows): Promise<RevisionList | null> {
  if (currentVersion === null) return null;
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 50), 1), 200);
  const found = await rows({ take: limit + 1, below: page.beforeVersion });
  return {
    currentVersion,
    revisions: found.slice(0, limit).map((r) => ({ version: r.version, savedAt: r.createdAt })),
    hasMore: found.length > limit,
  };
}

/** The Prisma query of such a page (the same for every revision table). */
export const revisionQuery = ({ take, below }: { take: number; below: number | undefined }) => ({
  where: below === undefined ? {} : { version: { lt: below } },
  orderBy: { version: 'desc' as const },
  take,
  select: { version: true, createdAt: true },
});

export type HistoryEntry = { version: number; savedAt: Date; current: boolean; changes: string[] };
export type History = { entries: HistoryEntry[]; more: number };

/**
 * The listed versions with what each one changed compared to the one before
 * (in Dutch sentences). Each state is loaded once; a state that can no longer
 * be read (an unreadable old snapshot) says so instead of failing the page.
 */
export async function revisionHistory<S>(opts: {
  list: RevisionList | null;
  load: (version: number) => Promise<S | null>;
  describe: (before: S, after: S) => string[];
  /** What version 1 says, e.g. "Plan gemaakt". */
  created: string;
}): Promise<History> {
  const { list } = opts;
  if (!list) return { entries: [], more: 0 };
  // Newest first; the first one is the current version.
  const versions = list.revisions.map((r) => ({ version: r.version, savedAt: r.savedAt, current: r.version === list.currentVersion }));
  const wanted = [...new Set(versions.flatMap((v) => [v.version, v.version - 1]).filter((v) => v >= 1))];
  const states = new Map<number, S>();
  await Promise.all(
    wanted.map(async (v) => {
      const state = await opts.load(v);
      if (state) states.set(v, state);
    }),
  );
  const entries = versions.map((v): HistoryEntry => {
    const after = states.get(v.version);
    const before = states.get(v.version - 1);
    const changes = v.version === 1 ? [opts.created] : after && before ? opts.describe(before, after) : ['(niet meer te vergelijken)'];
    return { ...v, changes };
  });
  const more = Math.max(0, (entries.at(-1)?.version ?? 1) - 1);
  return { entries, more };
}

/** A stale save: the version that won, what it changed and what was merged (lib/merge/choices.ts). */
export type { Conflict } from '@/lib/merge/choices';

/** How many changes of a newer version a conflict message lists before "and N more". */
export const MAX_CONFLICT_CHANGES = 25;

export function conflictLines(changes: readonly string[], max = MAX_CONFLICT_CHANGES): string[] {
  const lines = changes.slice(0, max);
  if (changes.length > max) lines.push(`en nog ${changes.length - max} andere wijzigingen`);
  return lines;
}

/**
 * The version named by an edit form's "restore:<n>" intent (the buttons in the
 * history); null for anything else, e.g. a tampered "restore:abc", which the
 * actions then refuse with a plain message instead of "Versie NaN".
 */
export function restoreIntentVersion(intent: string): number | null {
  const match = /^restore:([1-9]\d{0,8})$/.exec(intent);
  return match ? Number(match[1]) : null;
}

export const UNKNOWN_VERSION = 'Deze versie bestaat niet. Kies een versie uit de geschiedenis.';
