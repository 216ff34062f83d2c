import type { Member } from './split';

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
    if (problems.length > 0) {
      errors.push(`Regel ${row}: ${problems.join('; ')}.`);
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
