import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/lib/orders/types';
import { at, contextWith, makeOrder } from '../order-factory';
import { burstDay, burstHour, dailyBaseline } from './burst';

let next = 0;
/** `count` orders spread evenly inside hour `hour` of day `day` (China time). */
const within = (day: number, hour: number, count: number, spanHours = 1): OrderRecord[] =>
  Array.from({ length: count }, (_, i) => makeOrder(next++, { createdAt: at(day * 24 + hour + (spanHours * (i + 0.5)) / count) }));
/** A steady shop: `perDay` orders a day for `days` days, spread over the whole day. */
const steady = (days: number, perDay: number): OrderRecord[] =>
  Array.from({ length: days }, (_, d) => within(d, 0, perDay, 24)).flat();

describe('dailyBaseline', () => {
  it('is the median day over the whole span, quiet days counting as 0', () => {
    const days = new Map([
      [0, new Array(5)],
      [3, new Array(9)],
      [4, new Array(1)],
    ]);
    // Days 0..4: [5, 0, 0, 9, 1] → median 1.
    expect(dailyBaseline(days)).toEqual({ baseline: 1, spanDays: 5 });
    expect(dailyBaseline(new Map([[7, new Array(4)], [8, new Array(6)]]))).toEqual({ baseline: 5, spanDays: 2 });
  });
});

describe('burstDay', () => {
  it('flags a day above 3× the median day, not one at exactly 3×', () => {
    const base = steady(14, 10);
    const above = burstDay([...base, ...within(10, 9, 21, 12)]);
    expect(above).toMatchObject([{ rule: 'burstDay', severity: 'medium', explainedByPromotion: false, params: { count: 31, baseline: 10, ratio: 3.1, date: '2026-03-12' } }]);
    expect(above[0]?.orderNos).toHaveLength(31);
    expect(burstDay([...base, ...within(10, 9, 20, 12)])).toEqual([]);
  });

  it('needs at least 20 orders, whatever the ratio', () => {
    const base = steady(14, 2);
    expect(burstDay([...base, ...within(5, 9, 18, 12)])).toHaveLength(1);
    expect(burstDay([...base, ...within(5, 9, 17, 12)])).toEqual([]);
  });

  it('measures a sparse shop against a baseline of 0 and gives no ratio', () => {
    const sparse = [...within(0, 10, 5), ...within(6, 10, 5), ...within(13, 10, 20)];
    const [finding] = burstDay(sparse);
    expect(finding?.params).toMatchObject({ count: 20, baseline: 0 });
    expect(finding?.params).not.toHaveProperty('ratio');
  });

  it('needs a week of data for a baseline', () => {
    expect(burstDay([...steady(6, 2), ...within(5, 9, 40)])).toEqual([]);
    expect(burstDay([...steady(7, 2), ...within(5, 9, 40)])).toHaveLength(1);
  });

  it('still reports a burst a promotion explains, marked as such', () => {
    const orders = [...steady(14, 10), ...within(10, 20, 40)];
    const promotions = [{ start: at(10 * 24 + 20), end: at(10 * 24 + 22) }];
    const [explained] = burstDay(orders, contextWith({ promotions }));
    expect(explained).toMatchObject({ explainedByPromotion: true, severity: 'low', params: { count: 50 } });
    // Same id with or without the promotion: an explanation attached to it survives.
    const [unexplained] = burstDay(orders, contextWith({ promotions: [{ start: at(0), end: at(24) }] }));
    expect(unexplained).toMatchObject({ explainedByPromotion: false, severity: 'medium', id: explained?.id });
  });
});

describe('bursts and order status', () => {
  it('counts refunded orders (a ring refunds after the sale is credited) but not unpaid ones', () => {
    const base = steady(14, 10);
    const rush = within(10, 9, 25, 12);
    const refunded = burstDay([...base, ...rush.map((o) => ({ ...o, status: 'refunded' as const }))]);
    expect(refunded).toMatchObject([{ params: { count: 35, refundedCount: 25 } }]);
    expect(burstDay([...base, ...rush.map((o) => ({ ...o, status: 'unpaid' as const }))])).toEqual([]);
    // Closed without a payment time is an unpaid order that timed out.
    expect(burstDay([...base, ...rush.map((o) => ({ ...o, status: 'closed' as const, paidAt: undefined }))])).toEqual([]);
  });
});

describe('burstHour', () => {
  it('flags an hour above 6× the average hour (median day / 24), not one at 6×', () => {
    const base = steady(14, 48);
    // The burst hour already holds 2 of the steady orders.
    const [finding, ...rest] = burstHour([...base, ...within(3, 20, 11)]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ params: { count: 13, baseline: 2, hour: 20, date: '2026-03-05' } });
    expect(burstHour([...base, ...within(3, 20, 10)])).toEqual([]);
  });

  it('needs at least 10 orders in the hour', () => {
    const base = steady(14, 2);
    expect(burstHour([...base, ...within(3, 20, 10)])).toHaveLength(1);
    expect(burstHour([...base, ...within(3, 20, 9)])).toEqual([]);
  });

  it('marks an hour inside a promotion as explained', () => {
    const orders = [...steady(14, 2), ...within(3, 20, 30)];
    const [finding] = burstHour(orders, contextWith({ promotions: [{ start: at(3 * 24 + 20.5), end: at(3 * 24 + 26) }] }));
    expect(finding?.explainedByPromotion).toBe(true);
  });
});
