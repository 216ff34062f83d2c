import ExcelJS from 'exceljs';
import { BASIS_LABEL, PAYERS, PAYER_LABEL, computeTotals, type FundingBasis, type PlanTotals } from './calculations';
import { indexPlanContent, sourceName, type PlanContent } from './content';
import { STATUS_LABEL } from './schema';
import { amountIn, lineTotal } from './lines';
import { countedNeeds, describeIgnored, ignoredNeeds, regionNeeds, shareAmount, shareLabel } from './region-shares';
import type { PlanView } from './types';
import { planWarnings } from './validity';

/**
 * Exports of a plan for spreadsheets.
 *
 * CSV, for Dutch Excel (double-click must just work):
 * - separator ';' (Dutch Excel uses ';' because ',' is the decimal sign);
 * - UTF-8 with a byte order mark, so Excel does not read "€" and "ë" as
 *   Windows-1252 (a "sep=;" line is NOT added: it makes Excel ignore the BOM);
 * - CRLF line ends, every field quoted when it contains , ; " CR or LF or
 *   starts/ends with a space, quotes doubled (RFC 4180);
 * - amounts as plain integers ("12500"): whole euros need no decimal sign and
 *   no grouping, which every locale reads as the same number;
 * - text that starts with = + - @ (or a tab/CR) gets a leading apostrophe,
 *   so a note like "=HYPERLINK(...)" is shown, never run (CSV injection).
 * A few header lines (title, municipality, years, version, export date), then
 * one table (needs and lines, column "Soort") with a column per year and a
 * total, ready for filters; totals per category are in the .xlsx.
 *
 * XLSX (exceljs): sheet "Overzicht" with need, funding and gap per cost
 * category and year, temporary/structural per year and money by payer;
 * every total is a SUM formula and every gap a subtraction formula, each with
 * its cached result so viewers that do not recalculate still show numbers.
 * Sheet "Regels" lists every line with a column per year and a SUM total per
 * line, then two named totals: all lines (every status) and the funding the
 * read page counts, so the two never contradict each other unnamed.
 *
 * Regional shares (lib/plans/region-shares.ts) are need: the CSV has a row
 * "Behoefte (aandeel regio)" per linked region and cost category, and the
 * overview's need includes them, with a block "Waarvan aandeel regio" below it.
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
  // ',' too: the separator is ';', but Excel and LibreOffice outside the Dutch
  // locale (and many CSV readers) split on ',' when they guess.
  if (/[,;"\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
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
  /** The warnings of every year of the line, in year order (lib/plans/validity.ts). */
  warning: string;
};

function lineDetails(content: PlanContent) {
  const index = indexPlanContent(content);
  return (line: PlanView['lines'][number]): LineDetails => {
    const source = line.sourceSlug ? index.sources.get(line.sourceSlug) : undefined;
    return {
      category: index.categories.get(line.costCategory)?.naam ?? line.costCategory,
      source: sourceName(content, line),
      sourceKind: line.customSourceName ? 'eigen financieringsbron' : source ? 'uit de wegwijzer' : 'niet meer in de wegwijzer',
      payer: PAYER_LABEL[source ? source.betaler : 'onbekend'],
      laws: source ? source.wetten.map((w) => index.laws.get(w)?.korteNaam ?? w).join(', ') : '',
      warning: [...new Set(planWarnings([line], content).map((w) => w.message))].join(' '),
    };
  };
}

/** "2 december 2026": the date an export was made, in Dutch time. */
const exportDate = (now: Date) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(now);

/** The lines above the table in both exports: what this file is, of which version, made when. */
export function exportHeader(plan: Pick<PlanView, 'title' | 'municipality' | 'version' | 'startYear' | 'endYear'>, now: Date): [string, string][] {
  return [
    ['Financieringsplan', plan.title],
    ['Gemeente of regio', plan.municipality],
    ['Looptijd', `${plan.startYear}–${plan.endYear}`],
    ['Versie', String(plan.version)],
    ['Geëxporteerd op', exportDate(now)],
  ];
}

/** The table's columns: the years of the plan (and any year a row uses outside them) come after the descriptive ones. */
export function csvHeader(years: readonly number[]): string[] {
  return [
    'Soort',
    'Kostensoort',
    'Financieringsbron',
    'Soort financieringsbron',
    'Betaler',
    'Wetten',
    'Looptijd',
    'Status',
    ...years.map((y) => `${y} (euro)`),
    'Totaal (euro)',
    'Reden afwijzing',
    'Toelichting',
    'Waarschuwing',
  ];
}

/**
 * The plan as CSV text for Dutch Excel, BOM included: a few lines saying what
 * the file is, a blank line, then one row per need (per cost category) and per
 * funding line, with a column per year.
 */
export function planToCsv(plan: PlanView, content: PlanContent, now: Date = new Date()): string {
  const index = indexPlanContent(content);
  const details = lineDetails(content);
  const years = computeTotals(plan, content).years;
  let out = BOM;
  for (const [label, value] of exportHeader(plan, now)) out += csvRow([label, value]);
  out += CRLF + csvRow(csvHeader(years));
  const categoryOrder = new Map(content.kostensoorten.map((k, i) => [k.slug, i]));
  const needCategories = [...new Set(plan.needs.map((n) => n.costCategory))].sort(
    (a, b) => (categoryOrder.get(a) ?? 99) - (categoryOrder.get(b) ?? 99),
  );
  for (const category of needCategories) {
    const amounts = years.map((y) => plan.needs.find((n) => n.costCategory === category && n.year === y)?.amount ?? 0);
    const name = index.categories.get(category)?.naam ?? category;
    out += csvRow(['Behoefte', name, null, null, null, null, null, null, ...amounts, amounts.reduce((a, b) => a + b, 0), null, null, null]);
  }
  for (const share of plan.regionShares ?? []) {
    const counted = { needs: countedNeeds(share, plan.startYear, plan.endYear) };
    const ignored = ignoredNeeds(share, plan.startYear, plan.endYear);
    const categories = [...new Set(share.needs.map((n) => n.costCategory))];
    for (const category of categories) {
      const amounts = years.map((y) => shareAmount(counted, category, y));
      const outside = ignored.filter((n) => n.costCategory === category);
      const note = `${share.memberName}, ${shareLabel(share)}${outside.length > 0 ? `; niet meegeteld (buiten de looptijd): ${describeIgnored(outside)}` : ''}`;
      const name = index.categories.get(category)?.naam ?? category;
      out += csvRow(['Behoefte (aandeel regio)', name, null, null, null, null, null, null, ...amounts, amounts.reduce((a, b) => a + b, 0), null, note, null]);
    }
  }
  for (const line of plan.lines) {
    const d = details(line);
    out += csvRow([
      'Financiering',
      d.category,
      d.source,
      d.sourceKind,
      d.payer,
      d.laws,
      line.looptijd,
      STATUS_LABEL[line.status],
      ...years.map((y) => amountIn(line, y)),
      lineTotal(line),
      line.rejectionReason,
      line.note,
      d.warning || null,
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
export async function planToXlsx(plan: PlanView, content: PlanContent, basis: FundingBasis = 'verwacht', now: Date = new Date()): Promise<Uint8Array<ArrayBuffer>> {
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
  exportHeader(plan, now).forEach(([label, value], i) => {
    sheet.getCell(`A${i + 1}`).value = label;
    sheet.getCell(`B${i + 1}`).value = value;
  });
  sheet.getCell('B1').font = { bold: true, size: 14 };
  sheet.getCell('A6').value = `Financiering telt als ${BASIS_LABEL[basis].toLowerCase()}, zonder geld uit geldbronnen die in dat jaar afgelopen of onzeker zijn.`;

  const years = totals.years;
  const need = writeMatrix(sheet, 8, 'Behoefte', years, {
    rows: totals.categories.map((c) => ({ label: c.naam, values: c.years.map((y) => y.need) })),
  });
  const shares = plan.regionShares ?? [];
  const sharedNeed = regionNeeds(shares, plan.startYear, plan.endYear);
  const afterNeed =
    shares.length === 0
      ? need.next
      : writeMatrix(sheet, need.next, `Waarvan aandeel regio (${shares.map((r) => `${r.regionName}, versie ${r.regionVersion}`).join('; ')})`, years, {
          rows: totals.categories.map((c) => ({
            label: c.naam,
            values: years.map((y) => sharedNeed.filter((n) => n.costCategory === c.costCategory && n.year === y).reduce((sum, n) => sum + n.amount, 0)),
          })),
        }).next;
  const funded = writeMatrix(sheet, afterNeed, `Financiering (${BASIS_LABEL[basis].toLowerCase()})`, years, {
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
  const header = exportHeader(plan, now);
  header.forEach(([label, value]) => lines.addRow([label, value]));
  lines.addRow([]);
  const headers = csvHeader(years).slice(1);
  const headerRow = lines.addRow(headers);
  headerRow.font = { bold: true };
  const firstYearCol = headers.indexOf(`${years[0]} (euro)`) + 1;
  const totalCol = firstYearCol + years.length;
  const firstLine = headerRow.number + 1;
  const details = lineDetails(content);
  for (const line of plan.lines) {
    const d = details(line);
    const row = lines.addRow([
      d.category,
      d.source,
      d.sourceKind,
      d.payer,
      d.laws,
      line.looptijd,
      STATUS_LABEL[line.status],
      ...years.map((y) => amountIn(line, y)),
      null,
      line.rejectionReason ?? '',
      line.note ?? '',
      d.warning,
    ]);
    row.getCell(totalCol).value = { formula: `SUM(${colLetter(firstYearCol)}${row.number}:${colLetter(totalCol - 1)}${row.number})`, result: lineTotal(line) };
  }
  const lastLine = firstLine + plan.lines.length - 1;
  for (let c = firstYearCol; c <= totalCol; c++) lines.getColumn(c).numFmt = EURO_FORMAT;
  // Two totals, each named, so neither reads as the other (the overview counts only money on the basis).
  const allRow = lines.addRow(['Totaal van alle regels (alle statussen, ook ideeën, afgewezen en onzeker)']);
  const fundedRow = lines.addRow([`Waarvan financiering zoals op de leespagina (${BASIS_LABEL[basis].toLowerCase()}, zonder onzekere geldbronnen)`]);
  for (let c = firstYearCol; c <= totalCol; c++) {
    const i = c - firstYearCol;
    const all = i < years.length ? plan.lines.reduce((sum, l) => sum + amountIn(l, years[i] ?? 0), 0) : plan.lines.reduce((sum, l) => sum + lineTotal(l), 0);
    allRow.getCell(c).value = plan.lines.length > 0 ? { formula: `SUM(${colLetter(c)}${firstLine}:${colLetter(c)}${lastLine})`, result: all } : 0;
    fundedRow.getCell(c).value = i < years.length ? (totals.byYear[i]?.funded ?? 0) : totals.total.funded;
  }
  allRow.font = { bold: true };
  fundedRow.font = { bold: true };
  lines.columns.forEach((col, i) => (col.width = i === 0 ? 30 : i === 1 ? 34 : i < firstYearCol - 1 ? 14 : i < totalCol ? 14 : 40));
  lines.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: headers.length } };
  lines.views = [{ state: 'frozen', ySplit: headerRow.number }];

  const buffer = await workbook.xlsx.writeBuffer();
  // Copied into a plain ArrayBuffer: what Response accepts as a body.
  const bytes = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  bytes.set(new Uint8Array(buffer));
  return bytes;
}
