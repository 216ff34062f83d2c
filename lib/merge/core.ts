/**
 * The generic three-way merge behind stale saves of funding plans
 * (lib/plans/merge.ts) and regional plans (lib/regions/merge.ts). No zod and
 * no server code.
 *
 * Both kinds of plan are flattened into a Doc: scalar fields of the document
 * itself, plus named collections of keyed records (funding lines by id,
 * members by name, cost items by what names them), each record a map of
 * scalar fields, and each collection an order. A field that is missing has
 * its default (an amount of 0), so "absent" and "0" must be flattened alike.
 *
 * mergeDocs(base, mine, theirs) merges per field: a field changed on one side
 * only takes that side's value; a field changed on both sides to the same
 * value is fine; a field changed on both sides to different values is a
 * conflict, and the merged Doc then holds MY value (provisionally: the user
 * chooses). A record removed on one side and changed on the other is a
 * conflict about the record as a whole. Orders merge as one field each (the
 * relative order of the records both sides still have), with records added on
 * either side placed after their predecessor.
 *
 * applyFrom(target, source, keys) copies the values at `keys` from source to
 * target: how a "their value" choice is applied, and how the list of what was
 * merged automatically is made (base + their taken changes, then described
 * with the existing diff).
 */

export type Scalar = string | number | boolean | null;
/** A record (or the document's own fields) as flat scalar fields; a missing field is its default. */
export type Fields = ReadonlyMap<string, Scalar>;
export type Collection = { records: ReadonlyMap<string, Fields>; order: readonly string[] };
export type Doc = { fields: Fields; collections: ReadonlyMap<string, Collection> };

/** Where a difference is: a field of the document, a field of a record, a record as a whole, or the order of a collection. */
export type MergeKey =
  | { kind: 'field'; field: string }
  | { kind: 'record-field'; collection: string; id: string; field: string }
  | { kind: 'record'; collection: string; id: string }
  | { kind: 'order'; collection: string };

export type MergeResult = {
  /** Everything merged; at a conflict, my value. */
  merged: Doc;
  /** Their changes that were taken automatically (my side had not changed them). */
  taken: MergeKey[];
  /** Changed on both sides, differently: the user must choose. */
  conflicts: MergeKey[];
};

/** A key as one string (for form fields), and back. */
export function keyString(key: MergeKey): string {
  switch (key.kind) {
    case 'field':
      return JSON.stringify(['f', key.field]);
    case 'record-field':
      return JSON.stringify(['r', key.collection, key.id, key.field]);
    case 'record':
      return JSON.stringify(['p', key.collection, key.id]);
    case 'order':
      return JSON.stringify(['o', key.collection]);
  }
}

export function parseKey(text: string): MergeKey | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data) || !data.every((p): p is string => typeof p === 'string')) return null;
  const [kind, a, b, c] = data;
  if (kind === 'f' && data.length === 2 && a !== undefined) return { kind: 'field', field: a };
  if (kind === 'r' && data.length === 4 && a !== undefined && b !== undefined && c !== undefined) return { kind: 'record-field', collection: a, id: b, field: c };
  if (kind === 'p' && data.length === 3 && a !== undefined && b !== undefined) return { kind: 'record', collection: a, id: b };
  if (kind === 'o' && data.length === 2 && a !== undefined) return { kind: 'order', collection: a };
  return null;
}

export type Outcome = 'same' | 'mine' | 'theirs' | 'both' | 'conflict';

/** No base known (an unreadable revision): every difference between mine and theirs is then a conflict. */
const UNKNOWN = Symbol('unknown base');
type Base<T> = T | typeof UNKNOWN;

/** Three-way merge of one value. At a conflict the value is mine. */
export function mergeValue<T>(base: Base<T>, mine: T, theirs: T, equal: (a: T, b: T) => boolean = Object.is): { value: T; outcome: Outcome } {
  const isBase = (v: T) => base !== UNKNOWN && equal(v, base);
  if (equal(mine, theirs)) return { value: mine, outcome: isBase(mine) ? 'same' : 'both' };
  if (isBase(mine)) return { value: theirs, outcome: 'theirs' };
  if (isBase(theirs)) return { value: mine, outcome: 'mine' };
  return { value: mine, outcome: 'conflict' };
}

export function sameFields(a: Fields, b: Fields): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Per field of one record (or of the document). `onEvent` hears every field taken from theirs or in conflict. */
function mergeFields(base: Fields | null, mine: Fields, theirs: Fields, onEvent: (field: string, outcome: 'theirs' | 'conflict') => void): Map<string, Scalar> {
  const merged = new Map<string, Scalar>();
  const keys = new Set([...(base?.keys() ?? []), ...mine.keys(), ...theirs.keys()]);
  for (const field of keys) {
    const b: Base<Scalar | undefined> = base ? base.get(field) : UNKNOWN;
    const { value, outcome } = mergeValue(b, mine.get(field), theirs.get(field));
    if (value !== undefined) merged.set(field, value);
    if (outcome === 'theirs' || outcome === 'conflict') onEvent(field, outcome);
  }
  return merged;
}

/**
 * Where `id` goes when it is put into `order` (a list being built): right
 * after its nearest predecessor in `from` that is already there, and after
 * any records following that predecessor which `from` does not know (added
 * by the other side), so additions of both sides keep their own order.
 */
function insertAt(order: string[], id: string, from: readonly string[]): void {
  const known = new Set(from);
  const at = from.indexOf(id);
  let pos = 0;
  for (let i = at - 1; i >= 0; i--) {
    const before = order.indexOf(from[i] ?? '');
    if (before >= 0) {
      pos = before + 1;
      break;
    }
  }
  while (pos < order.length && !known.has(order[pos] ?? '')) pos++;
  order.splice(pos, 0, id);
}

/** `primary` kept to the ids in `keep`, then every id of `secondary` in `keep` that is not there yet, after its predecessor. */
function weave(primary: readonly string[], secondary: readonly string[], keep: ReadonlySet<string>): string[] {
  const order = primary.filter((id) => keep.has(id));
  const placed = new Set(order);
  for (const id of secondary) {
    if (!keep.has(id) || placed.has(id)) continue;
    insertAt(order, id, secondary);
    placed.add(id);
  }
  for (const id of keep) if (!placed.has(id)) order.push(id);
  return order;
}

/** The order of a collection as one field: the relative order of the records all sides have. */
function mergeOrder(base: readonly string[] | null, mine: readonly string[], theirs: readonly string[], keep: ReadonlySet<string>): { order: string[]; outcome: Outcome } {
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  const inBase = base ? new Set(base) : null;
  const common = (id: string) => inMine.has(id) && inTheirs.has(id) && (!inBase || inBase.has(id));
  const b: Base<string[]> = base ? base.filter(common) : UNKNOWN;
  const { outcome } = mergeValue(b, mine.filter(common), theirs.filter(common), sameList);
  // Their order leads unless only I changed it (or we disagree: then mine, provisionally).
  const order = outcome === 'mine' || outcome === 'conflict' ? weave(mine, theirs, keep) : weave(theirs, mine, keep);
  return { order, outcome };
}

/** Records of one collection: per record and per field; removals against changes are conflicts. */
function mergeCollection(name: string, base: Collection | null, mine: Collection, theirs: Collection, result: { taken: MergeKey[]; conflicts: MergeKey[] }): Collection {
  const records = new Map<string, Fields>();
  const ids = new Set([...(base?.order ?? []), ...(base?.records.keys() ?? []), ...mine.records.keys(), ...theirs.records.keys()]);
  for (const id of ids) {
    const b = base ? (base.records.get(id) ?? null) : undefined;
    const m = mine.records.get(id);
    const t = theirs.records.get(id);
    const recordKey: MergeKey = { kind: 'record', collection: name, id };
    if (m && t) {
      records.set(
        id,
        mergeFields(b === undefined ? null : (b ?? new Map()), m, t, (field, outcome) => {
          const key: MergeKey = { kind: 'record-field', collection: name, id, field };
          // Fields of a record both added are not "taken": the record was never in the base.
          if (outcome === 'conflict') result.conflicts.push(key);
          else if (b) result.taken.push(key);
        }),
      );
    } else if (m) {
      // Theirs does not have it: they removed it (unchanged by me: gone), or I added it.
      if (b === null) records.set(id, m);
      else if (b && sameFields(b, m)) result.taken.push(recordKey);
      else {
        result.conflicts.push(recordKey);
        records.set(id, m);
      }
    } else if (t) {
      // Mine does not have it: I removed it (unchanged by them: gone), or they added it.
      if (b === null) {
        result.taken.push(recordKey);
        records.set(id, t);
      } else if (!b || !sameFields(b, t)) {
        result.conflicts.push(recordKey);
      }
    }
  }
  const { order, outcome } = mergeOrder(base ? base.order : null, mine.order, theirs.order, new Set(records.keys()));
  if (outcome === 'theirs') result.taken.push({ kind: 'order', collection: name });
  if (outcome === 'conflict') result.conflicts.push({ kind: 'order', collection: name });
  return { records, order };
}

const EMPTY: Collection = { records: new Map(), order: [] };

/**
 * Three-way merge. `base` is the version both started from; null when it
 * cannot be read (then every difference is a conflict, nothing is taken
 * unseen).
 */
export function mergeDocs(base: Doc | null, mine: Doc, theirs: Doc): MergeResult {
  const result: { taken: MergeKey[]; conflicts: MergeKey[] } = { taken: [], conflicts: [] };
  const fields = mergeFields(base ? base.fields : null, mine.fields, theirs.fields, (field, outcome) => {
    (outcome === 'conflict' ? result.conflicts : result.taken).push({ kind: 'field', field });
  });
  const names = new Set([...(base?.collections.keys() ?? []), ...mine.collections.keys(), ...theirs.collections.keys()]);
  const collections = new Map<string, Collection>();
  for (const name of names) {
    collections.set(
      name,
      mergeCollection(name, base ? (base.collections.get(name) ?? EMPTY) : null, mine.collections.get(name) ?? EMPTY, theirs.collections.get(name) ?? EMPTY, result),
    );
  }
  return { merged: { fields, collections }, ...result };
}

/** `target` with the values of `source` at `keys` (a record: the whole record, put after its predecessor in source's order). */
export function applyFrom(target: Doc, source: Doc, keys: readonly MergeKey[]): Doc {
  const fields = new Map(target.fields);
  const collections = new Map<string, { records: Map<string, Fields>; order: string[] }>();
  for (const [name, c] of target.collections) collections.set(name, { records: new Map(c.records), order: [...c.order] });
  const set = (map: Map<string, Scalar>, field: string, value: Scalar | undefined) => {
    if (value === undefined) map.delete(field);
    else map.set(field, value);
  };
  for (const key of keys) {
    if (key.kind === 'field') {
      set(fields, key.field, source.fields.get(key.field));
      continue;
    }
    const from = source.collections.get(key.collection) ?? EMPTY;
    let to = collections.get(key.collection);
    if (!to) {
      to = { records: new Map(), order: [] };
      collections.set(key.collection, to);
    }
    if (key.kind === 'record-field') {
      const record = to.records.get(key.id);
      const sourceRecord = from.records.get(key.id);
      if (!record || !sourceRecord) continue;
      const copy = new Map(record);
      set(copy, key.field, sourceRecord.get(key.field));
      to.records.set(key.id, copy);
    } else if (key.kind === 'record') {
      const sourceRecord = from.records.get(key.id);
      if (sourceRecord) {
        if (!to.records.has(key.id)) insertAt(to.order, key.id, from.order);
        to.records.set(key.id, new Map(sourceRecord));
      } else {
        to.records.delete(key.id);
        to.order = to.order.filter((id) => id !== key.id);
      }
    } else {
      to.order = weave(from.order, to.order, new Set(to.records.keys()));
    }
  }
  return { fields, collections };
}
