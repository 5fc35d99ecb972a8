import { readCsv } from './read-csv';
import { NO_FIXES, sortRows, type BrokenRow, type RowFixes } from './row-fixes';
import type { ShapeProblem } from './row-shape';
import type { QuoteProblem } from './split-csv';
import { cutText } from '@/lib/text/cut-text';
import { checkArchive } from '@/lib/zip/archive-limits';
import { readXlsx, WORKBOOK_LIMITS } from './read-xlsx';
import { MAX_HEADER_CHARS } from './text-limits';

/** One data row; rowNumber is the row the user sees in their spreadsheet (header = 1). */
export type TableRow = { rowNumber: number; cells: string[] };

/** A row as read from the file: `line` is where it starts in a text editor (XLSX: its row number). */
export type SourceRow = TableRow & { line: number; start?: number; end?: number; quoteProblem?: QuoteProblem };

export type TableIssueCode =
  /** A numeric cell with more than 15 significant digits: Excel has already rounded it (1.2345E+18). */
  | 'numberRounded'
  /** An XLSX formula cell saved without its result: its value is unknown, not empty. */
  | 'formulaWithoutValue'
  /** Not a problem: a cell that a spreadsheet would run as a formula, stored as the text it is. */
  | 'looksLikeFormula'
  | ShapeProblem;

export type TableIssue = { rowNumber: number; columnIndex?: number; code: TableIssueCode };

/**
 * What a reader returns: every row including blank ones, before the header is picked. `delimiter`
 * reads a corrected row (XLSX: tab); `rawText` gives a row as the merchant will edit it.
 */
export type RawTable = { rows: SourceRow[]; issues: TableIssue[]; encoding: string; delimiter: string; rawText: (row: SourceRow) => string };

export type Table = {
  headers: string[];
  /** Rows with the header's shape, corrected rows among them. */
  rows: TableRow[];
  issues: TableIssue[];
  /** Encoding of a CSV file; 'xlsx' for a workbook. */
  encoding: string;
  /** Rows held back: not the header's shape and neither skipped nor (successfully) corrected. */
  broken: BrokenRow[];
  /** Lines the merchant chose to skip. */
  skipped: number[];
};

export type ReadTableResult = { ok: true; table: Table } | { ok: false; error: 'legacyXls' | 'unreadableWorkbook' | 'workbookTooLarge' };

/** An .xlsx file is a ZIP archive; its first bytes say so whatever the file is called. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An old binary .xls (OLE2 compound file): exceljs cannot read it, the user must re-save as .xlsx. */
export function isOle2(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads an order export into headers and data rows. The type is decided by content, not by name:
 * users rename files, and platforms label tab-delimited text .csv and .txt alike. The first non-blank
 * row is the header; blank rows (exports often end with several) are dropped but keep their numbers.
 * `_fileName` is accepted for callers' sake; nothing depends on it yet.
 */
export async function readTable(bytes: Uint8Array, _fileName: string, forcedEncoding?: string, fixes: RowFixes = NO_FIXES): Promise<ReadTableResult> {
  if (isOle2(bytes)) return { ok: false, error: 'legacyXls' };
  let raw: RawTable;
  if (!isZip(bytes)) raw = readCsv(bytes, forcedEncoding);
  else {
    // Judged from its ZIP directory and a counting pass before exceljs unpacks it whole.
    const verdict = await checkArchive(bytes, WORKBOOK_LIMITS);
    if (!verdict.ok) return { ok: false, error: verdict.reason === 'malformed' ? 'unreadableWorkbook' : 'workbookTooLarge' };
    try {
      raw = await readXlsx(bytes);
    } catch {
      // A corrupt ZIP, or a ZIP that is not a workbook, is a user mistake rather than a bug.
      return { ok: false, error: 'unreadableWorkbook' };
    }
  }
  const filled = raw.rows.filter((row) => row.quoteProblem !== undefined || !isBlankRow(row.cells));
  const [header, ...rows] = filled;
  const headerRow = header?.rowNumber ?? 0;
  const issues = raw.issues.filter((issue) => issue.rowNumber > headerRow);
  const headers = (header?.cells ?? []).map((name) => cutText(name, MAX_HEADER_CHARS));
  const sorted = sortRows(headers, rows, raw.delimiter, raw.rawText, fixes);
  return { ok: true, table: { headers, issues, encoding: raw.encoding, ...sorted } };
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
