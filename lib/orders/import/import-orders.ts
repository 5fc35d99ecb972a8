import { ORDER_FIELDS, type OrderField, type OrderRecord } from '../types';
import { looksLikeFormula } from './formula-cell';
import { findAddressParts, suggestMapping, type ColumnMapping } from './header-map';
import { mergeOrders } from './merge-orders';
import { previewTable, type PreviewSource, type PreviewTable } from './preview';
import { readTable } from './read-table';
import { NO_FIXES, type BrokenRow, type RowFixes } from './row-fixes';
import { rowToOrder, type RowError as CellError } from './row-to-order';

export type { ColumnMapping } from './header-map';
export type { RowErrorCode } from './row-to-order';
/** A problem with a row or cell; `line` (text-editor line) is set for rows held back for their shape. */
export type RowError = CellError & { line?: number };
export type { BrokenRow, RowFixes } from './row-fixes';
export type { PreviewCell, PreviewTable } from './preview';

export type ParseOrderFileOptions = {
  /** The mapping the user confirmed in the preview; without it the suggested one is used. */
  mapping?: ColumnMapping;
  /** The merchant chose to keep names, phones and street addresses unmasked. */
  keepPersonalData?: boolean;
  /** Overrides encoding detection when the preview showed garbled text (e.g. 'gb18030'). */
  encoding?: string;
  /** Rows the merchant skipped or corrected in the preview. */
  fixes?: RowFixes;
};

export type ParsedOrderFile = {
  ok: true;
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  unmapped: { index: number; header: string }[];
  /** The first ten data rows as they will be stored, for the user to check the mapping against. */
  preview: PreviewTable;
  orders: OrderRecord[];
  /** Cells and rows that could not be read, held-back rows among them (with their `line`). */
  rowErrors: RowError[];
  /** Rows without the header's shape; `corrected` ones are the merchant's corrections, still broken. */
  brokenRows: BrokenRow[];
  skippedLines: number[];
  /** Cells that look like spreadsheet formulas: stored as text, worth a look. */
  notes: RowError[];
};

export type ParseOrderFileFailure = { ok: false; error: 'legacyXls' | 'unreadableWorkbook' | 'workbookTooLarge' | 'noHeader' | 'invalidMapping' };

const PREVIEW_ROWS = 10;

/**
 * Reads a platform's order export into normalised, de-duplicated orders. Rows with an unusable
 * order number are reported and left out; other bad cells are reported and only that field is
 * dropped. Rows without the header's shape are held back unless corrected. Unmapped columns are never stored.
 */
export async function parseOrderFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOrderFileOptions = {},
): Promise<ParsedOrderFile | ParseOrderFileFailure> {
  const read = await readTable(bytes, fileName, options.encoding, options.fixes ?? NO_FIXES);
  if (!read.ok) return read;
  const { headers, rows, issues, encoding, broken, skipped } = read.table;
  if (headers.length === 0) return { ok: false, error: 'noHeader' };

  const mapping = options.mapping ?? suggestMapping(headers).mapping;
  if (!isValidMapping(mapping, headers.length)) return { ok: false, error: 'invalidMapping' };
  const used = new Set(ORDER_FIELDS.map((field) => mapping[field]));
  // Nameless columns (a trailing comma on every line) are nothing the user could map.
  const unmapped = headers.map((header, index) => ({ index, header })).filter(({ index, header }) => !used.has(index) && header.trim() !== '');
  const mappedColumns = [...used].filter((index): index is number => index !== null);

  const rowErrors: RowError[] = broken.map((row) => ({ rowNumber: row.rowNumber, line: row.line, code: row.problem }));
  if (mapping.orderNo === null) rowErrors.push({ rowNumber: 1, code: 'orderNoColumnMissing' });
  const heldBack = new Set(broken.map((row) => row.rowNumber));
  for (const issue of issues) {
    if (issue.code !== 'formulaWithoutValue' || issue.columnIndex === undefined || !used.has(issue.columnIndex) || heldBack.has(issue.rowNumber)) continue;
    rowErrors.push({ rowNumber: issue.rowNumber, column: headers[issue.columnIndex] ?? `#${issue.columnIndex + 1}`, code: issue.code });
  }

  const ctx = {
    headers,
    mapping,
    privacy: { keepFull: options.keepPersonalData ?? false },
    roundedCells: new Set(issues.filter((i) => i.code === 'numberRounded').map((i) => `${i.rowNumber}:${i.columnIndex}`)),
    // Only worth appending when the address column is Amazon's street line.
    addressParts: mapping.address !== null && /^ship-?address/i.test(headers[mapping.address] ?? '') ? findAddressParts(headers) : [],
  };
  const parsed: OrderRecord[] = [];
  const notes: RowError[] = [];
  const sources: PreviewSource[] = [];
  for (const row of rows) {
    const { order, errors } = rowToOrder(row, ctx);
    rowErrors.push(...errors);
    if (order) parsed.push(order);
    const formulaColumns = mappedColumns.filter((index) => looksLikeFormula(row.cells[index] ?? ''));
    for (const index of formulaColumns) notes.push({ rowNumber: row.rowNumber, column: headers[index] ?? `#${index + 1}`, code: 'looksLikeFormula' });
    if (sources.length < PREVIEW_ROWS) sources.push({ row, order, errors, formulaColumns });
  }
  rowErrors.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    ok: true,
    encoding,
    headers,
    mapping,
    unmapped,
    preview: previewTable(sources, headers, mapping),
    orders: mergeOrders(parsed),
    rowErrors,
    brokenRows: broken,
    skippedLines: skipped,
    notes,
  };
}

/** A mapping from the browser is input: every field present, indexes real columns, none shared. */
function isValidMapping(mapping: ColumnMapping, columnCount: number): boolean {
  const seen = new Set<number>();
  return ORDER_FIELDS.every((field: OrderField) => {
    const index = mapping[field];
    if (index === null) return true;
    if (index === undefined || !Number.isInteger(index) || index < 0 || index >= columnCount || seen.has(index)) return false;
    seen.add(index);
    return true;
  });
}
