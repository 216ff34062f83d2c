import ExcelJS from 'exceljs';
import { BOM, EURO_FORMAT, csvRow } from '@/lib/plans/export';
import { computeSplit, type Names } from './calculate';
import type { RegionView } from './repository';

/**
 * Exports of a regional plan, with the same conventions as the funding plan
 * exports (lib/plans/export.ts: ';', BOM, CRLF, whole euros as plain integers,
 * formula-safe text). CSV: one row per member, item and year, ready for a
 * pivot table. XLSX: sheet "Verdeling" (members × items, one year, with SUM
 * totals per member and per item) and sheet "Gemeenten" (the split keys).
 */

export const REGION_CSV_HEADER = ['Gemeente', 'Kostenpost', 'Soort', 'Kostensoort', 'Verdeling', 'Jaar', 'Trajecten', 'Bedrag (euro)'];

export function regionToCsv(region: RegionView, names: Names): string {
  const split = computeSplit(region, names);
  let out = BOM + csvRow(REGION_CSV_HEADER);
  region.members.forEach((member, m) => {
    for (const item of split.items) {
      for (const year of split.years) {
        out += csvRow([
          member.name,
          item.label,
          item.kind === 'gedeeld' ? 'Gedeelde kosten' : 'Trajecten',
          names.category(item.costCategory),
          item.keyLabel,
          year,
          item.trajectories?.[m] ?? null,
          item.shares[m] ?? 0,
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

export async function regionToXlsx(region: RegionView, names: Names): Promise<Uint8Array<ArrayBuffer>> {
  const split = computeSplit(region, names);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wegwijzer financiering Kansrijke Start';
  workbook.created = region.updatedAt;
  workbook.calcProperties.fullCalcOnLoad = true;

  const sheet = workbook.addWorksheet('Verdeling');
  sheet.getColumn(1).width = 28;
  sheet.getCell('A1').value = region.name;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Aandeel per gemeente per jaar (elk jaar gelijk), ${region.startYear}–${region.endYear}, versie ${region.version}.`;
  const headerRow = 4;
  const first = headerRow + 1;
  const last = first + region.members.length - 1;
  const totalCol = split.items.length + 2;
  sheet.getCell(headerRow, 1).value = 'Gemeente';
  split.items.forEach((item, i) => {
    const cell = sheet.getCell(headerRow, i + 2);
    cell.value = `${item.label} (${names.category(item.costCategory)})`;
    sheet.getColumn(i + 2).width = 22;
  });
  sheet.getCell(headerRow, totalCol).value = 'Totaal per jaar';
  sheet.getRow(headerRow).font = { bold: true };
  region.members.forEach((member, m) => {
    const r = first + m;
    sheet.getCell(r, 1).value = member.name;
    split.items.forEach((item, i) => {
      const cell = sheet.getCell(r, i + 2);
      cell.value = item.shares[m] ?? 0;
      cell.numFmt = EURO_FORMAT;
    });
    const total = sheet.getCell(r, totalCol);
    total.value = split.items.length > 0 ? { formula: `SUM(B${r}:${colLetter(totalCol - 1)}${r})`, result: split.members[m]?.perYear ?? 0 } : 0;
    total.numFmt = EURO_FORMAT;
  });
  const sumRow = last + 1;
  sheet.getCell(sumRow, 1).value = 'Totaal regio';
  sheet.getRow(sumRow).font = { bold: true };
  for (let c = 2; c <= totalCol; c++) {
    const result = c === totalCol ? split.perYear : (split.items[c - 2]?.amountPerYear ?? 0);
    const cell = sheet.getCell(sumRow, c);
    cell.value = region.members.length > 0 ? { formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${last})`, result } : 0;
    cell.numFmt = EURO_FORMAT;
  }

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
