import { ORDER_FIELDS, type OrderField, type OrderRecord } from '../types';
import { findAddressParts, suggestMapping, type ColumnMapping } from './header-map';
import { mergeOrders } from './merge-orders';
import { readTable, type TableRow } from './read-table';
import { rowToOrder, type RowError } from './row-to-order';

export type { ColumnMapping } from './header-map';
export type { RowError, RowErrorCode } from './row-to-order';

export type ParseOrderFileOptions = {
  /** The mapping the user confirmed in the preview; without it the suggested one is used. */
  mapping?: ColumnMapping;
  /** The merchant chose to keep names, phones and street addresses unmasked. */
  keepPersonalData?: boolean;
  /** Overrides encoding detection when the preview showed garbled text (e.g. 'gb18030'). */
  encoding?: string;
};

export type ParsedOrderFile = {
  ok: true;
  encoding: string;
  headers: string[];
  mapping: ColumnMapping;
  unmapped: { index: number; header: string }[];
  /** The first ten data rows as read, for the user to check the mapping against. */
  preview: TableRow[];
  orders: OrderRecord[];
  rowErrors: RowError[];
};

export type ParseOrderFileFailure = { ok: false; error: 'legacyXls' | 'unreadableWorkbook' | 'noHeader' | 'invalidMapping' };

const PREVIEW_ROWS = 10;

/**
 * Reads a platform's order export into normalised, de-duplicated orders. Rows with an unusable
 * order number are reported and left out; other bad cells are reported and only that field is
 * dropped. Columns that are not mapped are never stored.
 */
export async function parseOrderFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOrderFileOptions = {},
): Promise<ParsedOrderFile | ParseOrderFileFailure> {
  const read = await readTable(bytes, fileName, options.encoding);
  if (!read.ok) return read;
  const { headers, rows, issues, encoding } = read.table;
  if (headers.length === 0) return { ok: false, error: 'noHeader' };

  const mapping = options.mapping ?? suggestMapping(headers).mapping;
  if (!isValidMapping(mapping, headers.length)) return { ok: false, error: 'invalidMapping' };
  const used = new Set(ORDER_FIELDS.map((field) => mapping[field]));
  // Nameless columns (a trailing comma on every line) are nothing the user could map.
  const unmapped = headers.map((header, index) => ({ index, header })).filter(({ index, header }) => !used.has(index) && header.trim() !== '');

  const rowErrors: RowError[] = issues
    .filter((issue) => issue.code === 'unreadableRow')
    .map((issue) => ({ rowNumber: issue.rowNumber, code: issue.code }));
  if (mapping.orderNo === null) rowErrors.push({ rowNumber: 1, code: 'orderNoColumnMissing' });

  const ctx = {
    headers,
    mapping,
    privacy: { keepFull: options.keepPersonalData ?? false },
    roundedCells: new Set(issues.filter((i) => i.code === 'numberRounded').map((i) => `${i.rowNumber}:${i.columnIndex}`)),
    // Only worth appending when the address column is Amazon's street line.
    addressParts: mapping.address !== null && /^ship-?address/i.test(headers[mapping.address] ?? '') ? findAddressParts(headers) : [],
  };
  const parsed: OrderRecord[] = [];
  for (const row of rows) {
    const { order, errors } = rowToOrder(row, ctx);
    rowErrors.push(...errors);
    if (order) parsed.push(order);
  }
  rowErrors.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    ok: true,
    encoding,
    headers,
    mapping,
    unmapped,
    preview: rows.slice(0, PREVIEW_ROWS),
    orders: mergeOrders(parsed),
    rowErrors,
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
