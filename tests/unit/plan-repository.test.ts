import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testPlanContent as content } from './support/plan-content';
import { onPostgres, useTempDatabase } from './support/temp-db';

// The repository reads the catalogue through getPlanContent(); tests use a fixed one.
vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});

type Repo = typeof import('@/lib/plans/repository');
type Db = typeof import('@/lib/db');
let repo: Repo;
let db: Db['db'];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  repo = await import('@/lib/plans/repository');
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

const newPlan = { municipality: 'Utrecht', title: 'Kansrijke Start 2025–2028', startYear: 2025, endYear: 2028 };
const line = {
  costCategory: 'interventies',
  sourceSlug: 'spuk',
  year: 2025,
  amount: 10_000,
  looptijd: 'tijdelijk',
  status: 'toegezegd',
};

async function create(input: Record<string, unknown> = newPlan) {
  const result = await repo.createPlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

/** Everything stored for a plan, to prove that refusals change nothing. */
async function storedState(id: string) {
  const [plan, needs, lines, revisions] = await Promise.all([
    db.plan.findUnique({ where: { id } }),
    db.planNeed.findMany({ where: { planId: id }, orderBy: [{ costCategory: 'asc' }, { year: 'asc' }] }),
    db.planLine.findMany({ where: { planId: id }, orderBy: { id: 'asc' } }),
    db.planRevision.findMany({ where: { planId: id }, orderBy: { version: 'asc' } }),
  ]);
  return { plan, needs, lines, revisions };
}

describe('createPlan', () => {
  it('creates version 1 and returns the secret once, storing only its hash', async () => {
    const { plan, editSecret } = await create();
    expect(plan).toMatchObject({ ...newPlan, version: 1, contactNote: null, needs: [], lines: [] });
    expect(plan.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const row = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row.editSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(editSecret);
    expect(await repo.verifySecret(plan.id, editSecret)).toBe('ok');
    expect(await repo.verifySecret(plan.id, 'fout')).toBe('forbidden');
    expect(await repo.verifySecret('bestaat-niet', editSecret)).toBe('not-found');
  });

  it('refuses invalid input with field errors and stores nothing', async () => {
    const before = await db.plan.count();
    const result = await repo.createPlan({ municipality: '', title: 'x', startYear: 2030, endYear: 2020 });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { municipality: 'Vul de naam van de gemeente of regio in.', endYear: 'Het eindjaar mag niet vóór het beginjaar liggen.' },
    });
    expect(await db.plan.count()).toBe(before);
  });

  it('seeds lines from a worked example without amounts (one row per source, status idee)', async () => {
    const { plan } = await create({ ...newPlan, voorbeeld: 'voorbeeldstad' });
    expect(plan.lines.map(({ id: _id, ...l }) => l)).toEqual([
      {
        costCategory: 'interventies',
        sourceSlug: 'spuk',
        customSourceName: null,
        amounts: [],
        looptijd: 'tijdelijk',
        status: 'idee',
        rejectionReason: null,
        note: 'Uit het voorbeeld Voorbeeldstad: Startgeld voor de coalitie.',
      },
      expect.objectContaining({ costCategory: 'interventies', sourceSlug: 'gemeentefonds', looptijd: 'structureel', amounts: [], status: 'idee' }),
      expect.objectContaining({ costCategory: 'interventies', sourceSlug: 'basisverzekering', looptijd: 'structureel', amounts: [], status: 'idee' }),
    ]);
    // A seeded plan must be saveable as it is.
    const { id: _i, version, needs, lines } = plan;
    expect(repo.seedLinesFromExample(content, 'voorbeeldstad')).toHaveLength(3);
    const plan2 = await repo.getPlan(plan.id);
    expect(plan2?.lines).toHaveLength(3);
    expect(version).toBe(1);
    expect(needs).toEqual([]);
    expect(lines).toHaveLength(3);
  });
});

describe('savePlan', () => {
  it('saves needs and lines, bumps the version and keeps the previous state as a revision', async () => {
    const { plan, editSecret } = await create();
    const saved = await repo.savePlan(plan.id, editSecret, 1, {
      title: 'Nieuwe titel',
      needs: [{ costCategory: 'interventies', year: 2025, amount: '€ 50.000' }],
      lines: [line, { ...line, sourceSlug: null, customSourceName: 'Lokaal fonds', status: 'afgewezen', rejectionReason: 'Op' }],
    });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    const after = await repo.getPlan(plan.id);
    expect(after).toMatchObject({ version: 2, title: 'Nieuwe titel', municipality: 'Utrecht' });
    expect(after?.needs).toEqual([{ costCategory: 'interventies', year: 2025, amount: 50_000 }]);
    expect(after?.lines.map((l) => l.customSourceName)).toEqual([null, 'Lokaal fonds']);

    const revisions = await repo.listRevisions(plan.id);
    expect(revisions?.currentVersion).toBe(2);
    expect(revisions?.revisions.map((r) => r.version)).toEqual([2, 1]);
    const v1 = await repo.getRevision(plan.id, 1);
    expect(v1?.state).toMatchObject({ title: newPlan.title, needs: [], lines: [] });
    const v2 = await repo.getRevision(plan.id, 2);
    expect(v2?.state).toEqual({ ...after, id: undefined, version: undefined, createdAt: undefined, updatedAt: undefined });
  });

  it('refuses wrong secrets, stale versions, invalid input and unknown plans without changing anything', async () => {
    const { plan, editSecret } = await create();
    await repo.savePlan(plan.id, editSecret, 1, { needs: [], lines: [line] });
    const before = await storedState(plan.id);

    expect(await repo.savePlan(plan.id, 'verkeerd', 2, { needs: [], lines: [] })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await repo.savePlan(plan.id, editSecret, 1, { needs: [], lines: [] })).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    expect(await repo.savePlan(plan.id, editSecret, 3, { needs: [], lines: [] })).toEqual({ ok: false, reason: 'conflict', currentVersion: 2 });
    expect(await repo.savePlan(plan.id, editSecret, 2, { needs: [], lines: [{ ...line, amount: -1 }] })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { 'lines.0.amount': 'Een bedrag kan niet negatief zijn.' },
    });
    expect(await repo.savePlan(plan.id, editSecret, 2, { needs: [], lines: [{ ...line, year: 2029 }] })).toMatchObject({ reason: 'invalid' });
    expect(await repo.savePlan('onbekend', editSecret, 2, { needs: [], lines: [] })).toEqual({ ok: false, reason: 'not-found' });

    expect(await storedState(plan.id)).toEqual(before);
  });

  it('keeps line ids the client sends back; ids are per plan, so other plans are never touched', async () => {
    const a = await create();
    const b = await create();
    await repo.savePlan(a.plan.id, a.editSecret, 1, { needs: [], lines: [line] });
    await repo.savePlan(b.plan.id, b.editSecret, 1, { needs: [], lines: [line] });
    const aLine = (await repo.getPlan(a.plan.id))?.lines[0];
    const bLine = (await repo.getPlan(b.plan.id))?.lines[0];
    if (!aLine || !bLine) throw new Error('lines missing');

    await repo.savePlan(a.plan.id, a.editSecret, 2, { needs: [], lines: [{ ...aLine, amounts: [{ year: 2025, amount: 99 }] }, { ...line, id: bLine.id }] });
    const after = await repo.getPlan(a.plan.id);
    expect(after?.lines[0]).toMatchObject({ id: aLine.id, amounts: [{ year: 2025, amount: 99 }] });
    // Plan b's line id in plan a's body is just an id inside plan a.
    expect(after?.lines[1]?.id).toBe(bLine.id);
    expect((await repo.getPlan(b.plan.id))?.lines).toEqual([bLine]);
    expect((await repo.getPlan(b.plan.id))?.version).toBe(2);

    const changes = await repo.compareVersions(a.plan.id, 2, 3);
    expect(changes?.map((c) => c.kind)).toEqual(['line-changed', 'line-added']);
  });

  it('lets exactly one of 50 concurrent saves with the same version win', async () => {
    const { plan, editSecret } = await create();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => repo.savePlan(plan.id, editSecret, 1, { needs: [], lines: [{ ...line, amount: i }] })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(49);
    const stored = await repo.getPlan(plan.id);
    expect(stored?.version).toBe(2);
    expect(stored?.lines).toHaveLength(1);
    expect(await db.planRevision.count({ where: { planId: plan.id } })).toBe(2);
  });

  it('loses no update when 50 writers read, modify and save with retries', async () => {
    const { plan, editSecret } = await create();
    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 500; attempt++) {
        const current = await repo.getPlan(plan.id);
        if (!current) throw new Error('plan vanished');
        const result = await repo.savePlan(plan.id, editSecret, current.version, {
          needs: current.needs,
          lines: [...current.lines, { ...line, note: `schrijver ${i}` }],
        });
        if (result.ok) return attempt;
        if (result.reason !== 'conflict') throw new Error(JSON.stringify(result));
      }
      throw new Error(`writer ${i} gave up`);
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    const stored = await repo.getPlan(plan.id);
    expect(stored?.version).toBe(51);
    expect(new Set(stored?.lines.map((l) => l.note))).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `schrijver ${i}`)));
    expect(await db.planRevision.count({ where: { planId: plan.id } })).toBe(51);
  }, 60_000);
});

describe('stored values', () => {
  it('keep texts that look like numbers, JSON or SQL as texts', async () => {
    const { plan, editSecret } = await create();
    const tricky = ['123', '1e5', '0012', 'null', 'true', '{"a":1}', '[1,2]', "'; DROP TABLE \"Plan\"; --", '\\', '€ 1.234', '👩‍👧 gezin', '$.note'];
    const lines = tricky.map((note, i) => ({ ...line, id: `t${i}`, note, customSourceName: note, sourceSlug: null }));
    expect(await repo.savePlan(plan.id, editSecret, 1, { needs: [], lines })).toMatchObject({ ok: true });
    const stored = await repo.getPlan(plan.id);
    expect(stored?.lines.map((l) => [l.id, l.note, l.customSourceName])).toEqual(tricky.map((t, i) => [`t${i}`, t, t]));
    // SQLite keeps a type per value (a text that looks like a number could be stored as one); PostgreSQL per column.
    const types: unknown = onPostgres()
      ? await db.$queryRaw`SELECT DISTINCT pg_typeof("note")::text AS t FROM "PlanLine" WHERE "planId" = ${plan.id}`
      : await db.$queryRaw`SELECT DISTINCT typeof("note") AS t FROM "PlanLine" WHERE "planId" = ${plan.id}`;
    expect(types).toEqual([{ t: 'text' }]);
  });

  it('come back exactly as saved, whatever the text (property)', async () => {
    const { plan, editSecret } = await create();
    let version = 1;
    // Text as users type it: any characters except those the schema refuses (control characters, U+FFFD
    // and bidirectional controls: lib/text-validation.ts), trimmed.
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      .map((t) => t.replace(/[\u0000-\u001F\u007F\uFFFD\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '').trim())
      .filter((t) => t.length > 0);
    const lineArb = fc.record({
      id: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), { nil: undefined }),
      costCategory: fc.constantFrom('interventies', 'voorinvesteringen', 'proceskosten', 'maatwerkbudget'),
      custom: fc.option(text, { nil: undefined }),
      year: fc.integer({ min: 2025, max: 2028 }),
      amount: fc.integer({ min: 0, max: 1_000_000_000 }),
      status: fc.constantFrom('idee', 'aangevraagd', 'toegezegd', 'afgewezen'),
      reason: text,
      note: fc.option(text, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(lineArb, { maxLength: 15, selector: (l) => l.id ?? Symbol() }), async (arb) => {
        const lines = arb.map((l) => ({
          ...(l.id ? { id: l.id } : {}),
          costCategory: l.costCategory,
          sourceSlug: l.custom ? null : 'gemeentefonds',
          customSourceName: l.custom ?? null,
          year: l.year,
          amount: l.amount,
          looptijd: 'structureel',
          status: l.status,
          rejectionReason: l.status === 'afgewezen' ? l.reason : null,
          note: l.note,
        }));
        const saved = await repo.savePlan(plan.id, editSecret, version, { needs: [], lines });
        if (!saved.ok) throw new Error(JSON.stringify(saved));
        version = saved.version;
        const stored = await repo.getPlan(plan.id);
        expect(stored?.lines.map(({ id, ...rest }) => ({ id: lines.find((l) => l.id === id) ? id : 'nieuw', ...rest }))).toEqual(
          lines.map((l) => ({
            id: l.id ?? 'nieuw',
            costCategory: l.costCategory,
            sourceSlug: l.sourceSlug,
            customSourceName: l.customSourceName,
            // The one-year shape arrives as amounts per year; 0 is "nothing in that year".
            amounts: l.amount === 0 ? [] : [{ year: l.year, amount: l.amount }],
            looptijd: 'structureel',
            status: l.status,
            rejectionReason: l.rejectionReason,
            note: l.note,
          })),
        );
        // The revision holds the same state.
        expect((await repo.getRevision(plan.id, version))?.state.lines).toEqual(stored?.lines);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('revisions and restore', () => {
  it('lists revisions with their save times, diffs and restores an earlier version as a new one', async () => {
    const { plan, editSecret } = await create();
    await repo.savePlan(plan.id, editSecret, 1, { needs: [{ costCategory: 'interventies', year: 2025, amount: 100 }], lines: [line] });
    await repo.savePlan(plan.id, editSecret, 2, { needs: [{ costCategory: 'interventies', year: 2025, amount: 200 }], lines: [] });

    const list = await repo.listRevisions(plan.id);
    expect(list?.currentVersion).toBe(3);
    expect(list?.revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(list?.revisions[2]?.savedAt).toEqual(plan.createdAt);
    expect(list?.revisions[0]?.savedAt).toEqual((await repo.getPlan(plan.id))?.updatedAt);
    const page = await repo.listRevisions(plan.id, { limit: 1, beforeVersion: 3 });
    expect(page?.revisions.map((r) => r.version)).toEqual([2]);
    expect(page?.hasMore).toBe(true);

    const changes = await repo.compareVersions(plan.id, 2, 3);
    expect(changes).toEqual([
      { kind: 'need', costCategory: 'interventies', year: 2025, before: 100, after: 200 },
      expect.objectContaining({ kind: 'line-removed' }),
    ]);
    const { describeChange } = await import('@/lib/plans/diff');
    expect(changes?.map((c) => describeChange(c, content))).toEqual([
      'Behoefte interventies 2025: €\u00A0100 → €\u00A0200',
      'Regel verwijderd: Specifieke uitkering (interventies), €\u00A010.000 (2025)',
    ]);

    const v2Line = (await repo.getRevision(plan.id, 2))?.state.lines[0];
    expect(await repo.restoreRevision(plan.id, editSecret, 2, 2)).toEqual({ ok: false, reason: 'conflict', currentVersion: 3 });
    expect(await repo.restoreRevision(plan.id, 'fout', 3, 2)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await repo.restoreRevision(plan.id, editSecret, 3, 99)).toEqual({ ok: false, reason: 'revision-not-found' });
    const restored = await repo.restoreRevision(plan.id, editSecret, 3, 2);
    expect(restored).toMatchObject({ ok: true, version: 4 });
    const now = await repo.getPlan(plan.id);
    expect(now?.needs).toEqual([{ costCategory: 'interventies', year: 2025, amount: 100 }]);
    // The restored line keeps its identity, so history reads as "restored", not "removed + added".
    expect(now?.lines.map((l) => l.id)).toEqual([v2Line?.id]);
    expect((await repo.listRevisions(plan.id))?.revisions.map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(await repo.compareVersions(plan.id, 2, 4)).toEqual([]);
  });
});

describe('rotateSecret', () => {
  it('replaces the edit secret: the old one stops working, the version stays', async () => {
    const { plan, editSecret } = await create();
    expect(await repo.rotateSecret(plan.id, 'fout')).toEqual({ ok: false, reason: 'forbidden' });
    const rotated = await repo.rotateSecret(plan.id, editSecret);
    if (!rotated.ok) throw new Error('rotation failed');
    expect(rotated.editSecret).not.toBe(editSecret);
    expect(await repo.verifySecret(plan.id, editSecret)).toBe('forbidden');
    expect(await repo.verifySecret(plan.id, rotated.editSecret)).toBe('ok');
    expect(await repo.savePlan(plan.id, editSecret, 1, { needs: [], lines: [] })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await repo.savePlan(plan.id, rotated.editSecret, 1, { needs: [], lines: [] })).toMatchObject({ ok: true, version: 2 });
  });
});
