import type { OrderField, OrderRecord } from '../types';
import type { ColumnMapping } from './header-map';
import { applyDerivedFields, DERIVED_FIELDS, type DerivedField } from './row-derived';
import {
  cleanPhone,
  cleanText,
  isBlankCell,
  parseAmountCents,
  parseDate,
  parseIp,
  parseOrderNo,
  parseQuantity,
  type Normalised,
  type NormaliseErrorCode,
} from './normalise';
import { addressRegion, maskName, maskPhone, type PrivacyOptions } from './privacy';
import type { TableIssueCode, TableRow } from './read-table';
import { MAX_CELL_CHARS } from './text-limits';

export type RowErrorCode = NormaliseErrorCode | TableIssueCode | 'orderNoColumnMissing' | 'cellTooLong';
/** `column` is the header as the user wrote it, so the message can point at the cell. */
export type RowError = { rowNumber: number; column?: string; code: RowErrorCode };

type DetailField = Exclude<OrderField, 'orderNo' | DerivedField>;
type FieldParser<F extends DetailField> = (cell: string, privacy: PrivacyOptions) => Normalised<NonNullable<OrderRecord[F]>>;

/** Masking happens here, at the cell, so unmasked personal data never reaches a stored record. */
const FIELD_PARSERS: { [F in DetailField]: FieldParser<F> } = {
  buyerName: (cell, privacy) => ok(maskName(cleanText(cell), privacy)),
  buyerPhone: (cell, privacy) => ok(maskPhone(cleanPhone(cell), privacy)),
  address: (cell, privacy) => ok(addressRegion(cleanText(cell), privacy)),
  ip: parseIp,
  createdAt: parseDate,
  paidAt: parseDate,
  amountCents: parseAmountCents,
  itemTitle: (cell) => ok(cleanText(cell)),
  quantity: parseQuantity,
  trackingNo: (cell) => ok(cleanText(cell).replace(/\s+/g, '')),
  carrier: (cell) => ok(cleanText(cell)),
  shippedAt: parseDate,
  signedAt: parseDate,
  // Some exports write refunds as negative amounts; the size is what counts.
  refundCents: (cell) => {
    const parsed = parseAmountCents(cell);
    return parsed.ok ? ok(Math.abs(parsed.value)) : parsed;
  },
};

const DETAIL_FIELDS = Object.keys(FIELD_PARSERS) as DetailField[];

function ok<T>(value: T): Normalised<T> {
  return { ok: true, value };
}

export type RowContext = {
  headers: readonly string[];
  mapping: ColumnMapping;
  privacy: PrivacyOptions;
  /** Cells read-table found rounded by Excel, as "rowNumber:columnIndex" keys. */
  roundedCells: ReadonlySet<string>;
  /** Amazon's ship-city/state/… columns, appended to the address before it is reduced to a region. */
  addressParts: readonly number[];
};

/**
 * Turns one row into an order, or into errors only when the order number is unusable: without it
 * the row cannot be matched to the platform's notice. A bad date or amount drops that field alone.
 */
export function rowToOrder(row: TableRow, ctx: RowContext): { order: OrderRecord | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const columnName = (index: number) => ctx.headers[index] ?? `#${index + 1}`;
  const tooLong = new Set<number>();
  // A cell too long to be order data reads as empty, reported once: never stored cut short.
  const cellAt = (index: number) => {
    const cell = row.cells[index] ?? '';
    if (cell.length <= MAX_CELL_CHARS) return cell;
    if (!tooLong.has(index)) errors.push({ rowNumber: row.rowNumber, column: columnName(index), code: 'cellTooLong' });
    tooLong.add(index);
    return '';
  };
  const orderColumn = ctx.mapping.orderNo;
  if (orderColumn === null) return { order: null, errors };

  const isRounded = (index: number) => ctx.roundedCells.size > 0 && ctx.roundedCells.has(`${row.rowNumber}:${index}`);
  const orderCell = cellAt(orderColumn);
  if (tooLong.has(orderColumn)) return { order: null, errors };
  const orderNo = isRounded(orderColumn)
    ? ({ ok: false, code: 'orderNoRounded' } as const)
    : parseOrderNo(orderCell);
  if (!orderNo.ok) return { order: null, errors: [{ rowNumber: row.rowNumber, column: columnName(orderColumn), code: orderNo.code }] };

  const order: OrderRecord = { orderNo: orderNo.value };
  for (const field of DETAIL_FIELDS) {
    const index = ctx.mapping[field];
    if (index === null) continue;
    let cell = cellAt(index);
    if (field === 'address' && ctx.addressParts.length > 0) {
      cell = [cell, ...ctx.addressParts.map(cellAt)].filter((part) => !isBlankCell(part)).join(', ');
    }
    if (isBlankCell(cell)) continue;
    if (isRounded(index)) {
      errors.push({ rowNumber: row.rowNumber, column: columnName(index), code: 'numberRounded' });
      continue;
    }
    const code = applyField(order, field, cell, ctx.privacy);
    if (code) errors.push({ rowNumber: row.rowNumber, column: columnName(index), code });
  }
  const derived = (field: DerivedField) => {
    const index = ctx.mapping[field];
    if (index === null || isBlankCell(cellAt(index))) return null;
    if (isRounded(index)) {
      errors.push({ rowNumber: row.rowNumber, column: columnName(index), code: 'numberRounded' });
      return null;
    }
    return { cell: cellAt(index), column: columnName(index) };
  };
  if (DERIVED_FIELDS.some((field) => ctx.mapping[field] !== null)) {
    for (const { column, code } of applyDerivedFields(order, derived)) errors.push({ rowNumber: row.rowNumber, column, code });
  }
  return { order, errors };
}

function applyField<F extends DetailField>(order: OrderRecord, field: F, cell: string, privacy: PrivacyOptions): NormaliseErrorCode | null {
  const parser: FieldParser<F> = FIELD_PARSERS[field];
  const parsed = parser(cell, privacy);
  if (!parsed.ok) return parsed.code;
  // A region that could not be read safely comes back empty: store nothing rather than ''.
  if (parsed.value !== '') order[field] = parsed.value;
  return null;
}
