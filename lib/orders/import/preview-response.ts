import { cutText } from '@/lib/text/cut-text';
import { ORDER_FIELDS } from '../types';
import type { ColumnMapping } from './header-map';
import type { ParsedOrderFile, RowError } from './import-orders';
import type { PreviewTable } from './preview';
import type { BrokenRow } from './row-fixes';
import { PREVIEW_CELL_CHARS, PREVIEW_ROW_CHARS } from './text-limits';

/** Lists are cut here: a file with 20,000 bad rows needs re-exporting, not 20,000 lines on a page. */
const LIST_LIMIT = 200;
/** Held-back rows carry their whole text (up to PREVIEW_ROW_CHARS each), so fewer of them: at most ~1 MB. */
const BROKEN_LIST_LIMIT = 100;

/** What the preview shows for one file and one set of choices (mapping, masking, corrections). */
export type ImportPreview = {
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  table: PreviewTable;
  orderCount: number;
  /** Every problem, held-back rows included; `rowErrors` lists the cell problems only. */
  rowErrorCount: number;
  rowErrors: RowError[];
  brokenRows: BrokenRow[];
  brokenRowCount: number;
  skippedCount: number;
  notes: RowError[];
  noteCount: number;
};

/**
 * The preview as sent to the browser. Every text in it is cut to a bound and every list to a
 * length (counts stay whole): a file's size says nothing about the size of this answer, which
 * once carried a 150 MB cell back to the page. Header names are already cut where they are read.
 */
export function importPreview(parsed: ParsedOrderFile): ImportPreview {
  const cellErrors = parsed.rowErrors.filter((error) => error.line === undefined);
  return {
    encoding: parsed.encoding,
    headers: parsed.headers,
    mapping: parsed.mapping,
    table: boundedTable(parsed.preview),
    orderCount: parsed.orders.length,
    rowErrorCount: parsed.rowErrors.length,
    rowErrors: cellErrors.slice(0, LIST_LIMIT),
    brokenRows: parsed.brokenRows.slice(0, BROKEN_LIST_LIMIT).map((row) => ({ ...row, raw: cutText(row.raw, PREVIEW_ROW_CHARS) })),
    brokenRowCount: parsed.brokenRows.length,
    skippedCount: parsed.skippedLines.length,
    notes: parsed.notes.slice(0, LIST_LIMIT),
    noteCount: parsed.notes.length,
  };
}

function boundedTable(table: PreviewTable): PreviewTable {
  const rows = table.rows.map((row) => ({
    ...row,
    cells: Object.fromEntries(Object.entries(row.cells).map(([key, cell]) => [key, { ...cell, text: cutText(cell.text, PREVIEW_CELL_CHARS) }])),
  }));
  return { ...table, rows };
}

/** A mapping from the browser with every field present ("not imported" as null). */
export function completeMapping(mapping: Partial<Record<keyof ColumnMapping, number | null>>): ColumnMapping {
  return Object.fromEntries(ORDER_FIELDS.map((field) => [field, mapping[field] ?? null])) as ColumnMapping;
}
