import { describe, expect, it } from 'vitest';
import { sliceOrder, TARGETS, targetTable, verdict } from '../../scripts/bench-api';

const floor = { rps: 2000, p99: 60, unexpected: 0, errors: 0 };
const save = { rps: 500, lostUpdates: 0, errors: 0 };

describe('bench:api verdict', () => {
  it('measures reads against the floor of the same run, not against absolute numbers', () => {
    const rows = verdict({ read: { rps: 1700, p99: 75, unexpected: 0, errors: 0 }, floor, save });
    expect(rows.map((r) => [r.name, r.met])).toEqual([
      ['plan reads, req/s', true],
      ['plan reads, p99 ms', true],
      ['saves (own plan), accepted/s', true],
      ['saves, lost updates (plans)', true],
      ['saves, errors', true],
    ]);
    expect(rows[0]?.ratio).toBeCloseTo(0.85);
    expect(rows[0]?.bound).toBeCloseTo(1700);
    expect(rows[1]?.ratio).toBeCloseTo(1.25);
    // The same reads against a faster floor miss both.
    const faster = verdict({ read: { rps: 1700, p99: 75, unexpected: 0, errors: 0 }, floor: { ...floor, rps: 2100, p99: 59 } });
    expect(faster.map((r) => r.met)).toEqual([false, false]);
  });

  it('misses the save targets on rate, lost updates or errors', () => {
    expect(verdict({ save: { ...save, rps: TARGETS.saveRps - 1 } }).find((r) => r.name.startsWith('saves (own'))?.met).toBe(false);
    expect(verdict({ save: { ...save, lostUpdates: 1 } }).find((r) => r.name.includes('lost'))?.met).toBe(false);
    expect(verdict({ save: { ...save, errors: 3 } }).find((r) => r.name === 'saves, errors')?.met).toBe(false);
    // The one-plan case alone has no rate target, only lost updates and errors.
    expect(verdict({ save: { lostUpdates: 0, errors: 0 } }).map((r) => r.name)).toEqual(['saves, lost updates (plans)', 'saves, errors']);
  });

  it('does not count fast wrong answers as throughput', () => {
    const rows = verdict({ read: { rps: 5000, p99: 10, unexpected: 12, errors: 0 }, floor });
    expect(rows.every((r) => !r.met)).toBe(true);
    expect(rows[0]?.note).toContain('12 read(s) not answered 200');
    const badFloor = verdict({ read: { rps: 1900, p99: 60, unexpected: 0, errors: 0 }, floor: { ...floor, errors: 2 } });
    expect(badFloor.every((r) => !r.met)).toBe(true);
  });

  it('misses when nothing was measured (an empty floor gives no ratio)', () => {
    const rows = verdict({ read: { rps: 0, p99: NaN, unexpected: 0, errors: 0 }, floor: { rps: 0, p99: NaN, unexpected: 0, errors: 0 } });
    expect(rows.map((r) => r.met)).toEqual([false, false]);
  });

  it('prints each value with its target and ratio', () => {
    const table = targetTable(verdict({ read: { rps: 1800, p99: 70, unexpected: 0, errors: 0 }, floor, save }));
    expect(table).toContain('plan reads, req/s');
    expect(table).toMatch(/1,800\s+2,000\s+>= 0\.85 × floor = 1,700\s+0\.90 × floor\s+met/);
    expect(table).toMatch(/70\.0\s+60\.0\s+<= 1\.25 × floor = 75\.0\s+1\.17 × floor\s+met/);
    expect(table).toMatch(/500\s+–\s+>= 200\s+2\.50\s+met/);
  });
});

describe('bench:api slice order', () => {
  const order = sliceOrder('a', 'b');

  it('gives floor and read 16 slices each, in Thue–Morse order', () => {
    expect(order.join('')).toBe('abbabaabbaababbabaababbaabbabaab');
  });

  it('puts both routes equally often at every place of a period of 2, 4, 8 or 16 slices', () => {
    // A disturbance that recurs every p slices (e.g. both workers' major GC) must not fall on one route.
    for (const period of [2, 4, 8, 16]) {
      for (let place = 0; place < period; place++) {
        const hits = order.filter((_, i) => i % period === place);
        expect(hits.filter((x) => x === 'a').length, `period ${period}, place ${place}`).toBe(hits.length / 2);
      }
    }
  });
});
