import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFrom, keyString, mergeDocs, mergeValue, parseKey, type Doc, type Fields, type MergeKey, type Scalar } from '@/lib/merge/core';

// The generic three-way merge, on small random documents: a few fields of
// the document itself and one collection of keyed records.

type Plain = { fields: Record<string, Scalar>; records: Record<string, Record<string, Scalar>>; order: string[] };

const doc = (p: Plain): Doc => ({
  fields: new Map(Object.entries(p.fields)),
  collections: new Map([['x', { records: new Map(Object.entries(p.records).map(([id, f]) => [id, new Map(Object.entries(f))])), order: p.order }]]),
});

/** Comparable form: field maps sorted, order as is. */
function plain(d: Doc): Plain {
  const sorted = (f: Fields) => Object.fromEntries([...f.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const x = d.collections.get('x');
  return {
    fields: sorted(d.fields),
    records: Object.fromEntries([...(x?.records.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, f]) => [id, sorted(f)])),
    order: [...(x?.order ?? [])],
  };
}

const FIELD_NAMES = ['a', 'b', 'c', 'd'];
const RECORD_FIELDS = ['f0', 'f1', 'f2'];
const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('p', 'q', 'r'), fc.constant(null));
const maybeValue = fc.option(value, { nil: undefined });

const fieldsArb = (names: string[]) =>
  fc.tuple(...names.map(() => maybeValue)).map((values) => {
    const out: Record<string, Scalar> = {};
    names.forEach((n, i) => {
      const v = values[i];
      if (v !== undefined) out[n] = v;
    });
    return out;
  });

const baseArb: fc.Arbitrary<Plain> = fc
  .tuple(fieldsArb(FIELD_NAMES), fc.uniqueArray(fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4'), { maxLength: 5 }), fc.array(fieldsArb(RECORD_FIELDS), { minLength: 5, maxLength: 5 }))
  .map(([fields, ids, recordFields]) => ({
    fields,
    records: Object.fromEntries(ids.map((id, i) => [id, recordFields[i] ?? {}])),
    order: ids,
  }));

/** A value that differs from `v` (so an edit is a real change). */
const other = (v: Scalar | undefined, salt: number): Scalar => {
  const options: Scalar[] = [0, 1, 2, 3, 'p', 'q', 'r', null, 'z'];
  const candidates = options.filter((o) => o !== v);
  return candidates[salt % candidates.length] ?? 'z';
};

type Owner = 'none' | 'mine' | 'theirs';
type Side = 'mine' | 'theirs';

/**
 * Two edits of disjoint parts of `base`: every document field, every record
 * field and every record (removal) belongs to at most one side; each side may
 * add records. Returns both edited documents and "both applied".
 */
function disjointEdits(base: Plain, seed: number[]): { mine: Plain; theirs: Plain; both: Plain } {
  let i = 0;
  const next = () => seed[i++ % seed.length] ?? 0;
  const owner = (): Owner => (['none', 'mine', 'theirs'] as const)[next() % 3] ?? 'none';
  const sides: Record<Side, Plain> = { mine: structuredClone(base), theirs: structuredClone(base) };
  const both = structuredClone(base);
  const set = (target: Record<string, Scalar>, key: string, v: Scalar | undefined) => {
    if (v === undefined) delete target[key];
    else target[key] = v;
  };
  for (const f of FIELD_NAMES) {
    const who = owner();
    if (who === 'none') continue;
    // Sometimes a field is cleared (back to its default).
    const v = next() % 5 === 0 ? undefined : other(base.fields[f], next());
    set(sides[who].fields, f, v);
    set(both.fields, f, v);
  }
  const removed = new Set<string>();
  for (const id of base.order) {
    const how = next() % 4; // 0: untouched, 1: removed by one side, 2: fields owned per field, 3: one side edits fields
    if (how === 1) {
      const who: Side = next() % 2 === 0 ? 'mine' : 'theirs';
      delete sides[who].records[id];
      sides[who].order = sides[who].order.filter((x) => x !== id);
      removed.add(id);
      continue;
    }
    if (how === 0) continue;
    const only: Side = next() % 2 === 0 ? 'mine' : 'theirs';
    for (const f of RECORD_FIELDS) {
      const who = how === 3 ? only : owner();
      if (who === 'none' || next() % 2 === 0) continue;
      const v = next() % 5 === 0 ? undefined : other(base.records[id]?.[f], next());
      const target = sides[who].records[id];
      const expected = both.records[id];
      if (target) set(target, f, v);
      if (expected) set(expected, f, v);
    }
  }
  for (const id of removed) delete both.records[id];
  both.order = base.order.filter((id) => !removed.has(id));
  // Additions, at the end of each side's list: theirs first, then mine, in "both".
  for (const who of ['theirs', 'mine'] as const) {
    const n = next() % 3;
    for (let k = 0; k < n; k++) {
      const id = `${who === 'mine' ? 'm' : 't'}${k}`;
      const fields = { f0: other(null, next()) };
      sides[who].records[id] = fields;
      sides[who].order.push(id);
      both.records[id] = { ...fields };
      both.order.push(id);
    }
  }
  return { mine: sides.mine, theirs: sides.theirs, both };
}

/** Any edit of `base` (fields, records removed, added, reordered). */
function anyEdit(base: Plain, seed: number[]): Plain {
  const { mine } = disjointEdits(base, seed.map((s) => s * 3));
  const x = structuredClone(mine);
  // Also records removed and a shuffle of the order.
  if ((seed[0] ?? 0) % 2 === 0 && x.order.length > 1) {
    const [first, ...rest] = x.order;
    x.order = [...rest, first ?? ''];
  }
  return x;
}

const seedArb = fc.array(fc.nat({ max: 1000 }), { minLength: 40, maxLength: 40 });

describe('mergeValue', () => {
  it('takes the side that changed; mine at a conflict', () => {
    expect(mergeValue(1, 1, 1)).toEqual({ value: 1, outcome: 'same' });
    expect(mergeValue(1, 2, 1)).toEqual({ value: 2, outcome: 'mine' });
    expect(mergeValue(1, 1, 3)).toEqual({ value: 3, outcome: 'theirs' });
    expect(mergeValue(1, 2, 2)).toEqual({ value: 2, outcome: 'both' });
    expect(mergeValue(1, 2, 3)).toEqual({ value: 2, outcome: 'conflict' });
  });
});

describe('keys', () => {
  it('round-trip through their string form (form fields), whatever the names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const keys: MergeKey[] = [
          { kind: 'field', field: a },
          { kind: 'record-field', collection: a, id: b, field: c },
          { kind: 'record', collection: a, id: b },
          { kind: 'order', collection: c },
        ];
        for (const k of keys) expect(parseKey(keyString(k))).toEqual(k);
      }),
    );
    expect(parseKey('nonsense')).toBeNull();
    expect(parseKey('["f"]')).toBeNull();
    expect(parseKey('["x","y"]')).toBeNull();
  });
});

describe('mergeDocs (property)', () => {
  it('merging two edits of disjoint fields equals applying both, without conflicts', () => {
    fc.assert(
      fc.property(baseArb, seedArb, (base, seed) => {
        const { mine, theirs, both } = disjointEdits(base, seed);
        const result = mergeDocs(doc(base), doc(mine), doc(theirs));
        expect(result.conflicts).toEqual([]);
        expect(plain(result.merged)).toEqual(plain(doc(both)));
      }),
      { numRuns: 200 },
    );
  });

  it('the base plus what was taken from theirs is the merge when I changed nothing', () => {
    fc.assert(
      fc.property(baseArb, seedArb, (base, seed) => {
        const x = anyEdit(base, seed);
        const result = mergeDocs(doc(base), doc(base), doc(x));
        expect(plain(applyFrom(doc(base), doc(x), result.taken))).toEqual(plain(doc(x)));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, x, base) = x and merge(base, base, x) = x', () => {
    fc.assert(
      fc.property(baseArb, seedArb, (base, seed) => {
        const x = anyEdit(base, seed);
        const mineOnly = mergeDocs(doc(base), doc(x), doc(base));
        expect(mineOnly.conflicts).toEqual([]);
        expect(mineOnly.taken).toEqual([]);
        expect(plain(mineOnly.merged)).toEqual(plain(doc(x)));
        const theirsOnly = mergeDocs(doc(base), doc(base), doc(x));
        expect(theirsOnly.conflicts).toEqual([]);
        expect(plain(theirsOnly.merged)).toEqual(plain(doc(x)));
      }),
      { numRuns: 200 },
    );
  });

  it('the same field changed differently on both sides is always a conflict, and the merge keeps mine there', () => {
    fc.assert(
      fc.property(baseArb, seedArb, fc.nat(), fc.nat(), (base, seed, pick, salt) => {
        const { mine, theirs } = disjointEdits(base, seed);
        // One more change, on both sides, to the same field: a document field or a field of a record both still have.
        const shared = base.order.filter((id) => mine.records[id] && theirs.records[id]);
        const targets: { key: MergeKey; get: (p: Plain) => Record<string, Scalar> | undefined; field: string }[] = [
          ...FIELD_NAMES.map((f) => ({ key: { kind: 'field', field: f } as MergeKey, get: (p: Plain) => p.fields, field: f })),
          ...shared.flatMap((id) => RECORD_FIELDS.map((f) => ({ key: { kind: 'record-field', collection: 'x', id, field: f } as MergeKey, get: (p: Plain) => p.records[id], field: f }))),
        ];
        const target = targets[pick % targets.length];
        if (!target) return;
        const baseValue = target.get(base)?.[target.field];
        const a = other(baseValue, salt);
        const b = other(baseValue, salt + 1);
        if (a === b) return;
        const m = target.get(mine);
        const t = target.get(theirs);
        if (m) m[target.field] = a;
        if (t) t[target.field] = b;
        const result = mergeDocs(doc(base), doc(mine), doc(theirs));
        expect(result.conflicts).toContainEqual(target.key);
        expect(target.get(plain(result.merged))?.[target.field]).toBe(a);
      }),
      { numRuns: 200 },
    );
  });

  it('a record removed on one side and changed on the other is a conflict about the record', () => {
    fc.assert(
      fc.property(baseArb, fc.nat(), fc.boolean(), (base, salt, mineRemoves) => {
        const id = base.order[0];
        if (!id) return;
        const remover = structuredClone(base);
        delete remover.records[id];
        remover.order = remover.order.filter((x) => x !== id);
        const changer = structuredClone(base);
        const record = changer.records[id];
        if (record) record.f0 = other(record.f0, salt);
        const [mine, theirs] = mineRemoves ? [remover, changer] : [changer, remover];
        const result = mergeDocs(doc(base), doc(mine), doc(theirs));
        expect(result.conflicts).toContainEqual({ kind: 'record', collection: 'x', id });
        // Provisionally mine: gone when I removed it, my version when I changed it.
        expect(plain(result.merged).records[id]).toEqual(mineRemoves ? undefined : plain(doc(changer)).records[id]);
        // Choosing theirs gives their side back.
        const chosen = applyFrom(result.merged, doc(theirs), [{ kind: 'record', collection: 'x', id }]);
        expect(plain(chosen).records[id]).toEqual(mineRemoves ? plain(doc(changer)).records[id] : undefined);
      }),
    );
  });
});

describe('mergeDocs (examples)', () => {
  const base: Plain = { fields: { a: 1 }, records: { r1: { f0: 1 }, r2: { f0: 2 }, r3: { f0: 3 } }, order: ['r1', 'r2', 'r3'] };

  it('different reorders of the same records are a conflict; one side reordering is taken', () => {
    const mine = { ...base, order: ['r3', 'r1', 'r2'] };
    const theirs = { ...base, order: ['r2', 'r1', 'r3'] };
    expect(mergeDocs(doc(base), doc(mine), doc(theirs)).conflicts).toEqual([{ kind: 'order', collection: 'x' }]);
    const taken = mergeDocs(doc(base), doc(base), doc(theirs));
    expect(taken.taken).toEqual([{ kind: 'order', collection: 'x' }]);
    expect(plain(taken.merged).order).toEqual(['r2', 'r1', 'r3']);
  });

  it('records added on both sides keep their place after the record before them', () => {
    const mine = { ...base, records: { ...base.records, m: { f0: 9 } }, order: ['r1', 'm', 'r2', 'r3'] };
    const theirs = { ...base, records: { ...base.records, t: { f0: 8 } }, order: ['r1', 't', 'r2', 'r3'] };
    expect(plain(mergeDocs(doc(base), doc(mine), doc(theirs)).merged).order).toEqual(['r1', 't', 'm', 'r2', 'r3']);
  });

  it('the same record added on both sides merges per field', () => {
    const mine = { ...base, records: { ...base.records, n: { f0: 1, f1: 'p' } }, order: [...base.order, 'n'] };
    const theirs = { ...base, records: { ...base.records, n: { f0: 1, f1: 'q' } }, order: [...base.order, 'n'] };
    expect(mergeDocs(doc(base), doc(mine), doc(theirs)).conflicts).toEqual([{ kind: 'record-field', collection: 'x', id: 'n', field: 'f1' }]);
  });

  it('without a base (unreadable), every difference is a conflict and nothing is taken', () => {
    const mine = { ...base, fields: { a: 2 } };
    const theirs = { ...base, fields: { a: 3 }, records: { ...base.records, t: { f0: 1 } }, order: [...base.order, 't'] };
    const result = mergeDocs(null, doc(mine), doc(theirs));
    expect(result.taken).toEqual([]);
    expect(result.conflicts).toEqual([
      { kind: 'field', field: 'a' },
      { kind: 'record', collection: 'x', id: 't' },
    ]);
    expect(mergeDocs(null, doc(base), doc(structuredClone(base))).conflicts).toEqual([]);
  });
});
