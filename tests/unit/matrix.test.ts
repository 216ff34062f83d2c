import { describe, expect, it } from 'vitest';
import { selectionDetail, sourcesIn, tasksIn, cellsOfIntervention, cellKey, matrixRows, payersIn } from '@/lib/content/matrix';
import { matrixView, parseWegwijzerParams } from '@/lib/content/wegwijzer';
import { isSelected, selectionKey, wegwijzerHref } from '@/lib/wegwijzer-url';
import { realCatalog } from './support/content';

const c = realCatalog();

describe('matrix', () => {
  it('a cell holds exactly the tasks of its law and level', () => {
    const tasks = tasksIn(c, { wet: 'jeugdwet', niveau: 'selectief' });
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      expect(t.wet).toBe('jeugdwet');
      expect(t.niveaus).toContain('selectief');
    }
    const all = c.taken.filter((t) => t.wet === 'jeugdwet' && t.niveaus.includes('selectief'));
    expect(tasks).toEqual(all);
  });

  it('the insurer pays in the Zvw geïndiceerd cell', () => {
    expect(selectionDetail(c, { wet: 'zvw', niveau: 'geindiceerd' }).payers).toContain('zorgverzekeraar');
  });

  it('the cost filter keeps only sources that can pay that category', () => {
    const all = sourcesIn(c, { wet: 'wpg' });
    const proces = sourcesIn(c, { wet: 'wpg' }, { kosten: 'proceskosten' });
    expect(proces.length).toBeGreaterThan(0);
    expect(proces.length).toBeLessThan(all.length);
    for (const b of proces) expect(b.kostensoorten).toContain('proceskosten');
  });

  it('the phase filter narrows tasks, interventions and knelpunten', () => {
    const sel = { wet: 'zvw' };
    const before = selectionDetail(c, sel);
    const after = selectionDetail(c, sel, { fase: 'voor-de-zwangerschap' });
    expect(after.tasks.length + after.interventions.length + after.knelpunten.length).toBeLessThan(
      before.tasks.length + before.interventions.length + before.knelpunten.length,
    );
    for (const t of after.tasks) expect(t.fasen).toContain('voor-de-zwangerschap');
  });

  it('an intervention highlights the cells of its laws and levels', () => {
    const nnz = c.by.interventies.get('nu-niet-zwanger')!;
    const cells = cellsOfIntervention(nnz);
    expect(cells.size).toBe(nnz.wetten.length * nnz.niveaus.length);
    expect(cells.has(cellKey(nnz.wetten[0]!, nnz.niveaus[0]!))).toBe(true);
  });

});

describe('matrix view (what the cells show)', () => {
  const view = matrixView(c, {});
  const cellOf = (v: ReturnType<typeof matrixView>, wet: string, niveau?: string) =>
    v.rows.find((r) => r.wet.slug === wet)?.cells.find((x) => x.niveau === niveau);

  it('has the laws in content order, each with one cell per level, and cross-cutting rows last with one wide cell', () => {
    const { laws, crossCutting } = matrixRows(c);
    expect(crossCutting.length).toBeGreaterThan(0);
    expect(view.rows.map((r) => r.wet.slug)).toEqual([...laws, ...crossCutting].map((w) => w.slug));
    for (const row of view.rows) {
      if (row.crossCutting) {
        expect(row.cells).toHaveLength(1);
        expect(row.cells[0]?.niveau).toBeUndefined();
      } else {
        expect(row.cells.map((x) => x.niveau)).toEqual(c.niveaus.map((n) => n.slug));
      }
      for (const x of row.cells) expect(x.wet).toBe(row.wet.slug);
    }
  });

  it('names the task titles of a cell, as the paper does, not only a count', () => {
    const cell = cellOf(view, 'jeugdwet', 'selectief');
    expect(cell?.tasks.map((t) => t.titel)).toEqual(tasksIn(c, { wet: 'jeugdwet', niveau: 'selectief' }).map((t) => t.titel));
    expect(cell?.tasks.map((t) => t.titel)).toContain('Opvoedingsondersteuning');
    // The cross-cutting cell holds every task of its law.
    const integraal = cellOf(view, 'integraal');
    expect(integraal?.tasks).toHaveLength(c.taken.filter((t) => t.wet === 'integraal').length);
  });

  it('says who pays and counts the sources a cell can draw on, under the filters', () => {
    expect(cellOf(view, 'zvw', 'geindiceerd')?.payers).toContain('zorgverzekeraar');
    expect(cellOf(view, 'zvw', 'geindiceerd')?.payers).toEqual(payersIn(c, { wet: 'zvw', niveau: 'geindiceerd' }, tasksIn(c, { wet: 'zvw', niveau: 'geindiceerd' })));
    expect(cellOf(view, 'jeugdwet', 'universeel')?.payers).toEqual(['gemeente']);
    const all = cellOf(view, 'wpg', 'universeel')?.sources;
    expect(all).toBe(sourcesIn(c, { wet: 'wpg', niveau: 'universeel' }).length);
    const proces = cellOf(matrixView(c, { kosten: 'proceskosten' }), 'wpg', 'universeel')?.sources;
    expect(proces).toBe(sourcesIn(c, { wet: 'wpg', niveau: 'universeel' }, { kosten: 'proceskosten' }).length);
    expect(proces).toBeLessThan(all ?? 0);
  });

  it('the phase filter narrows the task titles in the cells', () => {
    const count = (v: ReturnType<typeof matrixView>) => v.rows.flatMap((r) => r.cells).reduce((n, x) => n + x.tasks.length, 0);
    const phased = matrixView(c, { fase: 'voor-de-zwangerschap' });
    expect(count(phased)).toBeGreaterThan(0);
    expect(count(phased)).toBeLessThan(count(view));
    for (const x of phased.rows.flatMap((r) => r.cells)) {
      for (const t of x.tasks) {
        const fasen = c.taken.find((task) => task.id === t.id)?.fasen;
        // A task without phases concerns every phase.
        expect(fasen?.length === 0 || fasen?.includes('voor-de-zwangerschap')).toBe(true);
      }
    }
  });
});

describe('wegwijzer URL state', () => {
  it('keeps known values, drops unknown ones and reports them', () => {
    const { state, ignored } = parseWegwijzerParams(c, { wet: 'jeugdwet', niveau: 'bestaat-niet', kosten: ['proceskosten', 'x'], q: '  kraamzorg ' });
    expect(state).toEqual({ wet: 'jeugdwet', kosten: 'proceskosten', q: 'kraamzorg' });
    expect(ignored).toEqual(['niveau']);
  });

  it('builds links in a fixed order and applies patches', () => {
    expect(wegwijzerHref({ q: 'a b', wet: 'wpg' }, { niveau: 'selectief' })).toBe('/wegwijzer?wet=wpg&niveau=selectief&q=a+b');
    expect(wegwijzerHref({ wet: 'wpg' }, { wet: undefined })).toBe('/wegwijzer');
  });

  it('knows which cell, law or level a state has chosen', () => {
    const state = { wet: 'wpg', niveau: 'selectief', q: 'x' };
    expect(isSelected(state, 'wpg', 'selectief')).toBe(true);
    expect(isSelected(state, 'wpg')).toBe(false);
    expect(isSelected(state, undefined, 'selectief')).toBe(false);
    expect(isSelected({ wet: 'wpg' }, 'wpg')).toBe(true);
    expect(selectionKey('wpg', undefined)).toBe('wpg|');
  });
});
