import { describe, expect, it } from 'vitest';
import { runAudit } from '@/lib/audit';
import { at, makeOrder } from '@/lib/audit/order-factory';
import type { OrderRecord } from '@/lib/orders/types';
import { buildCaseCharts } from './case-charts';

let next = 0;
const within = (day: number, hour: number, count: number, spanHours: number, extra: Partial<OrderRecord> = {}) =>
  Array.from({ length: count }, (_, i) => makeOrder(next++, { createdAt: at(day * 24 + hour + (spanHours * (i + 0.5)) / count), ...extra }));

// Two weeks of 10 orders a day; 30 more in one evening hour on day 5 (inside a promotion) and on day 10 (outside).
const steady = Array.from({ length: 14 }, (_, d) => within(d, 0, 10, 24)).flat();
const promoBurst = within(5, 20, 30, 1);
const loneBurst = within(10, 20, 30, 1);
const earbuds = [...within(2, 9, 20, 8, { itemTitle: '蓝牙耳机', amountCents: 19900 }), ...within(3, 9, 2, 2, { itemTitle: '蓝牙耳机', amountCents: 990 })];
const orders = [...steady, ...promoBurst, ...loneBurst, ...earbuds];
const promotion = { name: '店庆', start: at(5 * 24).getTime(), end: at(6 * 24).getTime() };

function charts() {
  const { findings } = runAudit(orders, { promotions: [{ start: new Date(promotion.start), end: new Date(promotion.end) }] });
  const flagged = new Set(loneBurst.slice(0, 12).map((o) => o.orderNo));
  return { findings, charts: buildCaseCharts({ orders, flagged, promotions: [promotion], findings }) };
}

describe('buildCaseCharts', () => {
  it("marks the audit's burst inside a promotion as explained and the one outside as not", () => {
    const { findings, charts: c } = charts();
    expect(findings.filter((f) => f.rule === 'burstDay')).toHaveLength(2);
    const timeline = c.timeline;
    expect(timeline?.unit).toBe('day');
    const day = (d: number) => timeline?.bins.find((b) => b.start === at(d * 24).getTime());
    expect(day(5)?.burst).toBe('explained');
    expect(day(10)?.burst).toBe('unexplained');
    expect(day(7)?.burst).toBeUndefined();
    expect(timeline?.bursts.filter((b) => b.unit === 'day').map((b) => [b.start, b.explained])).toEqual(
      expect.arrayContaining([
        [at(5 * 24).getTime(), true],
        [at(10 * 24).getTime(), false],
      ]),
    );
    expect(timeline?.promotions).toEqual([promotion]);
  });

  it('counts every paid order once and the flagged ones apart', () => {
    const { charts: c } = charts();
    expect(c.timeline?.totals).toEqual({ orders: orders.length, flagged: 12 });
    expect(c.timeline?.bins.find((b) => b.start === at(10 * 24).getTime())).toMatchObject({ total: 40, flagged: 12 });
  });

  it("draws the item whose prices the audit found outliers in, with the audit's outliers", () => {
    const { findings, charts: c } = charts();
    const flaggedPrices = findings.filter((f) => f.rule === 'amountOutlier').flatMap((f) => f.orderNos);
    expect(flaggedPrices).toHaveLength(2);
    expect(c.prices.map((p) => p.item)).toEqual(['蓝牙耳机']);
    const [chart] = c.prices;
    expect(chart?.outliers.map((o) => o.orderNo).sort()).toEqual(flaggedPrices.sort());
    expect(chart?.outliers.every((o) => o.direction === 'below')).toBe(true);
    expect(chart?.median).toBe(19900);
    expect(chart?.bins[0]).toMatchObject({ total: 2, outliers: 2 });
    expect(chart?.bins.at(-1)).toMatchObject({ total: 20, outliers: 0 });
  });

  it('draws no outliers the audit did not report', () => {
    const c = buildCaseCharts({ orders, flagged: new Set(), promotions: [], findings: [] });
    expect(c.timeline?.bursts).toEqual([]);
    // Without outlier findings, only the best-selling item, with nothing marked.
    expect(c.prices).toHaveLength(1);
    expect(c.prices[0]?.outliers).toEqual([]);
  });
});
