import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isOle2, isZip } from '@/lib/orders/import/read-table';
import { sniffDelimiter } from '@/lib/orders/import/read-csv';
import { WORKBOOK_LIMITS } from '@/lib/orders/import/read-xlsx';
import { checkArchive } from '@/lib/zip/archive-limits';
import { decodeCredibleText } from './decode-text';
import { UnreadableExhibit } from './unreadable';

export { renderSheets, sheetCharacters } from './render-sheets';

/** One worksheet as text cells; rows past the cap are counted in omittedRows, not kept. */
export type Sheet = { name: string; rows: string[][]; omittedRows: number };

/** About 120 pages of table per sheet; the full file is in the ZIP. */
export const MAX_SHEET_ROWS = 5000;

/** Reads a spreadsheet exhibit into text cells as the user sees them. Throws UnreadableExhibit. */
export async function readSheets(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<Sheet[]> {
  const sheets = kind === 'csv' ? [readCsvRows(bytes)] : await readXlsxRows(bytes);
  const kept = sheets.map(({ name, rows, uncounted }) => tidy(name, rows, uncounted)).filter((sheet) => sheet.rows.length > 0);
  if (kept.length === 0) throw new UnreadableExhibit('empty');
  return kept;
}

/** Rows read past the cap, for blank rows at the top that tidy() drops before capping. */
const CSV_KEEP = MAX_SHEET_ROWS + 200;

/**
 * The first rows as cells; the rest only counted (blank ones at the very end left out, as tidy()
 * drops them), so a million-row CSV does not become ten million strings in memory.
 */
function readCsvRows(bytes: Uint8Array): { name: string; rows: string[][]; uncounted: number } {
  const text = decodeCredibleText(bytes);
  const rows: string[][] = [];
  let uncounted = 0;
  let blankRun = 0;
  parse(text, {
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[]) => {
      const row = record.map(csvCell);
      if (rows.length < CSV_KEEP) rows.push(row);
      else if (isBlank(row)) blankRun += 1;
      else {
        uncounted += blankRun + 1;
        blankRun = 0;
      }
      return null;
    },
  });
  return { name: '', rows, uncounted };
}

/**
 * Platform exports write ="123456789012345678" so Excel keeps an order number as text, and pad
 * cells with tabs; the PDF shows the value itself.
 */
function csvCell(cell: string): string {
  const trimmed = cell.trim();
  const formula = /^="(.*)"$/s.exec(trimmed);
  return (formula ? (formula[1] ?? '').replace(/""/g, '"') : trimmed).trim();
}

async function readXlsxRows(bytes: Uint8Array): Promise<{ name: string; rows: string[][]; uncounted: number }[]> {
  // An encrypted workbook is an OLE2 container around an EncryptedPackage stream; other OLE2 files are old .xls.
  if (isOle2(bytes)) {
    const encrypted = Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new UnreadableExhibit(encrypted ? 'encrypted' : 'unsupported', encrypted ? 'password-protected workbook' : 'legacy .xls');
  }
  if (!isZip(bytes)) throw new UnreadableExhibit('corrupt', 'not a ZIP archive');
  // The same bounds as an order import: exceljs unpacks every part whole, so a bomb is refused first.
  const verdict = await checkArchive(bytes, WORKBOOK_LIMITS);
  if (!verdict.ok) throw new UnreadableExhibit(verdict.reason === 'malformed' ? 'corrupt' : 'tooLarge', verdict.reason);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Buffer's generic parameter; the runtime accepts any Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableExhibit('corrupt', error instanceof Error ? error.message : undefined);
  }
  return workbook.worksheets.map((sheet) => {
    // Only rows and cells that hold values: a sheet formatted down to row 1,048,576 stays cheap.
    const filled: { rowNumber: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cellText(cell);
      });
      filled.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
    });
    const first = filled[0]?.rowNumber ?? 1;
    const rows: string[][] = [];
    let used = 0;
    for (const { rowNumber, cells } of filled) {
      if (rowNumber - first >= MAX_SHEET_ROWS) break;
      // Blank rows between filled ones stay, as the sheet shows them.
      while (rows.length < rowNumber - first) rows.push([]);
      rows.push(cells);
      used++;
    }
    // Rows past the cap are counted when they hold something, not by their distance.
    return { name: sheet.name, rows, uncounted: filled.length - used };
  });
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Drops blank rows at either end and empty columns on the right, then caps the row count.
 * `uncounted` rows were already left out by the reader.
 */
function tidy(name: string, rows: string[][], uncounted: number): Sheet {
  let start = 0;
  let end = rows.length;
  while (start < end && isBlank(rows[start] ?? [])) start++;
  // Rows left uncounted hold values, so blank rows before them are not the sheet's end.
  while (uncounted === 0 && end > start && isBlank(rows[end - 1] ?? [])) end--;
  const kept = rows.slice(start, Math.min(end, start + MAX_SHEET_ROWS));
  let width = 0;
  for (const row of kept) {
    for (let c = row.length; c > width; c--) {
      if ((row[c - 1] ?? '').trim() !== '') {
        width = c;
        break;
      }
    }
  }
  return {
    name,
    rows: kept.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')),
    omittedRows: end - start - kept.length + uncounted,
  };
}

/** A cell as Excel shows it: formula results, joined rich text, dates as local wall-clock text. */
export function cellText(cell: ExcelJS.Cell): string {
  // A merged range shows its text once, in its top-left cell.
  if (cell.isMerged && cell.master !== cell) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return valueText((value.result ?? null) as ExcelJS.CellValue, numFmt);
  if ('text' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
  return '';
}

/**
 * The common number formats of platform exports: fixed decimals, thousands separators, percentages.
 * Anything else prints the stored number; integers never switch to exponent notation.
 */
function numberText(value: number, numFmt = ''): string {
  const format = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').split(';')[0] ?? '';
  if (!/[0#]/.test(format)) {
    if (Number.isInteger(value)) return Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
    // Excel shows 15 significant digits: 0.1 + 0.2 is 0.3 there, not 0.30000000000000004.
    return String(Number(value.toPrecision(15)));
  }
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (/E\+/i.test(format)) {
    const [mantissa, exponent = '0'] = value.toExponential(decimals).split('e');
    const power = Number(exponent);
    return `${mantissa}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  const percent = format.includes('%');
  const scaled = percent ? value * 100 : value;
  const text = format.includes(',')
    ? scaled.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : scaled.toFixed(decimals);
  return percent ? `${text}%` : text;
}

/*
 * exceljs reads Excel's zone-less dates as UTC: print the UTC fields, which are the wall-clock time
 * the sheet shows. Seconds only when there are any, the time only when it is not midnight.
 */
function dateText(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return day;
  return `${day} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}
