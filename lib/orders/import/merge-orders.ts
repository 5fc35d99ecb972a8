import type { OrderRecord } from '../types';

/** Item titles of one order, joined the way Chinese lists are: with a full-width semicolon. */
export const TITLE_SEPARATOR = '；';

/**
 * Folds rows that share an order number into one order. Taobao's item-level export repeats the
 * order on every item row: quantities add up, titles are listed once each, and everything else
 * (buyer, amount, dates) is an order-level value repeated per row, so the first non-empty one is
 * kept. Summing amounts would double-count the order total printed on each item row.
 */
export function mergeOrders(rows: readonly OrderRecord[]): OrderRecord[] {
  const byOrderNo = new Map<string, { order: OrderRecord; titles: string[] }>();
  for (const row of rows) {
    const seen = byOrderNo.get(row.orderNo);
    if (!seen) {
      byOrderNo.set(row.orderNo, { order: { ...row }, titles: row.itemTitle ? [row.itemTitle] : [] });
      continue;
    }
    const { order, titles } = seen;
    if (row.quantity !== undefined) order.quantity = (order.quantity ?? 0) + row.quantity;
    if (row.itemTitle && !titles.includes(row.itemTitle)) titles.push(row.itemTitle);
    mergeStatus(order, row);
    for (const field of Object.keys(row) as (keyof OrderRecord)[]) {
      if (order[field] === undefined && row[field] !== undefined) copyField(order, row, field);
    }
  }
  return Array.from(byOrderNo.values(), ({ order, titles }) => {
    if (titles.length > 0) order.itemTitle = titles.join(TITLE_SEPARATOR);
    return order;
  });
}

const REFUNDS = new Set(['refunded', 'partiallyRefunded']);

/**
 * Item rows of one order carry their own after-sales state (抖店 子订单, Taobao 退款状态 per item):
 * one item refunded and another not is a partial refund of the order. Other disagreements keep
 * the first row's status, and the text lists each row's words once so nothing is hidden.
 */
function mergeStatus(order: OrderRecord, row: OrderRecord): void {
  if (row.statusText && order.statusText && !order.statusText.split(' / ').includes(row.statusText)) {
    order.statusText = `${order.statusText} / ${row.statusText}`;
  }
  if (!row.status || !order.status || row.status === order.status) return;
  if (REFUNDS.has(row.status) || REFUNDS.has(order.status)) order.status = 'partiallyRefunded';
}

function copyField<F extends keyof OrderRecord>(target: OrderRecord, source: OrderRecord, field: F): void {
  target[field] = source[field];
}
