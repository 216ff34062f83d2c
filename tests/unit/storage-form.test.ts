import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EditorState } from '@/lib/plans/form';
import { makeReadOnly, useTempDatabase } from './support/temp-db';

/*
 * The edit form's Server Action when the database refuses the save for a
 * storage reason: a Dutch message saying so, and everything typed kept.
 */

vi.mock('@/lib/plans/content-server', async () => {
  const { testPlanContent } = await import('./support/plan-content');
  return { getPlanContent: () => testPlanContent };
});
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let cleanup: () => Promise<void>;
let repo: typeof import('@/lib/plans/repository');
let actions: typeof import('@/app/plannen/[id]/bewerken/actions');
let db: (typeof import('@/lib/db'))['db'];

beforeAll(async () => {
  ({ cleanup } = await useTempDatabase());
  repo = await import('@/lib/plans/repository');
  actions = await import('@/app/plannen/[id]/bewerken/actions');
  ({ db } = await import('@/lib/db'));
});
afterAll(async () => {
  await db?.$disconnect();
  await cleanup?.();
});

describe('editPlanAction when storage fails', () => {
  it('says in Dutch that nothing was saved and why, and keeps what was typed', async () => {
    const created = await repo.createPlan({ municipality: 'Zwolle', title: 'Oud', startYear: 2025, endYear: 2026 });
    if (!created.ok) throw new Error('test setup');
    const form = new FormData();
    for (const [name, value] of Object.entries({
      planId: created.plan.id,
      sleutel: created.editSecret,
      version: '1',
      intent: 'save',
      municipality: 'Zwolle',
      title: 'Nieuwe titel',
      startYear: '2025',
      endYear: '2026',
    })) {
      form.set(name, value);
    }
    const previous: EditorState = {
      status: 'idle',
      nonce: 'x',
      version: 1,
      values: { municipality: '', title: '', startYear: '', endYear: '', contactNote: '', needs: {}, lines: [] },
      errors: {},
      message: null,
      conflict: null,
      focus: null,
    };
    // What a read-only file or mount (SQLITE_READONLY) or a read-only PostgreSQL server (25006) answers;
    // tests run as root, for whom chmod changes nothing.
    const undoReadOnly = await makeReadOnly();
    const silence = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const result = await actions.editPlanAction(previous, form);
      expect(result.status).toBe('error');
      expect(result.message).toMatch(/kan nu niet worden beschreven; uw wijziging is niet opgeslagen.*Uw invoer staat hieronder nog\./);
      expect(result.values.title).toBe('Nieuwe titel');
    } finally {
      await undoReadOnly();
      silence.mockRestore();
    }
    expect((await repo.getPlan(created.plan.id))?.title).toBe('Oud');
  });
});
