import { ORDER_FIELDS } from '../types';
import type { ColumnMapping } from './header-map';
import type { ParsedOrderFile, RowError } from './import-orders';
import type { PreviewTable } from './preview';
import type { BrokenRow } from './row-fixes';

/** Lists are cut here: a file with 20,000 bad rows needs re-exporting, not 20,000 lines on a page. */
const LIST_LIMIT = 200;

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

export function importPreview(parsed: ParsedOrderFile): ImportPreview {
  const cellErrors = parsed.rowErrors.filter((error) => error.line === undefined);
  return {
    encoding: parsed.encoding,
    headers: parsed.headers,
    mapping: parsed.mapping,
    table: parsed.preview,
    orderCount: parsed.orders.length,
    rowErrorCount: parsed.rowErrors.length,
    rowErrors: cellErrors.slice(0, LIST_LIMIT),
    brokenRows: parsed.brokenRows.slice(0, LIST_LIMIT),
    brokenRowCount: parsed.brokenRows.length,
    skippedCount: parsed.skippedLines.length,
    notes: parsed.notes.slice(0, LIST_LIMIT),
    noteCount: parsed.notes.length,
  };
}

/** A mapping from the browser with every field present ("not imported" as null). */
export function completeMapping(mapping: Partial<Record<keyof ColumnMapping, number | null>>): ColumnMapping {
  return Object.fromEntries(ORDER_FIELDS.map((field) => [field, mapping[field] ?? null])) as ColumnMapping;
}
