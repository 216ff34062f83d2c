import { parseEuro } from '@/lib/money';
import { lineAmountName, type LineFormValues } from './form';

/**
 * Spreadsheet moves of the plan editor's grid (rows = funding lines, columns
 * = years), as pure functions over form values, so the client editor (with
 * JavaScript) and the Server Action (plain form posts) do exactly the same.
 * No zod here: the client bundle imports this module.
 */

/** "Zelfde bedrag voor alle jaren": the row's first filled amount, copied into every year. */
export function fillRight(line: LineFormValues, years: readonly number[]): LineFormValues {
  const first = years.map((y) => line.amounts[String(y)] ?? '').find((a) => a.trim() !== '');
  if (first === undefined) return line;
  return { ...line, amounts: Object.fromEntries(years.map((y) => [String(y), first])) };
}

/** "Regel dupliceren": a copy of the row under a new key, as a new line (no id). */
export function duplicateLine(line: LineFormValues, key: string): LineFormValues {
  return { ...line, key, id: '', amounts: { ...line.amounts } };
}

/** Tab-separated cells from Excel or another spreadsheet: rows by line end, cells by tab. A trailing empty line is dropped. */
export function parsePastedGrid(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, '\n').split('\n');
  if (rows.length > 1 && rows.at(-1) === '') rows.pop();
  return rows.map((row) => row.split('\t').map((cell) => cell.trim()));
}

/** Whether pasted text is a block (more than one cell), which the grid spreads out instead of the browser pasting it into one input. */
export function isBlock(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
}

export type PastePlan = {
  /** Input name → value, for every cell the block lands on. */
  values: Record<string, string>;
  /** Dutch messages for cells that are not amounts (they are pasted anyway, so the user sees what arrived). */
  problems: string[];
  /** Rows and columns of the block that fell outside the table. */
  outside: { rows: number; columns: number };
};

/**
 * Spreads a pasted block over the grid from the cell it was pasted into:
 * block rows go to the following rows of the same table, block columns to the
 * following years. Empty cells clear an amount.
 */
export function planPaste(grid: string[][], rowKeys: readonly string[], years: readonly number[], startRow: number, startYear: number): PastePlan {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  let outsideRows = 0;
  let outsideColumns = 0;
  grid.forEach((cells, r) => {
    const key = rowKeys[startRow + r];
    if (key === undefined) {
      outsideRows += 1;
      return;
    }
    cells.forEach((cell, c) => {
      const year = years[startYear + c];
      if (year === undefined) {
        if (r === 0) outsideColumns += 1;
        return;
      }
      values[lineAmountName(key, year)] = cell;
      if (cell !== '') {
        const parsed = parseEuro(cell);
        if (!parsed.ok) problems.push(`Regel ${startRow + r + 1}, ${year}: “${cell}” is geen bedrag. ${parsed.message}`);
      }
    });
  });
  return { values, problems, outside: { rows: outsideRows, columns: outsideColumns } };
}
