import { describe, expect, it } from 'vitest';
import { selectionDetail, sourcesIn, tasksIn, cellsOfIntervention, cellKey } from '@/lib/content/matrix';
import { buildExplorerData, parseWegwijzerParams } from '@/lib/content/wegwijzer';
import { wegwijzerHref } from '@/lib/wegwijzer-url';
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

  it('explorer data has a selection for every cell, row and column, referring only to items it ships', () => {
    const data = buildExplorerData(c, {});
    const rows = [...data.laws, ...data.crossCutting];
    expect(Object.keys(data.selections)).toHaveLength(rows.length * (data.niveaus.length + 1) + data.niveaus.length);
    for (const s of Object.values(data.selections)) {
      for (const id of s.tasks) expect(data.items.tasks[id]).toBeDefined();
      for (const id of s.sources) expect(data.items.sources[id]).toBeDefined();
      for (const id of s.knelpunten) expect(data.items.knelpunten[id]).toBeDefined();
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
});
