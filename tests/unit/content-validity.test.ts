import { describe, expect, it } from 'vitest';
import type { Geldigheid } from '@/lib/content/schema';
import { formatDatering, sortByValidity, validityInYear, validityOn, yearWarning } from '@/lib/content/validity';
import { realContent } from './support/content';

const g = (over: Partial<Geldigheid>): Geldigheid => ({
  vanaf: 'open',
  tot: 'open',
  toelichting: 'x',
  bron: [{ document: 'actuele-feiten-2026.md' }],
  ...over,
});
const spuk = g({ vanaf: '2023-01-01', tot: '2026-12-31' });

describe('validity of a funding source on a day', () => {
  it('a source with an end date runs until then and has ended after it', () => {
    expect(validityOn(spuk, '2026-12-02')).toMatchObject({ status: 'loopt-af', text: 'Loopt af op 31 december 2026' });
    expect(validityOn(spuk, '2027-01-01')).toMatchObject({ status: 'beeindigd', text: 'Beëindigd: liep tot en met 31 december 2026' });
  });
  it('a year or month as end means its last day', () => {
    expect(validityOn(g({ tot: '2023' }), '2023-12-31').status).toBe('loopt-af');
    expect(validityOn(g({ tot: '2023' }), '2024-01-01').status).toBe('beeindigd');
    expect(validityOn(g({ tot: '2024-02' }), '2024-02-29').status).toBe('loopt-af');
  });
  it('unknown after the last known date, unknown without one, and open runs', () => {
    expect(validityOn(g({ tot: 'onbekend', bekendTot: '2025-12-31' }), '2026-12-02')).toMatchObject({ status: 'onbekend-na', text: 'Onbekend na 31 december 2025' });
    expect(validityOn(g({ tot: 'onbekend', bekendTot: '2026-12-31' }), '2026-12-02').status).toBe('loopt');
    expect(validityOn(g({ tot: 'onbekend' }), '2026-12-02')).toMatchObject({ status: 'onbekend', text: 'Looptijd onbekend' });
    expect(validityOn(g({}), '2026-12-02').status).toBe('loopt');
  });
  it('a source that has not started yet says when it starts', () => {
    expect(validityOn(g({ vanaf: '2027-01-01' }), '2026-12-02')).toMatchObject({ status: 'start', text: 'Start op 1 januari 2027' });
  });
  it('sorts running sources first and ended ones last, keeping order within a rank', () => {
    const items = [
      { n: 'ended', geldigheid: g({ tot: '2021-12-31' }) },
      { n: 'unknown', geldigheid: g({ tot: 'onbekend' }) },
      { n: 'open', geldigheid: g({}) },
      { n: 'ending', geldigheid: spuk },
    ];
    expect(sortByValidity(items, '2026-12-02').map((i) => i.n)).toEqual(['open', 'ending', 'unknown', 'ended']);
  });
});

describe('validity in a plan year (the warning on a funding line)', () => {
  it('SPUK money in 2027 warns; in 2026 it does not', () => {
    expect(yearWarning('SPUK Kansrijke Start', spuk, 2026, undefined, '2026-12-02')).toBeNull();
    expect(yearWarning('SPUK Kansrijke Start', spuk, 2027, undefined, '2026-12-02')).toBe(
      'SPUK Kansrijke Start loopt af op 31 december 2026; voor 2027 is geen opvolger bekend.',
    );
    expect(yearWarning('SPUK Kansrijke Start', spuk, 2027, undefined, '2027-03-01')).toMatch(/^SPUK Kansrijke Start liep af op/);
  });
  it('a source of unknown validity warns after its last known date, not before', () => {
    const nnz = g({ vanaf: '2019', tot: 'onbekend', bekendTot: '2025-12-31' });
    expect(validityInYear(nnz, 2025)).toEqual({ kind: 'ok' });
    expect(validityInYear(nnz, 2026)).toEqual({ kind: 'unknown', knownUntil: '2025-12-31' });
    expect(yearWarning('Nu Niet Zwanger', nnz, 2026)).toMatch(/na 31 december 2025 is niet bekend/);
    expect(yearWarning('X', g({ tot: 'onbekend' }), 2026)).toMatch(/looptijd is onbekend/);
  });
  it('a source that ends halfway through a year cannot pay that whole year', () => {
    expect(validityInYear(g({ tot: '2023-06-30' }), 2023)).toEqual({ kind: 'ended', end: '2023-06-30' });
    expect(validityInYear(g({ vanaf: '2022-07-01' }), 2022)).toEqual({ kind: 'notStarted', start: '2022-07-01' });
    expect(validityInYear(g({ vanaf: '2022-07-01' }), 2023)).toEqual({ kind: 'ok' });
  });
  it('names the successor when the content knows one', () => {
    expect(yearWarning('A', spuk, 2027, 'B', '2026-12-02')).toBe('A loopt af op 31 december 2026; opvolger: B.');
  });
});

describe('the real content', () => {
  it('gives the brede SPUK its end and marks the ended sources', () => {
    const c = realContent();
    const by = new Map(c.financieringsbronnen.map((b) => [b.slug, b]));
    expect(by.get('spuk-kansrijke-start')?.geldigheid.tot).toBe('2026-12-31');
    expect(validityOn(by.get('impuls-kansrijke-start')!.geldigheid, '2026-12-02').status).toBe('beeindigd');
    expect(validityOn(by.get('subsidie-preventiecoalities')!.geldigheid, '2026-12-02').status).toBe('beeindigd');
    expect(validityOn(by.get('gala-procesbudget')!.geldigheid, '2026-12-02').status).toBe('beeindigd');
    expect(validityOn(by.get('spuk-kansrijke-wijk')!.geldigheid, '2026-12-02').status).toBe('loopt-af');
    expect(validityOn(by.get('groepszorg-toeslag')!.geldigheid, '2026-12-02')).toMatchObject({ status: 'onbekend-na' });
    expect(validityOn(by.get('buurtsportcoach')!.geldigheid, '2026-12-02').status).toBe('loopt');
    expect(validityInYear(by.get('buurtsportcoach')!.geldigheid, 2027).kind).toBe('unknown');
  });
  it('dates every document, the undated wegwijzer as before mid-2022', () => {
    const c = realContent();
    const ww = c.documenten.find((d) => d.bestand === 'wegwijzer-financiering-kansrijke-start.txt');
    expect(ww && formatDatering(ww.datering)).toBe('ongedateerd, van vóór juni 2022');
    for (const d of c.documenten) expect(formatDatering(d.datering)).not.toBe('');
  });
});
