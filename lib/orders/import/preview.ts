import { ORDER_FIELDS, type OrderField, type OrderRecord } from '../types';
import type { ColumnMapping } from './header-map';
import type { RowError, RowErrorCode } from './row-to-order';
import type { TableRow } from './read-table';

/** The keys an order is stored under, in the order the preview shows them. */
type StoredKey = Extract<OrderField, keyof OrderRecord>;
const STORED_KEYS = ORDER_FIELDS.filter((f): f is StoredKey => f !== 'afterSale' && f !== 'closeReason' && f !== 'logistics');

/** One cell as it will be stored (already masked, dates in China time); `error` when it cannot be read. */
export type PreviewCell = { text: string; error?: RowErrorCode; formula?: boolean };
export type PreviewRow = { rowNumber: number; cells: Partial<Record<StoredKey, PreviewCell>> };
export type PreviewTable = { columns: StoredKey[]; rows: PreviewRow[] };

export type PreviewSource = { row: TableRow; order: OrderRecord | null; errors: RowError[]; formulaColumns: number[] };

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The first rows as they will be stored, for the mapping the merchant is looking at. Columns are the
 * mapped fields plus what other columns fill in (a combined logistics cell gives a tracking number).
 */
export function previewTable(sources: readonly PreviewSource[], headers: readonly string[], mapping: ColumnMapping): PreviewTable {
  const fieldOfColumn = new Map<string, StoredKey>();
  for (const key of STORED_KEYS) {
    const index = mapping[key];
    if (index !== null) fieldOfColumn.set(headers[index] ?? `#${index + 1}`, key);
  }
  const columnIndex = (key: StoredKey) => mapping[key];
  const columns = STORED_KEYS.filter((key) => columnIndex(key) !== null || sources.some((s) => s.order?.[key] !== undefined));
  const rows = sources.map(({ row, order, errors, formulaColumns }) => {
    const cells: PreviewRow['cells'] = {};
    for (const key of columns) {
      const index = columnIndex(key);
      const value = order?.[key];
      cells[key] = { text: value === undefined || value === null ? '' : display(key, value) };
      if (index !== null && formulaColumns.includes(index)) cells[key].formula = true;
    }
    for (const error of errors) {
      const key = error.column === undefined ? undefined : fieldOfColumn.get(error.column);
      const cell = key && cells[key];
      const index = key ? columnIndex(key) : null;
      // An unreadable cell shows what the file holds, so the merchant sees what could not be read.
      if (cell && index !== null) Object.assign(cell, { error: error.code, text: row.cells[index] ?? '' });
    }
    return { rowNumber: row.rowNumber, cells };
  });
  return { columns, rows };
}

function display(key: StoredKey, value: NonNullable<OrderRecord[StoredKey]>): string {
  if (value instanceof Date) return new Date(value.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'number' && key.endsWith('Cents')) {
    return (value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  return String(value);
}
