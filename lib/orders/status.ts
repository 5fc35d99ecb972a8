/**
 * The small set every platform's order and after-sales states are normalised to, so the audit and
 * the table speak one language whatever the export said (交易成功, 已签收, Shipped, 退款成功 …).
 */
export const ORDER_STATUSES = ['unpaid', 'paid', 'shipped', 'completed', 'closed', 'refunded', 'partiallyRefunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}
