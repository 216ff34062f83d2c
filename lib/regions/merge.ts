import { applyFrom, keyString, mergeDocs, parseKey, type Doc, type Fields, type MergeKey, type Scalar } from '@/lib/merge/core';
import { formatEuro, formatNumber } from '@/lib/money';
import type { Names } from './calculate';
import { describeRegionChanges } from './diff';
import { formatBp } from './paste';
import { SPLIT_KEYS, TRAJECTORY_BASES, TRAJECTORY_BASIS_LABEL, type RegionState, type SharedItem, type TrajectoryItem } from './schema';
import { SPLIT_KEY_LABEL, type Member } from './split';
import { yearsOf } from './years';

/**
 * Three-way merge of regional plans (a stale save), on lib/merge/core.ts, at
 * the granularity of lib/regions/diff.ts: the name and the years; members by
 * name (case-insensitive) with their children counts, and their order; shared
 * items by description (the cost category when there is none) and
 * trajectory items by intervention (items with the same name pair up in list
 * order), each with its fields: cost category, split key, percentages, the
 * amount of each year; price, basis, percentage, and the trajectories of each
 * member (by name) in each year. Renaming an item is one removed and one added,
 * as in the history.
 */

const MEMBERS = 'members';
const SHARED = 'shared';
const TRAJECTORIES = 'trajectories';
const AMOUNT = 'amount:';
const COUNT = 'count:';
const FIELDS = ['name', 'startYear', 'endYear'] as const;

/** As in lib/regions/diff.ts. */
const memberKey = (name: string) => name.trim().toLocaleLowerCase('nl-NL');
const sharedKey = (s: SharedItem) => `gedeeld:${(s.description ?? `#${s.costCategory}`).toLocaleLowerCase('nl-NL')}`;
const trajectoryKey = (t: TrajectoryItem) => `trajecten:${t.intervention}`;

const text = (v: Scalar | undefined): string => (typeof v === 'string' ? v : '');
const int = (v: Scalar | undefined): number => (typeof v === 'number' ? v : 0);

/** Keyed records in list order; a name that occurs again gets "#2", "#3", … (pairing up in list order). */
function keyed<T>(list: readonly T[], key: (t: T) => string, fields: (t: T) => Fields): { records: Map<string, Fields>; order: string[] } {
  const seen = new Map<string, number>();
  const records = new Map<string, Fields>();
  const order: string[] = [];
  for (const item of list) {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const id = n === 1 ? k : `${k}#${n}`;
    records.set(id, fields(item));
    order.push(id);
  }
  return { records, order };
}

export function regionDoc(state: RegionState): Doc {
  const fields = new Map<string, Scalar>(FIELDS.map((f) => [f, state[f]]));
  const members = keyed(state.members, (m) => memberKey(m.name), (m) => new Map<string, Scalar>([['name', m.name], ['children0to4', m.children0to4], ['children0to18', m.children0to18]]));
  const shared = keyed(state.sharedItems, sharedKey, (s) => {
    const f = new Map<string, Scalar>([
      ['costCategory', s.costCategory],
      ['description', s.description],
      ['splitKey', s.splitKey],
      ['percentages', s.percentages ? JSON.stringify(s.percentages) : null],
    ]);
    for (const a of s.amounts) if (a.amount !== 0) f.set(`${AMOUNT}${a.year}`, a.amount);
    return f;
  });
  const trajectories = keyed(state.trajectoryItems, trajectoryKey, (t) => {
    const f = new Map<string, Scalar>([
      ['intervention', t.intervention],
      ['costCategory', t.costCategory],
      ['pricePerTrajectory', t.pricePerTrajectory],
      ['basis', t.basis],
      ['percentage', t.percentage],
    ]);
    for (const { year, counts } of t.trajectories ?? []) {
      state.members.forEach((m, i) => {
        const n = counts[i] ?? 0;
        if (n !== 0) f.set(`${COUNT}${memberKey(m.name)}:${year}`, n);
      });
    }
    return f;
  });
  return {
    fields,
    collections: new Map([
      [MEMBERS, members],
      [SHARED, shared],
      [TRAJECTORIES, trajectories],
    ]),
  };
}

function records(doc: Doc, name: string): [string, Fields][] {
  const c = doc.collections.get(name);
  return (c?.order ?? []).flatMap((id) => {
    const f = c?.records.get(id);
    return f ? [[id, f] as [string, Fields]] : [];
  });
}

/** Years with a value in a record's "amount:<year>" or "count:<member>:<year>" fields. */
function yearsIn(f: Fields): number[] {
  return [...f.keys()].flatMap((k) => (k.startsWith(AMOUNT) || k.startsWith(COUNT) ? [Number(k.slice(k.lastIndexOf(':') + 1))] : []));
}

/**
 * A Doc as a regional plan, with the years the form shows: the plan's range
 * plus any year outside it that still carries an amount or trajectories (the
 * save then asks to empty it, as when the user changes the years).
 */
export function regionFromDoc(doc: Doc): { state: RegionState; years: number[] } {
  const startYear = int(doc.fields.get('startYear'));
  const endYear = int(doc.fields.get('endYear'));
  const all = [...doc.collections.values()].flatMap((c) => [...c.records.values()].flatMap(yearsIn));
  const years = [...new Set([...yearsOf(startYear, endYear), ...all])].sort((a, b) => a - b);
  const members: Member[] = records(doc, MEMBERS).map(([, f]) => ({ name: text(f.get('name')), children0to4: int(f.get('children0to4')), children0to18: int(f.get('children0to18')) }));
  const sharedItems = records(doc, SHARED).map(([, f]): SharedItem => {
    const percentages = f.get('percentages');
    const parsed: unknown = typeof percentages === 'string' ? JSON.parse(percentages) : null;
    return {
      costCategory: text(f.get('costCategory')),
      description: typeof f.get('description') === 'string' ? text(f.get('description')) : null,
      amounts: years.map((year) => ({ year, amount: int(f.get(`${AMOUNT}${year}`)) })),
      splitKey: SPLIT_KEYS.find((k) => k === f.get('splitKey')) ?? 'gelijk',
      percentages: Array.isArray(parsed) ? parsed.filter((p): p is number => typeof p === 'number') : null,
    };
  });
  const trajectoryItems = records(doc, TRAJECTORIES).map(([, f]): TrajectoryItem => {
    const basis = TRAJECTORY_BASES.find((b) => b === f.get('basis')) ?? 'historisch';
    const percentage = f.get('percentage');
    return {
      intervention: text(f.get('intervention')),
      costCategory: text(f.get('costCategory')),
      pricePerTrajectory: int(f.get('pricePerTrajectory')),
      basis,
      trajectories: basis === 'historisch' ? years.map((year) => ({ year, counts: members.map((m) => int(f.get(`${COUNT}${memberKey(m.name)}:${year}`))) })) : null,
      percentage: typeof percentage === 'number' ? percentage : null,
    };
  });
  return { state: { name: text(doc.fields.get('name')), startYear, endYear, members, sharedItems, trajectoryItems }, years };
}

export type RegionMerge = {
  merged: RegionState;
  /** The years the form shows for the merge (see regionFromDoc). */
  years: number[];
  /** The base with only their changes that were taken. */
  taken: RegionState;
  conflicts: MergeKey[];
};

/** The member of a "count:<member>:<year>" field (trajectories), or null. */
function countMember(key: MergeKey): string | null {
  if (key.kind !== 'record-field' || key.collection !== TRAJECTORIES || !key.field.startsWith(COUNT)) return null;
  return key.field.slice(COUNT.length, key.field.lastIndexOf(':'));
}

/** The "count:<member>:<year>" fields of one member in every trajectory item of the given Docs. */
function memberCountKeys(member: string, ...docs: Doc[]): MergeKey[] {
  const keys = new Map<string, MergeKey>();
  for (const doc of docs) {
    for (const [id, f] of doc.collections.get(TRAJECTORIES)?.records ?? []) {
      for (const field of f.keys()) {
        if (!field.startsWith(`${COUNT}${member}:`)) continue;
        const key: MergeKey = { kind: 'record-field', collection: TRAJECTORIES, id, field };
        keys.set(keyString(key), key);
      }
    }
  }
  return [...keys.values()];
}

/** Whether `side` changed any trajectories of `member` compared to `base` (in items both have). */
function countsChanged(base: Doc, side: Doc, member: string): boolean {
  const before = base.collections.get(TRAJECTORIES)?.records;
  for (const [id, after] of side.collections.get(TRAJECTORIES)?.records ?? []) {
    const was = before?.get(id);
    if (!was) continue;
    const fields = new Set([...was.keys(), ...after.keys()].filter((f) => f.startsWith(`${COUNT}${member}:`)));
    for (const f of fields) if (was.get(f) !== after.get(f)) return true;
  }
  return false;
}

/**
 * A member's trajectories live in the trajectory items (per member and year),
 * but belong to the member too. So: a member removed on one side while the
 * other changed its trajectories is a choice about the member (as when its
 * children counts changed); while that choice is open the form keeps the
 * member with all my trajectories when I kept it; and choosing either side
 * takes the member together with its trajectories (resolveRegionChoices).
 * Trajectories of a member that is not in the merged list say nothing.
 */
export function mergeRegions(base: RegionState | null, mine: RegionState, theirs: RegionState): RegionMerge {
  const baseDoc = base ? regionDoc(base) : null;
  const mineDoc = regionDoc(mine);
  const theirsDoc = regionDoc(theirs);
  const result = mergeDocs(baseDoc, mineDoc, theirsDoc);
  const open = new Set(result.conflicts.flatMap((k) => (k.kind === 'record' && k.collection === MEMBERS ? [k.id] : [])));
  const conflicts = [...result.conflicts];
  let taken = [...result.taken];
  const has = (doc: Doc, id: string) => Boolean(doc.collections.get(MEMBERS)?.records.has(id));
  for (const id of baseDoc?.collections.get(MEMBERS)?.records.keys() ?? []) {
    if (!baseDoc || open.has(id) || has(mineDoc, id) === has(theirsDoc, id)) continue;
    const keeper = has(mineDoc, id) ? mineDoc : theirsDoc;
    if (!countsChanged(baseDoc, keeper, id)) continue;
    open.add(id);
    conflicts.push({ kind: 'record', collection: MEMBERS, id });
    taken = taken.filter((k) => !(k.kind === 'record' && k.collection === MEMBERS && k.id === id));
  }
  // Where I kept a member whose staying is open: my member with all my trajectories, for now.
  const keptByMe = [...open].filter((id) => has(mineDoc, id));
  const keep = keptByMe.flatMap((id) => [{ kind: 'record', collection: MEMBERS, id } as MergeKey, ...memberCountKeys(id, mineDoc, result.merged)]);
  const mergedDoc = keep.length > 0 ? applyFrom(result.merged, mineDoc, keep) : result.merged;
  const keptKeys = new Set(keep.map(keyString));
  taken = taken.filter((k) => !keptKeys.has(keyString(k)));
  const inMerged = mergedDoc.collections.get(MEMBERS)?.records;
  const shown = conflicts.filter((k) => {
    const member = countMember(k);
    return member === null || (!open.has(member) && Boolean(inMerged?.has(member)));
  });
  const { state: merged, years } = regionFromDoc(mergedDoc);
  const takenState = baseDoc ? regionFromDoc(applyFrom(baseDoc, theirsDoc, taken)).state : theirs;
  return { merged, years, taken: takenState, conflicts: shown };
}

/** Applies "their value" choices; a member comes (or goes) together with its trajectories. */
export function resolveRegionChoices(mine: RegionState, theirs: RegionState, keys: readonly string[]): RegionState {
  const parsed = keys.map(parseKey).filter((k): k is MergeKey => k !== null);
  if (parsed.length === 0) return mine;
  const mineDoc = regionDoc(mine);
  const theirsDoc = regionDoc(theirs);
  const expanded = parsed.flatMap((k) => (k.kind === 'record' && k.collection === MEMBERS ? [k, ...memberCountKeys(k.id, mineDoc, theirsDoc)] : [k]));
  return regionFromDoc(applyFrom(mineDoc, theirsDoc, expanded)).state;
}

// ---------------------------------------------------------------------------
// In Dutch, for the notice.
// ---------------------------------------------------------------------------

export function describeRegionMerge(base: RegionState | null, merge: RegionMerge, names: Names): string[] {
  return base ? describeRegionChanges(base, merge.taken, names) : [];
}

const FIELD_LABEL: Record<(typeof FIELDS)[number], string> = { name: 'Naam', startYear: 'Eerste jaar', endYear: 'Laatste jaar' };
const quote = (v: Scalar | undefined) => (v === undefined || v === null || v === '' ? '(leeg)' : `‘${String(v)}’`);

export type ConflictText = { label: string; mine: string; theirs: string };

export function describeRegionConflict(key: MergeKey, states: { base: RegionState | null; mine: RegionState; theirs: RegionState }, names: Names): ConflictText {
  const docs = { base: states.base ? regionDoc(states.base) : null, mine: regionDoc(states.mine), theirs: regionDoc(states.theirs) };
  const recordOf = (doc: Doc | null, collection: string, id: string) => doc?.collections.get(collection)?.records.get(id);
  const memberName = (k: string) => text((recordOf(docs.mine, MEMBERS, k) ?? recordOf(docs.theirs, MEMBERS, k) ?? recordOf(docs.base, MEMBERS, k))?.get('name')) || k;
  const recordName = (collection: string, id: string): string => {
    const f = recordOf(docs.mine, collection, id) ?? recordOf(docs.theirs, collection, id) ?? new Map<string, Scalar>();
    if (collection === MEMBERS) return `Gemeente ${memberName(id)}`;
    if (collection === SHARED) return `Gedeelde kostenpost ‘${text(f.get('description')) || names.category(text(f.get('costCategory')))}’`;
    return `Trajectpost ‘${names.intervention(text(f.get('intervention')))}’`;
  };
  const fieldLabel = (field: string): string => {
    if (field.startsWith(AMOUNT)) return `bedrag ${field.slice(AMOUNT.length)}`;
    if (field.startsWith(COUNT)) {
      const rest = field.slice(COUNT.length);
      const at = rest.lastIndexOf(':');
      return `trajecten ${memberName(rest.slice(0, at))} ${rest.slice(at + 1)}`;
    }
    const labels: Record<string, string> = {
      name: 'naam',
      children0to4: 'kinderen 0–4',
      children0to18: 'kinderen 0–18',
      costCategory: 'kostensoort',
      description: 'omschrijving',
      splitKey: 'verdeelsleutel',
      percentages: 'vaste percentages',
      intervention: 'interventie',
      pricePerTrajectory: 'prijs per traject',
      basis: 'aantal trajecten volgens',
      percentage: 'geadviseerd percentage',
    };
    return labels[field] ?? field;
  };
  const fieldValue = (field: string, v: Scalar | undefined): string => {
    if (field.startsWith(AMOUNT) || field === 'pricePerTrajectory') return formatEuro(int(v));
    if (field.startsWith(COUNT) || field === 'children0to4' || field === 'children0to18') return formatNumber(int(v));
    if (field === 'costCategory') return typeof v === 'string' ? names.category(v) : quote(v);
    if (field === 'splitKey') return SPLIT_KEY_LABEL[SPLIT_KEYS.find((k) => k === v) ?? 'gelijk'];
    if (field === 'basis') return TRAJECTORY_BASIS_LABEL[TRAJECTORY_BASES.find((b) => b === v) ?? 'historisch'];
    if (field === 'percentage') return typeof v === 'number' ? `${formatBp(Math.round(v * 100))}%` : '(geen)';
    if (field === 'percentages') {
      const list: unknown = typeof v === 'string' ? JSON.parse(v) : null;
      return Array.isArray(list) ? list.map((p) => (typeof p === 'number' ? formatBp(Math.round(p * 100)) : '?')).join('; ') : '(geen)';
    }
    return quote(v);
  };
  const diff = (before: Fields, after: Fields, only: (field: string) => boolean = () => true, prefix = '') =>
    [...new Set([...before.keys(), ...after.keys()])]
      .filter((f) => only(f) && before.get(f) !== after.get(f))
      .map((f) => `${prefix}${fieldLabel(f)} ${fieldValue(f, before.get(f))} → ${fieldValue(f, after.get(f))}`);
  const changes = (collection: string, id: string, side: Doc) => {
    const empty = new Map<string, Scalar>();
    const parts = diff(recordOf(docs.base, collection, id) ?? empty, recordOf(side, collection, id) ?? empty);
    // A member's trajectories are in the trajectory items.
    if (collection === MEMBERS) {
      for (const [itemId, after] of side.collections.get(TRAJECTORIES)?.records ?? []) {
        const before = recordOf(docs.base, TRAJECTORIES, itemId);
        if (before) parts.push(...diff(before, after, (f) => f.startsWith(`${COUNT}${id}:`), `${names.intervention(text(after.get('intervention')))}: `));
      }
    }
    return parts.join('; ');
  };

  switch (key.kind) {
    case 'field': {
      const field = FIELDS.find((f) => f === key.field);
      return { label: field ? FIELD_LABEL[field] : key.field, mine: quote(docs.mine.fields.get(key.field)), theirs: quote(docs.theirs.fields.get(key.field)) };
    }
    case 'record-field':
      return {
        label: `${recordName(key.collection, key.id)}: ${fieldLabel(key.field)}`,
        mine: fieldValue(key.field, recordOf(docs.mine, key.collection, key.id)?.get(key.field)),
        theirs: fieldValue(key.field, recordOf(docs.theirs, key.collection, key.id)?.get(key.field)),
      };
    case 'record': {
      const side = (doc: Doc, who: string) => {
        if (!recordOf(doc, key.collection, key.id)) return 'verwijderd';
        const c = changes(key.collection, key.id, doc);
        return c ? `behouden, met ${who} wijzigingen: ${c}` : 'behouden';
      };
      return { label: recordName(key.collection, key.id), mine: side(docs.mine, 'uw'), theirs: side(docs.theirs, 'hun') };
    }
    case 'order': {
      const label = key.collection === MEMBERS ? 'Volgorde van de gemeenten' : key.collection === SHARED ? 'Volgorde van de gedeelde kostenposten' : 'Volgorde van de trajectposten';
      const order = (doc: Doc) => (doc.collections.get(key.collection)?.order ?? []).map((id) => (key.collection === MEMBERS ? memberName(id) : recordName(key.collection, id))).join(', ');
      return { label, mine: order(docs.mine), theirs: order(docs.theirs) };
    }
  }
}
