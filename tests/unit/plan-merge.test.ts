import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyString, type MergeKey } from '@/lib/merge/core';
import { NEW_LINE, describePlanConflict, describePlanMerge, mergePlans, mergedFormValues, resolvePlanChoices, stateFromSave } from '@/lib/plans/merge';
import { normalizeAmounts } from '@/lib/plans/lines';
import { formatEuro } from '@/lib/money';
import type { LineRow, PlanState } from '@/lib/plans/types';
import { testPlanContent } from './support/plan-content';

// Three-way merge of funding plans (stale saves): per plan field, need, line
// field and amount per year; lines added, removed and reordered.

const YEARS = [2026, 2027];
const CATEGORIES = ['interventies', 'proceskosten'];

const lineArb = (id: string): fc.Arbitrary<LineRow> =>
  fc
    .record({
      costCategory: fc.constantFrom(...CATEGORIES),
      custom: fc.boolean(),
      a: fc.constantFrom(0, 500, 1000),
      b: fc.constantFrom(0, 500, 1000),
      looptijd: fc.constantFrom('tijdelijk' as const, 'structureel' as const),
      status: fc.constantFrom('idee' as const, 'aangevraagd' as const, 'toegezegd' as const, 'afgewezen' as const),
      reason: fc.constantFrom(null, 'te laat'),
      note: fc.constantFrom(null, 'notitie'),
    })
    .map((r) => ({
      id,
      costCategory: r.costCategory,
      sourceSlug: r.custom ? null : 'spuk',
      customSourceName: r.custom ? 'Eigen pot' : null,
      amounts: normalizeAmounts([
        { year: 2026, amount: r.a },
        { year: 2027, amount: r.b },
      ]),
      looptijd: r.looptijd,
      status: r.status,
      rejectionReason: r.reason,
      note: r.note,
    }));

const baseArb: fc.Arbitrary<PlanState> = fc
  .record({
    title: fc.constantFrom('Plan', 'Kansrijke Start'),
    contactNote: fc.constantFrom(null, 'Bel Anna'),
    needs: fc.array(fc.constantFrom(0, 1000, 2000), { minLength: 4, maxLength: 4 }),
    lineCount: fc.integer({ min: 0, max: 4 }),
    lines: fc.tuple(lineArb('l0'), lineArb('l1'), lineArb('l2'), lineArb('l3')),
  })
  .map((r) => ({
    municipality: 'Utrecht',
    title: r.title,
    startYear: 2026,
    endYear: 2027,
    contactNote: r.contactNote,
    needs: CATEGORIES.flatMap((costCategory, c) => YEARS.map((year, y) => ({ costCategory, year, amount: r.needs[c * 2 + y] ?? 0 }))).filter((n) => n.amount !== 0),
    lines: r.lines.slice(0, r.lineCount),
  }));

/** Comparable: needs sorted, nothing else changes. */
const norm = (s: PlanState) => ({ ...s, needs: [...s.needs].sort((a, b) => a.costCategory.localeCompare(b.costCategory) || a.year - b.year) });

/** One editable "slot" of a plan: a plan field, a need cell, or a field of a line. */
type Slot = { key: MergeKey; set: (s: PlanState, salt: number) => void };

function slots(base: PlanState): Slot[] {
  const out: Slot[] = [
    { key: { kind: 'field', field: 'title' }, set: (s, n) => void (s.title = `Titel ${n}`) },
    { key: { kind: 'field', field: 'municipality' }, set: (s, n) => void (s.municipality = `Gemeente ${n}`) },
    { key: { kind: 'field', field: 'contactNote' }, set: (s, n) => void (s.contactNote = n % 4 === 0 ? null : `Notitie ${n}`) },
  ];
  for (const costCategory of CATEGORIES) {
    for (const year of YEARS) {
      out.push({
        key: { kind: 'field', field: `need:${costCategory}:${year}` },
        set: (s, n) => {
          s.needs = s.needs.filter((x) => x.costCategory !== costCategory || x.year !== year);
          if (n % 5 !== 0) s.needs.push({ costCategory, year, amount: 3000 + n });
        },
      });
    }
  }
  for (const { id } of base.lines) {
    const line = (s: PlanState) => s.lines.find((l) => l.id === id);
    const field = (f: string, set: (l: LineRow, n: number) => void): Slot => ({
      key: { kind: 'record-field', collection: 'lines', id, field: f },
      set: (s, n) => {
        const l = line(s);
        if (l) set(l, n);
      },
    });
    out.push(
      field('source', (l, n) => {
        l.sourceSlug = n % 2 === 0 ? null : 'gemeentefonds';
        l.customSourceName = n % 2 === 0 ? `Pot ${n}` : null;
      }),
      field('looptijd', (l) => void (l.looptijd = l.looptijd === 'tijdelijk' ? 'structureel' : 'tijdelijk')),
      field('status', (l, n) => void (l.status = (['idee', 'aangevraagd', 'toegezegd', 'afgewezen'] as const).filter((x) => x !== l.status)[n % 3] ?? 'idee')),
      field('rejectionReason', (l, n) => void (l.rejectionReason = `Reden ${n}`)),
      field('note', (l, n) => void (l.note = n % 3 === 0 ? null : `Toelichting ${n}`)),
      ...YEARS.map((year) =>
        field(`amount:${year}`, (l, n) => {
          l.amounts = normalizeAmounts([...l.amounts.filter((a) => a.year !== year), { year, amount: n % 4 === 0 ? 0 : 7000 + n }]);
        }),
      ),
    );
  }
  return out;
}

type Who = 'mine' | 'theirs';

/** Disjoint edits: each slot (and each line, for removal) to at most one side; both sides may add lines. */
function disjointEdits(base: PlanState, seed: number[]) {
  let i = 0;
  const next = () => seed[i++ % seed.length] ?? 0;
  const sides: Record<Who, PlanState> = { mine: structuredClone(base), theirs: structuredClone(base) };
  const both = structuredClone(base);
  const removedBy = new Map<string, Who>();
  for (const l of base.lines) if (next() % 4 === 0) removedBy.set(l.id, next() % 2 === 0 ? 'mine' : 'theirs');
  for (const slot of slots(base)) {
    const owner = next() % 3;
    if (owner === 0) continue;
    const who: Who = owner === 1 ? 'mine' : 'theirs';
    if (slot.key.kind === 'record-field' && removedBy.has(slot.key.id)) continue;
    const salt = next();
    slot.set(sides[who], salt);
    slot.set(both, salt);
  }
  for (const [id, who] of removedBy) {
    sides[who].lines = sides[who].lines.filter((l) => l.id !== id);
    both.lines = both.lines.filter((l) => l.id !== id);
  }
  for (const who of ['theirs', 'mine'] as const) {
    const added = next() % 3;
    for (let k = 0; k < added; k++) {
      const line: LineRow = { ...structuredClone(base.lines[0] ?? fallbackLine), id: who === 'mine' ? `${NEW_LINE}n${k}` : `t${k}`, note: `Nieuw ${who} ${k}` };
      sides[who].lines.push(line);
      both.lines.push(structuredClone(line));
    }
  }
  return { ...sides, both };
}

const fallbackLine: LineRow = {
  id: 'x',
  costCategory: 'interventies',
  sourceSlug: 'spuk',
  customSourceName: null,
  amounts: [{ year: 2026, amount: 100 }],
  looptijd: 'tijdelijk',
  status: 'idee',
  rejectionReason: null,
  note: null,
};

const seedArb = fc.array(fc.nat({ max: 999 }), { minLength: 60, maxLength: 60 });

describe('mergePlans (property)', () => {
  it('merging two edits of disjoint fields equals applying both', () => {
    fc.assert(
      fc.property(baseArb, seedArb, (base, seed) => {
        const { mine, theirs, both } = disjointEdits(base, seed);
        const merge = mergePlans(base, mine, theirs);
        expect(merge.conflicts).toEqual([]);
        expect(merge.widened).toEqual([]);
        expect(norm(merge.merged)).toEqual(norm(both));
      }),
      { numRuns: 200 },
    );
  });

  it('merge(base, x, base) = x and merge(base, base, x) = x', () => {
    fc.assert(
      fc.property(baseArb, seedArb, fc.boolean(), (base, seed, reorder) => {
        const x = disjointEdits(base, seed).mine;
        if (reorder) x.lines.reverse();
        for (const merge of [mergePlans(base, x, base), mergePlans(base, base, x)]) {
          expect(merge.conflicts).toEqual([]);
          expect(norm(merge.merged)).toEqual(norm(x));
        }
        // And what was taken from x, applied to the base, is x.
        expect(norm(mergePlans(base, base, x).taken)).toEqual(norm(x));
      }),
      { numRuns: 200 },
    );
  });

  it('the same field changed differently on both sides always surfaces as a conflict, with both values in words', () => {
    fc.assert(
      fc.property(baseArb, seedArb, fc.nat(), fc.nat({ max: 999 }), (base, seed, pick, salt) => {
        const { mine, theirs } = disjointEdits(base, seed);
        const candidates = slots(base).filter(({ key }) => {
          if (key.kind !== 'record-field') return true;
          const { id } = key;
          return mine.lines.some((l) => l.id === id) && theirs.lines.some((l) => l.id === id);
        });
        const slot = candidates[pick % candidates.length];
        if (!slot) return;
        slot.set(mine, salt);
        slot.set(theirs, salt + 1);
        if (JSON.stringify(norm(mine)) === JSON.stringify(norm(theirs))) return;
        const before = structuredClone(mine);
        const merge = mergePlans(base, mine, theirs);
        const text = describePlanConflict(slot.key, { base, mine, theirs }, testPlanContent);
        const baseText = describePlanConflict(slot.key, { base, mine: base, theirs: base }, testPlanContent).mine;
        // Only when both really changed it, to different values (not e.g. both toggling looptijd, or one back to the base's value).
        if (text.mine === text.theirs || text.mine === baseText || text.theirs === baseText) return;
        expect(merge.conflicts.map(keyString)).toContain(keyString(slot.key));
        expect(mine).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('mergePlans (examples)', () => {
  const line = (id: string, patch: Partial<LineRow> = {}): LineRow => ({ ...fallbackLine, id, ...patch });
  const base: PlanState = {
    municipality: 'Utrecht',
    title: 'Plan',
    startYear: 2026,
    endYear: 2027,
    contactNote: null,
    needs: [{ costCategory: 'interventies', year: 2026, amount: 1000 }],
    lines: [line('a'), line('b', { sourceSlug: 'basisverzekering', looptijd: 'structureel' })],
  };

  it('lists what was merged in from the newer version, in the history’s words', () => {
    const mine = { ...base, title: 'Titel van B' };
    const theirs = { ...base, needs: [...base.needs, { costCategory: 'proceskosten', year: 2027, amount: 5000 }], lines: [base.lines[0] ?? line('a'), line('b', { status: 'toegezegd', looptijd: 'structureel', sourceSlug: 'basisverzekering' })] };
    const merge = mergePlans(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.merged.title).toBe('Titel van B');
    expect(describePlanMerge(base, merge, testPlanContent)).toEqual([
      `Behoefte proceskosten 2027: ${formatEuro(0)} → ${formatEuro(5000)}`,
      'Regel gewijzigd: Basisverzekering (interventies): status idee → toegezegd',
    ]);
  });

  it('keeps the stored region shares (not form fields) and lists only a region change the other made', () => {
    const share = { regionId: 'r1', regionName: 'Regio', memberName: 'Utrecht', regionVersion: 2, pulledAt: '2026-12-01T10:00:00.000Z', needs: [{ costCategory: 'interventies', year: 2026, amount: 700 }] };
    const linked = { ...base, regionShares: [share] };
    // The form (mine) carries no region shares; the stored plan kept its link: nothing to list.
    const kept = mergePlans(linked, { ...base, title: 'Titel van B' }, linked);
    expect(kept.merged.regionShares).toEqual([share]);
    expect(describePlanMerge(linked, kept, testPlanContent)).toEqual([]);
    // The other linked a region meanwhile: that is listed, and kept.
    const added = mergePlans(base, { ...base, title: 'Titel van B' }, linked);
    expect(added.merged.regionShares).toEqual([share]);
    expect(describePlanMerge(base, added, testPlanContent)).toHaveLength(1);
  });

  it('describes a conflict with both values, and "their value" chosen takes theirs', () => {
    const mine = { ...base, lines: [line('a', { status: 'aangevraagd' }), base.lines[1] ?? line('b')] };
    const theirs = { ...base, lines: [line('a', { status: 'afgewezen', rejectionReason: 'Te laat' }), base.lines[1] ?? line('b')] };
    const merge = mergePlans(base, mine, theirs);
    const key: MergeKey = { kind: 'record-field', collection: 'lines', id: 'a', field: 'status' };
    expect(merge.conflicts).toEqual([key]);
    expect(merge.merged.lines[0]).toMatchObject({ status: 'aangevraagd', rejectionReason: 'Te laat' });
    expect(describePlanConflict(key, { base, mine, theirs }, testPlanContent)).toEqual({
      label: 'Regel ‘Specifieke uitkering’ (interventies): status',
      mine: 'Aangevraagd',
      theirs: 'Afgewezen',
    });
    expect(resolvePlanChoices(merge.merged, theirs, [keyString(key)]).lines[0]).toMatchObject({ status: 'afgewezen', rejectionReason: 'Te laat' });
  });

  it('a line I removed that they changed is a choice; "their value" puts it back in its place', () => {
    const mine = { ...base, lines: [base.lines[1] ?? line('b')] };
    const theirs = { ...base, lines: [line('a', { note: 'Belangrijk' }), base.lines[1] ?? line('b')] };
    const merge = mergePlans(base, mine, theirs);
    const key: MergeKey = { kind: 'record', collection: 'lines', id: 'a' };
    expect(merge.conflicts).toEqual([key]);
    expect(merge.merged.lines.map((l) => l.id)).toEqual(['b']);
    expect(describePlanConflict(key, { base, mine, theirs }, testPlanContent)).toEqual({
      label: 'Regel ‘Specifieke uitkering’ (interventies)',
      mine: 'verwijderd',
      theirs: 'behouden, met hun wijzigingen: toelichting (leeg) → ‘Belangrijk’',
    });
    expect(resolvePlanChoices(merge.merged, theirs, [keyString(key)]).lines.map((l) => [l.id, l.note])).toEqual([
      ['a', 'Belangrijk'],
      ['b', null],
    ]);
  });

  it('keeps the years that hold money: a range narrowed on one side while the other booked money there widens again, and says so', () => {
    const mine = { ...base, lines: [line('a', { amounts: [{ year: 2027, amount: 900 }] }), base.lines[1] ?? line('b')] };
    const theirs = { ...base, endYear: 2026 };
    const merge = mergePlans(base, mine, theirs);
    expect(merge.merged.endYear).toBe(2027);
    expect(merge.widened).toEqual([{ field: 'endYear', from: 2026, to: 2027 }]);
    expect(describePlanMerge(base, merge, testPlanContent)).toContain(
      'Laatste jaar: 2027 in plaats van 2026, omdat er bedragen in 2027 staan. Maak die bedragen leeg als de looptijd 2026 moet zijn.',
    );
  });

  it('the form’s new lines take part by row key and come back as new rows', () => {
    const mine = stateFromSave(
      {
        municipality: 'Utrecht',
        title: 'Plan',
        startYear: 2026,
        endYear: 2027,
        contactNote: null,
        needs: [{ costCategory: 'interventies', year: 2026, amount: 0 }],
        lines: [
          { ...fallbackLine, id: 'a' },
          { ...fallbackLine, id: null, note: 'nieuw' },
        ],
      },
      base,
      ['a', 'nk1'],
    );
    expect(mine.needs).toEqual([]);
    expect(mine.lines.map((l) => l.id)).toEqual(['a', `${NEW_LINE}nk1`]);
    const theirs = { ...base, lines: [...base.lines, line('c')] };
    const values = mergedFormValues(mergePlans(base, mine, theirs).merged);
    expect(values.lines.map((l) => [l.key, l.id])).toEqual([
      ['a', 'a'],
      ['c', 'c'],
      ['nk1', ''],
    ]);
  });

  it('without a readable base every difference is a choice', () => {
    const merge = mergePlans(null, { ...base, title: 'A' }, { ...base, title: 'B' });
    expect(merge.conflicts).toEqual([{ kind: 'field', field: 'title' }]);
    expect(describePlanMerge(null, merge, testPlanContent)).toEqual([]);
  });
});
