import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import { type IsoDate, isValidIsoDate } from '../../core/dates.ts';

/** A calendar date in an export: a real date in XLSX, YYYY-MM-DD in CSV. Build with `exportDate`. */
export type ExportDate = { readonly date: IsoDate };

/** Text, a number, a date, or empty. Text is neutralised against formulas; numbers and dates are values. */
export type ExportCell = string | number | ExportDate | null | undefined;
export type ExportRow = readonly ExportCell[];

export function exportDate(date: IsoDate): ExportDate {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return { date };
}

// OWASP's list of the characters that make a spreadsheet read a cell as a formula (CSV injection).
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will not run as a formula: a leading apostrophe before = + - @ tab or CR (OWASP).
 * The apostrophe stays visible in the cell; that is the price of "-5 kr" or "+46…" never being evaluated.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export const csvMediaType = 'text/csv; charset=utf-8';
export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A CSV file as Swedish Excel opens it with a double click: UTF-8 with a byte-order mark (else å, ä, ö are
 * garbled), semicolons between fields, CRLF between lines, decimal commas, dates as YYYY-MM-DD. Text is always
 * quoted (so ; " and line breaks stay inside their cell) and neutralised against formulas.
 * Callers round numbers first (hours to two decimals): they are written as they are.
 */
export function toCsv(headers: readonly string[], rows: readonly ExportRow[]): string {
  const lines = [headers.map(csvText).join(';')];
  for (const [index, row] of rows.entries()) {
    assertWidth(headers, row, index);
    lines.push(row.map(csvCell).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * An XLSX workbook with one sheet: a bold, frozen header row, numbers as numbers, dates as real dates shown as
 * YYYY-MM-DD, and text neutralised as in the CSV (Excel would run it as a formula once someone edits the cell).
 * The sheet name is made valid for Excel: at most 31 characters, none of [ ] : * ? / \.
 */
export async function toXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly ExportRow[],
): Promise<Buffer> {
  const data: Cell[][] = [headers.map((header) => ({ value: xlsxText(header), fontWeight: 'bold' }))];
  for (const [index, row] of rows.entries()) {
    assertWidth(headers, row, index);
    data.push(row.map(xlsxCell));
  }
  // Wide enough for the longest line in the column, within reason; Excel has no auto-fit on opening.
  const columns = headers.map((header, column) => ({
    width: Math.min(
      60,
      rows.reduce(
        (widest, row) => Math.max(widest, displayWidth(row[column])),
        Math.max(10, displayWidth(header)),
      ),
    ),
  }));
  return writeXlsxFile(data, { sheet: validSheetName(sheetName), columns, stickyRowsCount: 1 }).toBuffer();
}

/** A sheet name Excel accepts. */
export function validSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  return Array.from(cleaned).slice(0, 31).join('').trim() || 'Blad1';
}

function csvCell(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(finite(cell)).replace('.', ',');
  if (typeof cell === 'string') return csvText(cell);
  return exportDate(cell.date).date;
}

function csvText(text: string): string {
  return `"${neutraliseFormula(text.toWellFormed()).replaceAll('"', '""')}"`;
}

function xlsxCell(cell: ExportCell): Cell {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return { value: finite(cell), type: Number };
  if (typeof cell === 'string') return { value: xlsxText(cell), type: String };
  const [year, month, day] = exportDate(cell.date).date.split('-').map(Number);
  // Midnight UTC is a whole Excel serial day number.
  return {
    value: new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)),
    type: Date,
    format: 'yyyy-mm-dd',
  };
}

function xlsxText(text: string): string {
  return neutraliseFormula(text.toWellFormed());
}

function displayWidth(cell: ExportCell): number {
  if (cell === null || cell === undefined) return 0;
  if (typeof cell === 'object') return 12;
  return (
    Math.max(
      ...String(cell)
        .split('\n')
        .map((line) => line.length),
    ) + 2
  );
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return value;
}

function assertWidth(headers: readonly string[], row: ExportRow, index: number): void {
  if (row.length !== headers.length) {
    throw new RangeError(`Row ${index + 1} has ${row.length} cells for ${headers.length} columns`);
  }
}
