import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyString, type MergeKey } from '@/lib/merge/core';
import { formatEuro } from '@/lib/money';
import type { Names } from '@/lib/regions/calculate';
import { describeRegionConflict, describeRegionMerge, mergeRegions, resolveRegionChoices } from '@/lib/regions/merge';
import type { RegionState } from '@/lib/regions/schema';
import { advisedItem, countsPerYear, historicalItem, perYear, sharedItem } from './support/region-items';

// Three-way merge of regional plans (stale saves), at the granularity of
// lib/regions/diff.ts: name and years, members by name, items by what names
// them, amounts per year, trajectories per member and year.

const names: Names = {
  category: (s) => ({ voorinvesteringen: '(Voor)investeringen', proceskosten: 'Proceskosten', interventies: 'Interventies' })[s] ?? s,
  intervention: (s) => ({ voorzorg: 'VoorZorg', 'stevig-ouderschap': 'Stevig Ouderschap' })[s] ?? s,
};

const base: RegionState = {
  name: 'Gelderland-Midden',
  startYear: 2026,
  endYear: 2027,
  members: [
    { name: 'Arnhem', children0to4: 7000, children0to18: 30000 },
    { name: 'Ede', children0to4: 6000, children0to18: 25000 },
    { name: 'Renkum', children0to4: 1000, children0to18: 6000 },
  ],
  sharedItems: [sharedItem('Training', 'voorinvesteringen', perYear(2026, [40_000, 0]), 'kinderen-0-4'), sharedItem(null, 'proceskosten', perYear(2026, [10_000, 10_000]), 'gelijk')],
  trajectoryItems: [historicalItem('voorzorg', 'interventies', 4500, countsPerYear(2026, [[12, 9, 1], [14, 9, 1]])), advisedItem('stevig-ouderschap', 'interventies', 1000, 1.5)],
};

type Op = (s: RegionState) => void;
const memberIndex = (s: RegionState, name: string) => s.members.findIndex((m) => m.name === name);

const ops = {
  name: (n: number): Op => (s) => void (s.name = `Regio ${n}`),
  children: (member: string, n: number): Op => (s) => {
    const m = s.members[memberIndex(s, member)];
    if (m) m.children0to4 = 100 + n;
  },
  removeMember: (member: string): Op => (s) => {
    const i = memberIndex(s, member);
    if (i < 0) return;
    s.members.splice(i, 1);
    for (const t of s.trajectoryItems) for (const y of t.trajectories ?? []) y.counts.splice(i, 1);
  },
  addMember: (member: string, count: number): Op => (s) => {
    s.members.push({ name: member, children0to4: 500, children0to18: 2500 });
    for (const t of s.trajectoryItems) for (const y of t.trajectories ?? []) y.counts.push(count);
  },
  amount: (description: string | null, year: number, n: number): Op => (s) => {
    const item = s.sharedItems.find((x) => x.description === description);
    const a = item?.amounts.find((x) => x.year === year);
    if (a) a.amount = n;
  },
  splitKey: (description: string | null): Op => (s) => {
    const item = s.sharedItems.find((x) => x.description === description);
    if (item) item.splitKey = item.splitKey === 'gelijk' ? 'kinderen-0-18' : 'gelijk';
  },
  removeShared: (description: string | null): Op => (s) => void (s.sharedItems = s.sharedItems.filter((x) => x.description !== description)),
  addShared: (description: string): Op => (s) => void s.sharedItems.push(sharedItem(description, 'proceskosten', perYear(2026, [1_500, 0]))),
  price: (intervention: string, n: number): Op => (s) => {
    const t = s.trajectoryItems.find((x) => x.intervention === intervention);
    if (t) t.pricePerTrajectory = 2000 + n;
  },
  count: (member: string, year: number, n: number): Op => (s) => {
    const i = memberIndex(s, member);
    const y = s.trajectoryItems.find((x) => x.intervention === 'voorzorg')?.trajectories?.find((x) => x.year === year);
    if (y && i >= 0) y.counts[i] = n;
  },
};

/** Disjoint edits of `base`: a member removed by one side is touched by nobody else; each slot has one owner. */
function disjointEdits(seed: number[]) {
  let i = 0;
  const next = () => seed[i++ % seed.length] ?? 0;
  const mine: Op[] = [];
  const theirs: Op[] = [];
  const give = (op: Op) => {
    const who = next() % 3;
    if (who === 1) mine.push(op);
    if (who === 2) theirs.push(op);
  };
  give(ops.name(next()));
  const removed = new Set<string>();
  for (const m of base.members) {
    if (next() % 5 === 0) {
      removed.add(m.name);
      give(ops.removeMember(m.name));
    } else {
      give(ops.children(m.name, next()));
      for (const year of [2026, 2027]) give(ops.count(m.name, year, next() % 30));
    }
  }
  for (const item of base.sharedItems) {
    if (next() % 5 === 0) {
      give(ops.removeShared(item.description));
      continue;
    }
    give(ops.splitKey(item.description));
    for (const year of [2026, 2027]) give(ops.amount(item.description, year, next() * 10));
  }
  give(ops.price('voorzorg', next()));
  give(ops.price('stevig-ouderschap', next()));
  // Additions (new names per side), applied after the other ops of that side.
  if (next() % 2 === 0) mine.push(ops.addMember('Wageningen', 3), ops.addShared('Licenties'));
  if (next() % 2 === 0) theirs.push(ops.addMember('Zevenaar', 4), ops.addShared('Website'));
  const apply = (list: Op[], s = structuredClone(base)) => {
    list.forEach((op) => op(s));
    return s;
  };
  return { mine: apply(mine), theirs: apply(theirs), both: apply(mine, apply(theirs)) };
}

const seedArb = fc.array(fc.nat({ max: 999 }), { minLength: 50, maxLength: 50 });

describe('mergeRegions (property)', () => {
  it('merging two edits of disjoint fields equals applying both', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const { mine, theirs, both } = disjointEdits(seed);
        const merge = mergeRegions(base, mine, theirs);
        expect(merge.conflicts).toEqual([]);
        expect(merge.merged).toEqual(both);
        expect(merge.years).toEqual([2026, 2027]);
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, x, base) = x and merge(base, base, x) = x', () => {
    fc.assert(
      fc.property(seedArb, fc.boolean(), (seed, reorder) => {
        const x = disjointEdits(seed).mine;
        if (reorder) {
          // Members reordered, with the trajectories following their member.
          const order = x.members.map((_, i) => i).reverse();
          x.members = order.map((i) => x.members[i] ?? { name: '?', children0to4: 0, children0to18: 0 });
          for (const t of x.trajectoryItems) for (const y of t.trajectories ?? []) y.counts = order.map((i) => y.counts[i] ?? 0);
        }
        for (const merge of [mergeRegions(base, x, base), mergeRegions(base, base, x)]) {
          expect(merge.conflicts).toEqual([]);
          expect(merge.merged).toEqual(x);
        }
        expect(mergeRegions(base, base, x).taken).toEqual(x);
      }),
      { numRuns: 200 },
    );
  });

  it('the same field changed differently on both sides always surfaces as a conflict', () => {
    const same: [Op, Op, MergeKey][] = [
      [ops.name(1), ops.name(2), { kind: 'field', field: 'name' }],
      [ops.children('Ede', 1), ops.children('Ede', 2), { kind: 'record-field', collection: 'members', id: 'ede', field: 'children0to4' }],
      [ops.amount('Training', 2027, 5), ops.amount('Training', 2027, 6), { kind: 'record-field', collection: 'shared', id: 'gedeeld:training', field: 'amount:2027' }],
      [ops.price('voorzorg', 1), ops.price('voorzorg', 2), { kind: 'record-field', collection: 'trajectories', id: 'trajecten:voorzorg', field: 'pricePerTrajectory' }],
      [ops.count('Arnhem', 2026, 20), ops.count('Arnhem', 2026, 21), { kind: 'record-field', collection: 'trajectories', id: 'trajecten:voorzorg', field: 'count:arnhem:2026' }],
    ];
    fc.assert(
      fc.property(seedArb, fc.nat(), (seed, pick) => {
        const [a, b, key] = same[pick % same.length] ?? same[0] ?? [ops.name(1), ops.name(2), { kind: 'field', field: 'name' }];
        const { mine, theirs } = disjointEdits(seed);
        // Only where both still have what is changed.
        if (key.kind === 'record-field' && key.collection === 'members' && (memberIndex(mine, 'Ede') < 0 || memberIndex(theirs, 'Ede') < 0)) return;
        if (key.kind === 'record-field' && key.field.includes('arnhem') && (memberIndex(mine, 'Arnhem') < 0 || memberIndex(theirs, 'Arnhem') < 0)) return;
        if (key.kind === 'record-field' && key.collection === 'shared' && !(mine.sharedItems.some((s) => s.description === 'Training') && theirs.sharedItems.some((s) => s.description === 'Training'))) return;
        a(mine);
        b(theirs);
        expect(mergeRegions(base, mine, theirs).conflicts.map(keyString)).toContain(keyString(key));
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergeRegions (examples)', () => {
  it('lists what was merged in the history’s words, and describes a choice with both values', () => {
    const mine = structuredClone(base);
    ops.amount('Training', 2027, 5_000)(mine);
    ops.name(1)(mine);
    const theirs = structuredClone(base);
    ops.amount('Training', 2027, 7_000)(theirs);
    ops.addMember('Renswoude', 0)(theirs);
    const merge = mergeRegions(base, mine, theirs);
    const key: MergeKey = { kind: 'record-field', collection: 'shared', id: 'gedeeld:training', field: 'amount:2027' };
    expect(merge.conflicts).toEqual([key]);
    expect(merge.merged.name).toBe('Regio 1');
    expect(merge.merged.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede', 'Renkum', 'Renswoude']);
    expect(merge.merged.sharedItems[0]?.amounts).toEqual(perYear(2026, [40_000, 5_000]));
    expect(describeRegionMerge(base, merge, names)).toEqual(['Gemeente toegevoegd: Renswoude (500 kinderen 0–4, 2.500 kinderen 0–18)']);
    expect(describeRegionConflict(key, { base, mine, theirs }, names)).toEqual({
      label: 'Gedeelde kostenpost ‘Training’: bedrag 2027',
      mine: formatEuro(5_000),
      theirs: formatEuro(7_000),
    });
    const chosen = resolveRegionChoices(merge.merged, theirs, [keyString(key)]);
    expect(chosen.sharedItems[0]?.amounts).toEqual(perYear(2026, [40_000, 7_000]));
    expect(chosen.name).toBe('Regio 1');
  });

  it('a member removed on one side and changed on the other is a choice about the member', () => {
    const mine = structuredClone(base);
    ops.removeMember('Renkum')(mine);
    const theirs = structuredClone(base);
    ops.children('Renkum', 5)(theirs);
    const merge = mergeRegions(base, mine, theirs);
    const key: MergeKey = { kind: 'record', collection: 'members', id: 'renkum' };
    expect(merge.conflicts).toEqual([key]);
    expect(describeRegionConflict(key, { base, mine, theirs }, names)).toEqual({
      label: 'Gemeente Renkum',
      mine: 'verwijderd',
      theirs: 'behouden, met hun wijzigingen: kinderen 0–4 1.000 → 105',
    });
    const chosen = resolveRegionChoices(merge.merged, theirs, [keyString(key)]);
    expect(chosen.members.map((m) => [m.name, m.children0to4])).toEqual([
      ['Arnhem', 7000],
      ['Ede', 6000],
      ['Renkum', 105],
    ]);
    // Its trajectories come back too (as they were in the version chosen).
    expect(chosen.trajectoryItems[0]?.trajectories?.map((y) => y.counts)).toEqual([
      [12, 9, 1],
      [14, 9, 1],
    ]);
  });

  it('shows the years that still carry money when the range narrowed on the other side', () => {
    const mine = structuredClone(base);
    ops.amount(null, 2027, 12_000)(mine);
    const theirs = { ...structuredClone(base), endYear: 2026 };
    const merge = mergeRegions(base, mine, theirs);
    expect(merge.merged.endYear).toBe(2026);
    expect(merge.years).toEqual([2026, 2027]);
    expect(merge.merged.sharedItems[1]?.amounts).toEqual(perYear(2026, [10_000, 12_000]));
  });
});

describe('mergeRegions: a member and its trajectories', () => {
  it('removed on my side while they changed its trajectories: a choice, and "their value" brings it back with theirs', () => {
    const mine = structuredClone(base);
    ops.removeMember('Renkum')(mine);
    const theirs = structuredClone(base);
    ops.count('Renkum', 2026, 3)(theirs);
    const merge = mergeRegions(base, mine, theirs);
    const key: MergeKey = { kind: 'record', collection: 'members', id: 'renkum' };
    expect(merge.conflicts).toEqual([key]);
    expect(merge.merged.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede']);
    expect(describeRegionConflict(key, { base, mine, theirs }, names)).toEqual({
      label: 'Gemeente Renkum',
      mine: 'verwijderd',
      theirs: 'behouden, met hun wijzigingen: VoorZorg: trajecten Renkum 2026 1 → 3',
    });
    expect(describeRegionMerge(base, merge, names)).toEqual([]);
    const back = resolveRegionChoices(merge.merged, theirs, [keyString(key)]);
    expect(back.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede', 'Renkum']);
    expect(back.trajectoryItems[0]?.trajectories?.map((y) => y.counts)).toEqual([
      [12, 9, 3],
      [14, 9, 1],
    ]);
  });

  it('removed on their side while I changed its trajectories: a choice; for now the form keeps it with all my trajectories', () => {
    const mine = structuredClone(base);
    ops.count('Renkum', 2026, 5)(mine);
    const theirs = structuredClone(base);
    ops.removeMember('Renkum')(theirs);
    ops.name(7)(theirs);
    const merge = mergeRegions(base, mine, theirs);
    const key: MergeKey = { kind: 'record', collection: 'members', id: 'renkum' };
    expect(merge.conflicts).toEqual([key]);
    expect(merge.merged.name).toBe('Regio 7');
    expect(merge.merged.trajectoryItems[0]?.trajectories?.map((y) => y.counts)).toEqual([
      [12, 9, 5],
      [14, 9, 1],
    ]);
    // Not listed as merged: it is a choice.
    expect(describeRegionMerge(base, merge, names)).toEqual(['Naam: ‘Gelderland-Midden’ → ‘Regio 7’']);
    const gone = resolveRegionChoices(merge.merged, theirs, [keyString(key)]);
    expect(gone.members.map((m) => m.name)).toEqual(['Arnhem', 'Ede']);
    expect(gone.trajectoryItems[0]?.trajectories?.map((y) => y.counts)).toEqual([
      [12, 9],
      [14, 9],
    ]);
  });
});
