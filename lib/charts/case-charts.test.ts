import { describe, expect, it } from 'vitest';
import { at } from '@/lib/audit/order-factory';
import { buildCaseCharts } from './case-charts';
import { chartFixture } from './fixture';

const { orders, promotion } = chartFixture();
const charts = () => chartFixture();

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
