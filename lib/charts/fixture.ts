import { runAudit } from '@/lib/audit';
import { at, makeOrder } from '@/lib/audit/order-factory';
import type { OrderRecord } from '@/lib/orders/types';
import { buildCaseCharts } from './case-charts';

/**
 * A small case for the charts' tests: two weeks of 10 orders a day, 30 more in one evening hour on
 * day 5 (inside the promotion 店庆) and on day 10 (outside it, 12 of them flagged), and an item
 * with two orders at a twentieth of its price.
 */
export function chartFixture() {
  let next = 0;
  const within = (day: number, hour: number, count: number, spanHours: number, extra: Partial<OrderRecord> = {}) =>
    Array.from({ length: count }, (_, i) => makeOrder(next++, { createdAt: at(day * 24 + hour + (spanHours * (i + 0.5)) / count), ...extra }));
  const steady = Array.from({ length: 14 }, (_, d) => within(d, 0, 10, 24)).flat();
  const promoBurst = within(5, 20, 30, 1);
  const loneBurst = within(10, 20, 30, 1);
  const earbuds = [...within(2, 9, 20, 8, { itemTitle: '蓝牙耳机', amountCents: 19900 }), ...within(3, 9, 2, 2, { itemTitle: '蓝牙耳机', amountCents: 990 })];
  const orders = [...steady, ...promoBurst, ...loneBurst, ...earbuds];
  const promotion = { name: '店庆', start: at(5 * 24).getTime(), end: at(6 * 24).getTime() };
  const { findings } = runAudit(orders, { promotions: [{ start: new Date(promotion.start), end: new Date(promotion.end) }] });
  const flagged = new Set(loneBurst.slice(0, 12).map((o) => o.orderNo));
  return { orders, promotion, findings, flagged, loneBurst, charts: buildCaseCharts({ orders, flagged, promotions: [promotion], findings }) };
}
