import { rowShape, shapeProblem, type RowShape, type ShapeProblem } from './row-shape';
import { splitCsv } from './split-csv';
import { isRowTooLong } from './text-limits';
import type { SourceRow, TableRow } from './read-table';

/** What the merchant did to rows that did not have the header's shape, by the line each starts on. */
export type RowFixes = { corrections: { line: number; text: string }[]; skips: number[] };

export const NO_FIXES: RowFixes = { corrections: [], skips: [] };

/**
 * A row held back from the import. `raw` is its text in the file (a corrected row: the merchant's
 * text); `fieldCount` against `expected` lets the message say how many fields it has.
 */
export type BrokenRow = {
  rowNumber: number;
  line: number;
  raw: string;
  problem: ShapeProblem;
  fieldCount: number;
  expected: number;
  /** The merchant's correction of this row was read and is still not the header's shape. */
  corrected: boolean;
};

export type SortedRows = { rows: TableRow[]; broken: BrokenRow[]; skipped: number[] };

/**
 * Keeps the rows that have the header's shape, holds back the others, and applies the merchant's
 * skips and corrections. A correction is read with the file's own delimiter and must then have the
 * header's shape too; nothing is ever moved into another column on our side.
 */
export function sortRows(headers: readonly string[], rows: readonly SourceRow[], delimiter: string, rawText: (row: SourceRow) => string, fixes: RowFixes): SortedRows {
  const shape = rowShape(headers, rows.map((row) => row.cells.length));
  const skips = new Set(fixes.skips);
  const corrections = new Map(fixes.corrections.map((c) => [c.line, c.text]));
  const kept: TableRow[] = [];
  const broken: BrokenRow[] = [];
  const skipped: number[] = [];
  for (const row of rows) {
    const problem = isRowTooLong(row.cells) ? 'rowTooLong' : (row.quoteProblem ?? shapeProblem(row.cells, shape));
    if (problem === null) {
      kept.push(row);
      continue;
    }
    if (skips.has(row.line)) {
      skipped.push(row.line);
      continue;
    }
    const correction = corrections.get(row.line);
    if (correction === undefined) {
      broken.push(brokenRow(row, rawText(row), problem, row.cells.length, shape, false));
      continue;
    }
    const fixed = readCorrection(correction, delimiter, shape);
    if (fixed.ok) kept.push({ rowNumber: row.rowNumber, cells: fixed.cells });
    else broken.push(brokenRow(row, correction, fixed.problem, fixed.fieldCount, shape, true));
  }
  return { rows: kept, broken, skipped };
}

function brokenRow(row: SourceRow, raw: string, problem: ShapeProblem, fieldCount: number, shape: RowShape, corrected: boolean): BrokenRow {
  return { rowNumber: row.rowNumber, line: row.line, raw, problem, fieldCount, expected: shape.named, corrected };
}

type Correction = { ok: true; cells: string[] } | { ok: false; problem: ShapeProblem; fieldCount: number };

/** Reads the merchant's corrected text for one row exactly as the file's rows were read. */
export function readCorrection(text: string, delimiter: string, shape: RowShape): Correction {
  const records = splitCsv(text.replace(/[\r\n]+$/, ''), delimiter).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [record] = records;
  if (!record) return { ok: false, problem: 'tooFewFields', fieldCount: 0 };
  if (records.length > 1) return { ok: false, problem: 'severalRows', fieldCount: record.fields.length };
  const problem = record.quoteProblem ?? shapeProblem(record.fields, shape);
  return problem === null ? { ok: true, cells: record.fields } : { ok: false, problem, fieldCount: record.fields.length };
}
