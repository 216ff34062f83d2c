import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyLine, lineAmountName } from '@/lib/plans/form';
import { duplicateLine, fillRight, isBlock, parsePastedGrid, planPaste } from '@/lib/plans/grid';

const years = [2026, 2027, 2028, 2029];

describe('fill right and duplicate', () => {
  it('copies the first filled amount into every year', () => {
    const line = { ...emptyLine('a', 'interventies'), amounts: { '2027': '12.500', '2028': '3' } };
    expect(fillRight(line, years).amounts).toEqual({ '2026': '12.500', '2027': '12.500', '2028': '12.500', '2029': '12.500' });
    expect(fillRight(emptyLine('b', 'interventies'), years).amounts).toEqual({});
  });

  it('duplicates a row as a new line: new key, no id, its own amounts', () => {
    const line = { ...emptyLine('a', 'interventies'), id: 'stored', source: 'spuk', amounts: { '2026': '5' } };
    const copy = duplicateLine(line, 'n2');
    expect(copy).toMatchObject({ key: 'n2', id: '', source: 'spuk', amounts: { '2026': '5' } });
    copy.amounts['2026'] = '6';
    expect(line.amounts['2026']).toBe('5');
  });
});

describe('pasting a block from a spreadsheet', () => {
  it('reads rows and tab-separated cells, with Windows line ends and a trailing line end', () => {
    expect(parsePastedGrid('1.000\t2.000\r\n3.000\t\r\n')).toEqual([
      ['1.000', '2.000'],
      ['3.000', ''],
    ]);
    expect(isBlock('1.000\t2.000')).toBe(true);
    expect(isBlock('1.000\n')).toBe(false);
    expect(isBlock('€ 1.000')).toBe(false);
  });

  it('fills from the cell it was pasted into, rows down and years right, and says what did not fit or is no amount', () => {
    const grid = parsePastedGrid('1.000\t2.000\t3.000\nabc\t\t4\n5\t6\t7');
    const plan = planPaste(grid, ['a', 'b'], years, 0, 2);
    expect(plan.values).toEqual({
      [lineAmountName('a', 2028)]: '1.000',
      [lineAmountName('a', 2029)]: '2.000',
      [lineAmountName('b', 2028)]: 'abc',
      [lineAmountName('b', 2029)]: '',
    });
    expect(plan.outside).toEqual({ rows: 1, columns: 1 });
    expect(plan.problems).toEqual([expect.stringMatching(/^Regel 2, 2028: “abc” is geen bedrag/)]);
  });

  it('puts every cell of a block that fits in exactly one input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }).map(String), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (grid, startRow, startYear) => {
          const keys = ['a', 'b', 'c', 'd'];
          const plan = planPaste(grid, keys, years, startRow, startYear);
          const fits = grid.slice(0, keys.length - startRow).reduce((n, row) => n + Math.min(row.length, years.length - startYear), 0);
          expect(Object.keys(plan.values)).toHaveLength(fits);
          expect(plan.problems).toEqual([]);
        },
      ),
    );
  });
});
