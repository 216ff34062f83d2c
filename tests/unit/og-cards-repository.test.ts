import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planCard } from '@/lib/og/text';
import { useTempDatabase } from './support/temp-db';

/*
 * The preview image of a plan's or region's read page is drawn from
 * getPlanCard / getRegionCard (app/og): they must read the name fields alone,
 * never lines, needs, members or amounts.
 */

vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});

let plans: typeof import('@/lib/plans/repository');
let regions: typeof import('@/lib/regions/repository');
let db: typeof import('@/lib/db').db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  plans = await import('@/lib/plans/repository');
  regions = await import('@/lib/regions/repository');
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

describe('getPlanCard', () => {
  it('reads the title and municipality only, not the lines with their amounts', async () => {
    const created = await plans.createPlan({ municipality: 'Utrecht', title: 'Kansrijke Start 2026', startYear: 2026, endYear: 2027 });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const line = { costCategory: 'interventies', sourceSlug: 'spuk', looptijd: 'tijdelijk', status: 'toegezegd', amounts: [{ year: 2026, amount: 123_456 }] };
    const saved = await plans.savePlan(created.plan.id, created.editSecret, 1, {
      needs: [{ costCategory: 'interventies', year: 2026, amount: '987654' }],
      lines: [line],
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await plans.getPlan(created.plan.id))?.lines).toHaveLength(1);

    const card = await plans.getPlanCard(created.plan.id);
    expect(card).toEqual({ title: 'Kansrijke Start 2026', municipality: 'Utrecht' });
    expect(JSON.stringify(planCard(card ?? { title: '', municipality: '' }))).not.toMatch(/123|456|987|654/);
  });

  it('is null for an unknown or malformed id', async () => {
    expect(await plans.getPlanCard('0'.repeat(22))).toBeNull();
    expect(await plans.getPlanCard('../etc')).toBeNull();
  });
});

describe('getRegionCard', () => {
  it('reads the name only', async () => {
    const created = await regions.createRegion({
      name: 'Testregio',
      startYear: 2026,
      endYear: 2026,
      members: 'Arnhem\t7000\t30000\nEde\t6000\t25000',
      sharedItems: [{ costCategory: 'voorinvesteringen', description: 'Training', amounts: [{ year: 2026, amount: 40_000 }], splitKey: 'kinderen-0-4' }],
      trajectoryItems: [],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(await regions.getRegionCard(created.region.id)).toEqual({ name: 'Testregio' });
    expect(await regions.getRegionCard('0'.repeat(22))).toBeNull();
  });
});
