import ExcelJS from 'exceljs';
import { BOM, EURO_FORMAT, csvRow } from '@/lib/plans/export';
import { computeSplit, type Names } from './calculate';
import type { RegionView } from './repository';
import { rangeLabel } from './years';

/**
 * Exports of a regional plan, with the same conventions as the funding plan
 * exports (lib/plans/export.ts: ';', BOM, CRLF, whole euros as plain integers,
 * formula-safe text). CSV: one row per member, item and year, ready for a
 * pivot table. XLSX: sheet "Overzicht" (members × years), one sheet
 * "Verdeling <year>" per year (members × items), all with SUM totals per row
 * and column, and sheet "Gemeenten" (the split keys).
 */

export const REGION_CSV_HEADER = ['Gemeente', 'Kostenpost', 'Soort', 'Kostensoort', 'Verdeling', 'Jaar', 'Trajecten', 'Bedrag (euro)'];

export function regionToCsv(region: RegionView, names: Names): string {
  const split = computeSplit(region, names);
  let out = BOM + csvRow(REGION_CSV_HEADER);
  region.members.forEach((member, m) => {
    for (const item of split.items) {
      for (const y of item.years) {
        out += csvRow([
          member.name,
          item.label,
          item.kind === 'gedeeld' ? 'Gedeelde kosten' : 'Trajecten',
          names.category(item.costCategory),
          item.keyLabel,
          y.year,
          y.trajectories?.[m] ?? null,
          y.shares[m] ?? 0,
        ]);
      }
    }
  });
  return out;
}

export function regionFileName(region: Pick<RegionView, 'name' | 'version'>, extension: 'csv' | 'xlsx'): string {
  const slug = region.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `regionaal-plan-${slug || 'regio'}-v${region.version}.${extension}`;
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

type Matrix = {
  title: string;
  subtitle: string;
  columns: string[];
  totalColumn: string;
  rows: { label: string; values: number[]; total: number }[];
  totals: number[];
  total: number;
};

/** A table of whole euros with SUM formulas (and their results) per row and per column. */
function writeMatrix(sheet: ExcelJS.Worksheet, table: Matrix) {
  sheet.getColumn(1).width = 28;
  sheet.getCell('A1').value = table.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = table.subtitle;
  const headerRow = 4;
  const first = headerRow + 1;
  const last = first + table.rows.length - 1;
  const totalCol = table.columns.length + 2;
  sheet.getCell(headerRow, 1).value = 'Gemeente';
  table.columns.forEach((label, i) => {
    sheet.getCell(headerRow, i + 2).value = label;
    sheet.getColumn(i + 2).width = 22;
  });
  sheet.getCell(headerRow, totalCol).value = table.totalColumn;
  sheet.getColumn(totalCol).width = 18;
  sheet.getRow(headerRow).font = { bold: true };
  table.rows.forEach((row, r) => {
    const at = first + r;
    sheet.getCell(at, 1).value = row.label;
    row.values.forEach((value, i) => {
      const cell = sheet.getCell(at, i + 2);
      cell.value = value;
      cell.numFmt = EURO_FORMAT;
    });
    const total = sheet.getCell(at, totalCol);
    total.value = table.columns.length > 0 ? { formula: `SUM(B${at}:${colLetter(totalCol - 1)}${at})`, result: row.total } : 0;
    total.numFmt = EURO_FORMAT;
  });
  const sumRow = last + 1;
  sheet.getCell(sumRow, 1).value = 'Totaal regio';
  sheet.getRow(sumRow).font = { bold: true };
  for (let c = 2; c <= totalCol; c++) {
    const result = c === totalCol ? table.total : (table.totals[c - 2] ?? 0);
    const cell = sheet.getCell(sumRow, c);
    cell.value = table.rows.length > 0 ? { formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${last})`, result } : 0;
    cell.numFmt = EURO_FORMAT;
  }
}

export async function regionToXlsx(region: RegionView, names: Names): Promise<Uint8Array<ArrayBuffer>> {
  const split = computeSplit(region, names);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wegwijzer financiering Kansrijke Start';
  workbook.created = region.updatedAt;
  workbook.calcProperties.fullCalcOnLoad = true;

  writeMatrix(workbook.addWorksheet('Overzicht'), {
    title: region.name,
    subtitle: `Aandeel per gemeente per jaar, ${rangeLabel(region.startYear, region.endYear)}, versie ${region.version}.`,
    columns: split.years.map(String),
    totalColumn: 'Totaal',
    rows: split.members.map((m) => ({ label: m.name, values: m.years.map((y) => y.total), total: m.total })),
    totals: split.byYear.map((y) => y.total),
    total: split.total,
  });
  split.years.forEach((year, y) => {
    writeMatrix(workbook.addWorksheet(`Verdeling ${year}`), {
      title: region.name,
      subtitle: `Aandeel per gemeente per kostenpost in ${year}, versie ${region.version}.`,
      columns: split.items.map((item) => `${item.label} (${names.category(item.costCategory)})`),
      totalColumn: `Totaal ${year}`,
      rows: split.members.map((m, i) => ({ label: m.name, values: split.items.map((item) => item.years[y]?.shares[i] ?? 0), total: m.years[y]?.total ?? 0 })),
      totals: split.items.map((item) => item.years[y]?.amount ?? 0),
      total: split.byYear[y]?.total ?? 0,
    });
  });

  const members = workbook.addWorksheet('Gemeenten');
  members.columns = [
    { header: 'Gemeente', width: 28 },
    { header: 'Kinderen 0–4 jaar', width: 18 },
    { header: 'Kinderen 0–18 jaar', width: 18 },
  ];
  for (const m of region.members) members.addRow([m.name, m.children0to4, m.children0to18]);
  members.getRow(1).font = { bold: true };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
