import ExcelJS from 'exceljs';
import { BASIS_LABEL, PAYERS, PAYER_LABEL, computeTotals, type FundingBasis, type PlanTotals } from './calculations';
import { indexPlanContent, sourceName, type PlanContent } from './content';
import { STATUS_LABEL } from './schema';
import type { PlanView } from './types';
import { sourceYearWarning } from './validity';

/**
 * Exports of a plan for spreadsheets.
 *
 * CSV, for Dutch Excel (double-click must just work):
 * - separator ';' (Dutch Excel uses ';' because ',' is the decimal sign);
 * - UTF-8 with a byte order mark, so Excel does not read "€" and "ë" as
 *   Windows-1252 (a "sep=;" line is NOT added: it makes Excel ignore the BOM);
 * - CRLF line ends, every field quoted when it contains ; " CR or LF or
 *   starts/ends with a space, quotes doubled (RFC 4180);
 * - amounts as plain integers ("12500"): whole euros need no decimal sign and
 *   no grouping, which every locale reads as the same number;
 * - text that starts with = + - @ (or a tab/CR) gets a leading apostrophe,
 *   so a note like "=HYPERLINK(...)" is shown, never run (CSV injection).
 * One flat table (needs and lines, column "Soort"), ready for filters and
 * pivot tables; totals are in the .xlsx.
 *
 * XLSX (exceljs): sheet "Overzicht" with need, funding and gap per cost
 * category and year, temporary/structural per year and money by payer;
 * every total is a SUM formula and every gap a subtraction formula, each with
 * its cached result so viewers that do not recalculate still show numbers.
 * Sheet "Regels" lists every line with a SUM total.
 *
 * Both carry a column "Waarschuwing" per line: the text the read page shows
 * when the line counts on a source that has ended or is uncertain in its
 * year (lib/plans/validity.ts). The overview counts that money apart.
 */

const CSV_SEPARATOR = ';';
const CRLF = '\r\n';
export const BOM = '\uFEFF';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvRow(values: (string | number | null)[]): string {
  return values.map(csvField).join(CSV_SEPARATOR) + CRLF;
}

type LineDetails = {
  category: string;
  source: string;
  sourceKind: string;
  payer: string;
  laws: string;
};

function lineDetails(plan: PlanView, content: PlanContent) {
  const index = indexPlanContent(content);
  return (line: PlanView['lines'][number]): LineDetails => {
    const source = line.sourceSlug ? index.sources.get(line.sourceSlug) : undefined;
    return {
      category: index.categories.get(line.costCategory)?.naam ?? line.costCategory,
      source: sourceName(content, line),
      sourceKind: line.customSourceName ? 'eigen financieringsbron' : source ? 'catalogus' : 'onbekend',
      payer: PAYER_LABEL[source ? source.betaler : 'onbekend'],
      laws: source ? source.wetten.map((w) => index.laws.get(w)?.korteNaam ?? w).join(', ') : '',
    };
  };
}

export const CSV_HEADER = [
  'Soort',
  'Kostensoort',
  'Jaar',
  'Financieringsbron',
  'Soort financieringsbron',
  'Betaler',
  'Wetten',
  'Looptijd',
  'Status',
  'Bedrag (euro)',
  'Reden afwijzing',
  'Toelichting',
  'Waarschuwing',
];

/** The plan as CSV text for Dutch Excel, BOM included. */
export function planToCsv(plan: PlanView, content: PlanContent): string {
  const index = indexPlanContent(content);
  const details = lineDetails(plan, content);
  let out = BOM + csvRow(CSV_HEADER);
  const categoryOrder = new Map(content.kostensoorten.map((k, i) => [k.slug, i]));
  const needs = [...plan.needs].sort(
    (a, b) => (categoryOrder.get(a.costCategory) ?? 99) - (categoryOrder.get(b.costCategory) ?? 99) || a.year - b.year,
  );
  for (const need of needs) {
    const category = index.categories.get(need.costCategory)?.naam ?? need.costCategory;
    out += csvRow(['Behoefte', category, need.year, null, null, null, null, null, null, need.amount, null, null, null]);
  }
  for (const line of plan.lines) {
    const d = details(line);
    out += csvRow([
      'Financiering',
      d.category,
      line.year,
      d.source,
      d.sourceKind,
      d.payer,
      d.laws,
      line.looptijd,
      STATUS_LABEL[line.status],
      line.amount,
      line.rejectionReason,
      line.note,
      sourceYearWarning(content, line.sourceSlug, line.year),
    ]);
  }
  return out;
}

/** A file name from the title: ASCII letters, digits and dashes only. */
export function exportFileName(plan: Pick<PlanView, 'title' | 'version'>, extension: 'csv' | 'xlsx'): string {
  const slug = plan.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `financieringsplan-${slug || 'plan'}-v${plan.version}.${extension}`;
}

export const EURO_FORMAT = '"€" #,##0;"€" -#,##0';

function colLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

type Matrix = { header?: string; rows: { label: string; values: number[] }[] };

/**
 * Writes a label column, one column per year and a total column; the total
 * column and the total row are SUM formulas. Returns the cell address of each
 * data cell so other blocks can refer to it.
 */
function writeMatrix(
  sheet: ExcelJS.Worksheet,
  startRow: number,
  title: string,
  years: number[],
  matrix: Matrix,
  formula?: (row: number, col: number) => string,
): { next: number; address: (row: number, col: number) => string } {
  const lastYearCol = years.length + 1;
  const totalCol = lastYearCol + 1;
  const titleRow = sheet.getRow(startRow);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 12 };

  const header = sheet.getRow(startRow + 1);
  header.getCell(1).value = matrix.header ?? 'Kostensoort';
  years.forEach((year, i) => (header.getCell(i + 2).value = year));
  header.getCell(totalCol).value = 'Totaal';
  header.font = { bold: true };

  const first = startRow + 2;
  matrix.rows.forEach((r, i) => {
    const row = sheet.getRow(first + i);
    row.getCell(1).value = r.label;
    r.values.forEach((v, j) => {
      const cell = row.getCell(j + 2);
      cell.value = formula ? { formula: formula(i, j), result: v } : v;
      cell.numFmt = EURO_FORMAT;
    });
    const total = row.getCell(totalCol);
    total.value = { formula: `SUM(${colLetter(2)}${first + i}:${colLetter(lastYearCol)}${first + i})`, result: r.values.reduce((a, b) => a + b, 0) };
    total.numFmt = EURO_FORMAT;
    total.font = { bold: true };
  });
  const last = first + matrix.rows.length - 1;
  const totalRow = sheet.getRow(last + 1);
  totalRow.getCell(1).value = 'Totaal';
  totalRow.font = { bold: true };
  for (let c = 2; c <= totalCol; c++) {
    const result = matrix.rows.reduce((sum, r) => sum + (c === totalCol ? r.values.reduce((a, b) => a + b, 0) : (r.values[c - 2] ?? 0)), 0);
    const cell = totalRow.getCell(c);
    cell.value = matrix.rows.length > 0 ? { formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${last})`, result } : 0;
    cell.numFmt = EURO_FORMAT;
  }
  return { next: last + 3, address: (row, col) => `${colLetter(col + 2)}${first + row}` };
}

/** The plan as an .xlsx workbook (bytes). */
export async function planToXlsx(plan: PlanView, content: PlanContent, basis: FundingBasis = 'verwacht'): Promise<Uint8Array<ArrayBuffer>> {
  const totals: PlanTotals = computeTotals(plan, content, basis);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wegwijzer financiering Kansrijke Start';
  workbook.created = plan.updatedAt;
  workbook.modified = plan.updatedAt;
  // Excel recalculates on open, so a changed number updates every total.
  workbook.calcProperties.fullCalcOnLoad = true;

  const sheet = workbook.addWorksheet('Overzicht');
  sheet.getColumn(1).width = 34;
  for (let c = 2; c <= totals.years.length + 2; c++) sheet.getColumn(c).width = 16;
  sheet.getCell('A1').value = plan.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Gemeente of regio: ${plan.municipality}`;
  sheet.getCell('A3').value = `Looptijd ${plan.startYear}–${plan.endYear}, versie ${plan.version}. Financiering: ${BASIS_LABEL[basis].toLowerCase()}.`;

  const years = totals.years;
  const need = writeMatrix(sheet, 5, 'Behoefte', years, {
    rows: totals.categories.map((c) => ({ label: c.naam, values: c.years.map((y) => y.need) })),
  });
  const funded = writeMatrix(sheet, need.next, `Financiering (${BASIS_LABEL[basis].toLowerCase()})`, years, {
    rows: totals.categories.map((c) => ({ label: c.naam, values: c.years.map((y) => y.funded) })),
  });
  const gap = writeMatrix(
    sheet,
    funded.next,
    'Tekort (behoefte min financiering; negatief is overschot)',
    years,
    { rows: totals.categories.map((c) => ({ label: c.naam, values: c.years.map((y) => y.gap) })) },
    (row, col) => `${need.address(row, col)}-${funded.address(row, col)}`,
  );
  const uncertain = writeMatrix(sheet, gap.next, 'Onzeker na afloop van de bron (niet meegeteld als financiering)', years, {
    rows: totals.categories.map((c) => ({ label: c.naam, values: c.years.map((y) => y.uncertain) })),
  });
  const split = writeMatrix(sheet, uncertain.next, 'Tijdelijk en structureel per jaar', years, {
    header: 'Looptijd',
    rows: [
      { label: 'Tijdelijk', values: totals.byYear.map((y) => y.tijdelijk) },
      { label: 'Structureel', values: totals.byYear.map((y) => y.structureel) },
    ],
  });
  sheet.getRow(split.next - 2).getCell(1).value = 'Totaal financiering';
  let row = split.next;
  sheet.getCell(`A${row}`).value =
    totals.cliff.year === null
      ? 'Geen tijdelijk geld in dit plan.'
      : `Jaar waarin het tijdelijke geld wegvalt: ${totals.cliff.year}${totals.cliff.withinPlan ? '' : ' (na het plan)'}.`;
  row += 2;
  writeMatrix(sheet, row, 'Per betaler', years, {
    header: 'Betaler',
    rows: PAYERS.map((p) => {
      const t = totals.byPayer.find((b) => b.payer === p);
      return { label: PAYER_LABEL[p], values: years.map((y) => t?.years.find((v) => v.year === y)?.amount ?? 0) };
    }),
  });

  const lines = workbook.addWorksheet('Regels');
  const headers = CSV_HEADER.slice(1);
  lines.addRow(headers).font = { bold: true };
  const details = lineDetails(plan, content);
  for (const line of plan.lines) {
    const d = details(line);
    lines.addRow([
      d.category,
      line.year,
      d.source,
      d.sourceKind,
      d.payer,
      d.laws,
      line.looptijd,
      STATUS_LABEL[line.status],
      line.amount,
      line.rejectionReason ?? '',
      line.note ?? '',
      sourceYearWarning(content, line.sourceSlug, line.year) ?? '',
    ]);
  }
  const amountCol = headers.indexOf('Bedrag (euro)') + 1;
  lines.getColumn(amountCol).numFmt = EURO_FORMAT;
  const lastLine = plan.lines.length + 1;
  const totalRow = lines.addRow([]);
  totalRow.getCell(1).value = 'Totaal (alle statussen)';
  totalRow.getCell(amountCol).value =
    plan.lines.length > 0
      ? { formula: `SUM(${colLetter(amountCol)}2:${colLetter(amountCol)}${lastLine})`, result: plan.lines.reduce((a, l) => a + l.amount, 0) }
      : 0;
  totalRow.font = { bold: true };
  lines.columns.forEach((col, i) => (col.width = [26, 8, 34, 12, 16, 24, 12, 12, 16, 30, 40, 60][i] ?? 14));
  lines.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  lines.views = [{ state: 'frozen', ySplit: 1 }];

  const buffer = await workbook.xlsx.writeBuffer();
  // Copied into a plain ArrayBuffer: what Response accepts as a body.
  const bytes = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  bytes.set(new Uint8Array(buffer));
  return bytes;
}
