import { normaliseStatus } from '../status';
import type { OrderRecord } from '../types';
import { cleanText, type NormaliseErrorCode } from './normalise';
import { splitLogistics } from './split-logistics';

/** Mapped columns that do not fill one field each: they are read together once the row is parsed. */
export const DERIVED_FIELDS = ['status', 'afterSale', 'closeReason', 'logistics'] as const;
export type DerivedField = (typeof DERIVED_FIELDS)[number];

type Cell = { cell: string; column: string } | null;

/**
 * Fills status, statusText and (from a combined logistics cell) carrier and tracking number. Runs
 * after the per-field parsers because the status needs the amount and refund already read.
 * `cellOf` answers null for an unmapped or blank column.
 */
export function applyDerivedFields(order: OrderRecord, cellOf: (field: DerivedField) => Cell): { column: string; code: NormaliseErrorCode }[] {
  const errors: { column: string; code: NormaliseErrorCode }[] = [];
  const status = cellOf('status');
  const afterSale = cellOf('afterSale');
  const closeReason = cellOf('closeReason');
  if (status || afterSale || closeReason || order.refundCents !== undefined) {
    const result = normaliseStatus({
      status: status ? cleanText(status.cell) : undefined,
      afterSale: afterSale ? cleanText(afterSale.cell) : undefined,
      closeReason: closeReason ? cleanText(closeReason.cell) : undefined,
      refundCents: order.refundCents,
      amountCents: order.amountCents,
    });
    if (result.status !== undefined) order.status = result.status;
    if (result.statusText !== undefined) order.statusText = result.statusText;
    for (const source of result.unknown) {
      const column = (source === 'status' ? (status ?? afterSale) : afterSale)?.column;
      if (column) errors.push({ column, code: 'statusUnknown' });
    }
  }

  const logistics = cellOf('logistics');
  if (logistics) {
    const split = splitLogistics(cleanText(logistics.cell));
    if (!split.ok) errors.push({ column: logistics.column, code: 'logisticsUnclear' });
    else {
      // Separate carrier and number columns, where the user mapped them too, are the plainer source.
      if (split.trackingNo && order.trackingNo === undefined) order.trackingNo = split.trackingNo;
      if (split.carrier && order.carrier === undefined) order.carrier = split.carrier;
    }
  }
  return errors;
}
