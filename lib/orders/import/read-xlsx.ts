import ExcelJS from 'exceljs';
import type { ArchiveLimits } from '@/lib/zip/archive-limits';
import type { RawTable, SourceRow, TableIssue } from './read-table';

/*
 * What a workbook may hold before it is unpacked. A generated 50,000-order Taobao workbook (the
 * per-case cap) is 5.5 MB holding 52 MB: its sheet compresses 9:1, shared strings 13:1, and a
 * sparse sheet of styled empty cells still only 11:1. So: 200 MB in all (about four such
 * workbooks, and what the 50 MB upload limit allows at 4:1), no entry over 1 MB at more than
 * 100:1 (deflate's ceiling is about 1,000:1, where bombs live), and 1,000 entries (an export has
 * about 15; one sheet a day for a year is still under).
 */
export const WORKBOOK_LIMITS: ArchiveLimits = { maxEntries: 1_000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024 };

/**
 * Reads the first worksheet of an .xlsx export. Every cell becomes the text it holds; numbers are
 * never re-formatted through arithmetic, so an 18–19 digit order number stored as text stays exact.
 */
export async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Buffer's generic parameter; the runtime accepts any Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const issues: TableIssue[] = [];
  const rows: SourceRow[] = [];
  // A workbook has no raw line: a held-back row is shown, and corrected, as its cells separated by tabs.
  const table = { rows, issues, encoding: 'xlsx', delimiter: '\t', rawText: (row: SourceRow) => row.cells.join('\t').replace(/\t+$/, '') };
  if (!sheet) return table;

  // Every column any row uses, so a value right of the header's last column is read and then held back.
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= width; col++) {
      const value = row.getCell(col).value;
      const text = cellText(value);
      if (typeof value === 'number' && isRoundedInteger(value)) {
        issues.push({ rowNumber, columnIndex: col - 1, code: 'numberRounded' });
      }
      // A workbook written by a script, never opened in Excel, holds formulas without their results:
      // the cell reads as empty, which would drop the value without a word.
      if (isFormulaWithoutResult(value)) issues.push({ rowNumber, columnIndex: col - 1, code: 'formulaWithoutValue' });
      cells.push(text);
    }
    rows.push({ rowNumber, line: rowNumber, cells });
  });
  return table;
}

/** The text of one cell as Excel shows it, without number formats (those are the export's business). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return wallClock(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

function isFormulaWithoutResult(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return false;
  return value.result === undefined || value.result === null;
}

/** Past 1e21 JS switches to exponent notation; BigInt prints the integer Excel stored instead. */
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

/**
 * Excel keeps 15 significant digits: a 19-digit order number typed as a number is stored as
 * 1234567890123450000. Zeros after the 15th digit, or any integer a double cannot hold exactly, mean
 * the digits are gone and only the platform's original export can give them back.
 */
export function isRoundedInteger(value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const digits = numberText(Math.abs(value));
  if (digits.length <= 15) return false;
  return /^0+$/.test(digits.slice(15)) || !Number.isSafeInteger(value);
}

/*
 * Excel dates have no time zone and exceljs reads them as UTC. Print the wall-clock time without an
 * offset, rounded to the second (serial fractions land on …59.999), so normalise reads it as China time.
 */
function wallClock(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 19);
}
