import { textProblem } from '@/lib/text-validation';
import type { Member } from './split';
import { outsideRangeMessage, yearsOf, type YearCounts } from './years';

/**
 * Members pasted from a spreadsheet: one municipality per row,
 * "naam<TAB>kinderen 0-4<TAB>kinderen 0-18" (Excel and LibreOffice copy cells
 * as tab-separated text; a CSV saved by Dutch Excel uses ';'). Numbers may be
 * written the Dutch way ("12.345", "12 345"). A first row whose counts are not
 * numbers is taken as a header and skipped; any other bad row gets its own
 * Dutch message with its row number, so the coordinator can fix the sheet.
 *
 * No zod and no server code: the region schema calls this for form input, and
 * the edit page uses membersToText() to show stored members the same way.
 * Historical trajectories are pasted the same way, rows = members and
 * columns = years (parseTrajectoryGrid, trajectoriesToText).
 */

export const MAX_MEMBERS = 60;
export const MAX_MEMBER_NAME = 120;
/** More children than the Netherlands has is a typo. */
export const MAX_CHILDREN = 5_000_000;

export type PasteResult = { ok: true; members: Member[] } | { ok: false; errors: string[] };

/** "12.345", "12 345", "12345" → 12345; anything else (decimals, negatives, text) → null. */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/[\u00A0\u202F]/g, ' ');
  let digits: string;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}([. ])\d{3}(\1\d{3})*$/.test(t)) digits = t.replace(/[. ]/g, '');
  else return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}

function splitRow(line: string): string[] {
  // Tabs win: a municipality name never contains one, but a ';' is unlikely too.
  const cells = line.includes('\t') ? line.split('\t') : line.split(';');
  return cells.map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

export function parseMemberRows(text: string): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const members: Member[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  let firstContentRow = true;

  lines.forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === '') return;
    const cells = splitRow(line);
    const [name = '', a = '', b = '', ...rest] = cells;
    const isFirst = firstContentRow;
    firstContentRow = false;
    const c4 = parseCount(a);
    const c18 = parseCount(b);
    if (isFirst && c4 === null && c18 === null && /[a-z]/i.test(a + b)) return; // header row
    const problems: string[] = [];
    if (name === '') problems.push('de naam ontbreekt');
    else if (name.length > MAX_MEMBER_NAME) problems.push(`de naam is langer dan ${MAX_MEMBER_NAME} tekens`);
    if (rest.some((r) => r !== '')) problems.push('er staan meer dan drie kolommen');
    if (c4 === null) problems.push(a === '' ? 'het aantal kinderen van 0–4 jaar ontbreekt' : `“${a}” is geen heel aantal kinderen (0–4 jaar)`);
    if (c18 === null) problems.push(b === '' ? 'het aantal kinderen van 0–18 jaar ontbreekt' : `“${b}” is geen heel aantal kinderen (0–18 jaar)`);
    if (c4 !== null && c4 > MAX_CHILDREN) problems.push('het aantal kinderen van 0–4 jaar is onwaarschijnlijk hoog');
    if (c18 !== null && c18 > MAX_CHILDREN) problems.push('het aantal kinderen van 0–18 jaar is onwaarschijnlijk hoog');
    if (c4 !== null && c18 !== null && c4 > c18) problems.push('er zijn meer kinderen van 0–4 dan van 0–18 jaar');
    const key = name.toLocaleLowerCase('nl-NL');
    if (name !== '' && seen.has(key)) problems.push(`${name} staat er al eerder in`);
    // Invalid UTF-8, control and bidirectional characters: the same check and message as the API (lib/text-validation.ts).
    const nameProblem = name === '' ? null : textProblem(name);
    if (problems.length > 0 || nameProblem) {
      errors.push([problems.length > 0 ? `Regel ${row}: ${problems.join('; ')}.` : null, nameProblem ? `Regel ${row}: ${nameProblem}` : null].filter(Boolean).join(' '));
      return;
    }
    seen.add(key);
    members.push({ name, children0to4: c4 ?? 0, children0to18: c18 ?? 0 });
  });

  if (errors.length === 0 && members.length === 0) errors.push('Vul minstens één gemeente in: naam, kinderen 0–4 en kinderen 0–18 per regel.');
  if (members.length > MAX_MEMBERS) errors.push(`Een regio heeft hoogstens ${MAX_MEMBERS} gemeenten (nu ${members.length}).`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, members };
}

/** Stored members as the textarea shows them: the same format the parser reads. */
export function membersToText(members: readonly Member[]): string {
  return members.map((m) => `${m.name}\t${m.children0to4}\t${m.children0to18}`).join('\n');
}

/**
 * A per-member list such as "12,5; 7,5; 80" or one value per line, in member
 * order (percentages of a split key, historical trajectories). Returns the
 * raw cells; the caller parses each.
 */
export function splitList(text: string): string[] {
  const t = text.trim();
  if (t === '') return [];
  return t.split(/[;\n\t]+/).map((c) => c.trim()).filter((c) => c !== '');
}

/** "12,5" / "12.5" / "12" (percent, at most two decimals) → basis points (1250); null when invalid. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 1250 → "12,5" (no % sign; the field's label says percent). */
export function formatBp(bp: number): string {
  return (bp / 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 });
}

/** Most trajectories one member can buy in one year; more is a typo. */
export const MAX_TRAJECTORIES = 100_000;

const isYearCell = (cell: string) => /^(20\d\d|2100)$/.test(cell);
const nameKey = (name: string) => name.trim().toLocaleLowerCase('nl-NL');

export type GridResult = { ok: true; value: YearCounts[] } | { ok: false; errors: string[] };

/**
 * Historical trajectories pasted from a spreadsheet: one row per member, one
 * column per year, tab- or ';'-separated, Dutch numbers, e.g.
 *
 *   Gemeente  2026  2027
 *   Arnhem    12    14
 *   Ede       9     9
 *
 * - A first row of years is the header: it says which year each column is.
 *   Without it the columns are the plan's years in order.
 * - With a name first in every row, rows are matched to the members by name
 *   (any order, each member once); without names there is one row per member
 *   in the order of the member list.
 * - A row with one number means the same number every year; an empty cell is 0.
 * - The earlier one-line form "12; 9; 0" (one number per member, the same
 *   every year) is still read.
 * - A column for a year outside the plan may only hold zeros (it is dropped);
 *   a year the rows do not cover is 0.
 *
 * Returns one entry per year of the plan, counts in member order.
 */
export function parseTrajectoryGrid(text: string, memberNames: readonly string[], startYear: number, endYear: number): GridResult {
  const years = yearsOf(startYear, endYear);
  const rows = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => ({ row: i + 1, cells: splitRow(line) }))
    .filter((r) => r.cells.some((c) => c !== ''))
    // Trailing empty cells (a spreadsheet's blank columns) say nothing.
    .map((r) => ({ ...r, cells: r.cells.slice(0, r.cells.findLastIndex((c) => c !== '') + 1) }));
  if (rows.length === 0) return { ok: false, errors: ['Vul de aantallen trajecten in: één regel per gemeente.'] };

  const members = new Map(memberNames.map((name, i) => [nameKey(name), i]));
  const isName = (cell: string) => cell !== '' && parseCount(cell) === null;
  const errors: string[] = [];

  // The header: years, after a name column's heading (or an empty cell).
  let columns: number[] | null = null;
  const [first] = rows;
  if (first) {
    const lead = isYearCell(first.cells[0] ?? '') ? 0 : 1;
    const heads = first.cells.slice(lead);
    const leadIsHeading = lead === 0 || !members.has(nameKey(first.cells[0] ?? ''));
    if (heads.length > 0 && heads.every(isYearCell) && leadIsHeading && (lead === 1 || rows.length === memberNames.length + 1)) {
      columns = heads.map(Number);
      rows.shift();
      const seen = new Set<number>();
      for (const year of columns) {
        if (seen.has(year)) errors.push(`Kopregel: ${year} staat er twee keer in.`);
        seen.add(year);
      }
    }
  }

  // The earlier one-line form: one number per member, the same every year.
  const [only] = rows;
  if (rows.length === 1 && only && !columns && memberNames.length > 1 && only.cells.length === memberNames.length && !isName(only.cells[0] ?? '')) {
    const counts = only.cells.map((c) => parseCount(c));
    const bad = only.cells.find((c, i) => counts[i] === null || (counts[i] ?? 0) > MAX_TRAJECTORIES);
    if (bad !== undefined) return { ok: false, errors: [`“${bad}” is geen heel aantal trajecten.`] };
    return { ok: true, value: years.map((year) => ({ year, counts: counts.map((n) => n ?? 0) })) };
  }

  const named = rows.filter((r) => isName(r.cells[0] ?? '')).length;
  if (named > 0 && named < rows.length) {
    return { ok: false, errors: [...errors, 'Zet in elke regel de naam van de gemeente vooraan, of in geen enkele regel.'] };
  }
  if (named === 0 && rows.length !== memberNames.length) {
    return {
      ok: false,
      errors: [...errors, `Geef één regel per gemeente, in de volgorde van de lijst (nu ${rows.length} ${rows.length === 1 ? 'regel' : 'regels'} voor ${memberNames.length} gemeenten), of zet de naam vooraan in elke regel.`],
    };
  }

  const wanted = columns ?? years;
  // byMember[m] = counts per column of `wanted`, or one count for every year.
  const byMember: (number[] | { every: number } | undefined)[] = memberNames.map(() => undefined);
  for (const [r, { row, cells }] of rows.entries()) {
    let index = r;
    let values = cells;
    if (named > 0) {
      const name = cells[0] ?? '';
      const found = members.get(nameKey(name));
      if (found === undefined) {
        errors.push(`Regel ${row}: ${name} staat niet in de lijst met gemeenten.`);
        continue;
      }
      if (byMember[found] !== undefined) {
        errors.push(`Regel ${row}: ${name} staat er al eerder in.`);
        continue;
      }
      index = found;
      values = cells.slice(1);
    }
    const counts = values.map((c) => (c === '' ? 0 : parseCount(c)));
    const bad = values.find((_, i) => counts[i] === null);
    if (bad !== undefined) {
      errors.push(`Regel ${row}: “${bad}” is geen heel aantal trajecten.`);
      byMember[index] = { every: 0 }; // reported; keeps "missing" quiet
      continue;
    }
    const numbers = counts.map((n) => n ?? 0);
    if (numbers.some((n) => n > MAX_TRAJECTORIES)) {
      errors.push(`Regel ${row}: meer dan ${MAX_TRAJECTORIES.toLocaleString('nl-NL')} trajecten per jaar is onwaarschijnlijk.`);
      byMember[index] = { every: 0 };
    } else if (numbers.length === 1) byMember[index] = { every: numbers[0] ?? 0 };
    else if (numbers.length === wanted.length) byMember[index] = numbers;
    else {
      const what = columns ? `de ${wanted.length} jaren van de kopregel` : `de ${wanted.length} jaren van het plan (${wanted.join(', ')})`;
      errors.push(`Regel ${row}: geef één aantal (elk jaar hetzelfde) of één aantal voor elk van ${what} (nu ${numbers.length}).`);
      byMember[index] = { every: 0 };
    }
  }
  const missing = memberNames.filter((_, m) => byMember[m] === undefined);
  if (named > 0 && missing.length > 0) errors.push(`Er ontbreken trajecten voor ${missing.join(', ')}.`);

  // Columns for years outside the plan: only zeros, which are dropped.
  wanted.forEach((year, col) => {
    if (years.includes(year)) return;
    if (byMember.some((b) => Array.isArray(b) && (b[col] ?? 0) !== 0)) {
      errors.push(outsideRangeMessage(year, startYear, endYear, `Zet de kolom ${year} op 0 of haal hem weg, of pas de looptijd aan.`));
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    value: years.map((year) => {
      const col = wanted.indexOf(year);
      return { year, counts: byMember.map((b) => (b === undefined ? 0 : Array.isArray(b) ? (col < 0 ? 0 : (b[col] ?? 0)) : b.every)) };
    }),
  };
}

/** Stored trajectories as the form shows them: a header of years, then a row per member with its name. */
export function trajectoriesToText(memberNames: readonly string[], entries: readonly YearCounts[]): string {
  const header = ['Gemeente', ...entries.map((e) => String(e.year))].join('\t');
  return [header, ...memberNames.map((name, m) => [name, ...entries.map((e) => String(e.counts[m] ?? 0))].join('\t'))].join('\n');
}
