import { describe, expect, it } from 'vitest';
import { buildPriceChart, pickPriceItems } from './prices';

const units = (values: number[]) => values.map((unit, i) => ({ orderNo: `o${i}`, unit }));

describe('buildPriceChart', () => {
  it('bins prices on nice boundaries and counts outliers per bar', () => {
    const chart = buildPriceChart({ item: 'T恤', units: units([9900, 9900, 9950, 10100, 2000]), median: 9900, outlierOrderNos: new Set(['o4']) });
    const step = (chart.bins[0]?.to ?? 0) - (chart.bins[0]?.from ?? 0);
    expect([100, 200, 500, 1000]).toContain(step);
    expect(chart.bins.reduce((n, b) => n + b.total, 0)).toBe(5);
    expect(chart.bins[0]).toMatchObject({ from: 2000, total: 1, outliers: 1 });
    expect(chart.outliers).toEqual([{ orderNo: 'o4', unit: 2000, direction: 'below' }]);
    expect(chart.xTicks[0]).toBeGreaterThanOrEqual(2000);
    expect(chart.yTicks.at(-1)).toBeGreaterThanOrEqual(Math.max(...chart.bins.map((b) => b.total)));
  });

  it('gives a fixed-price item one bar', () => {
    const chart = buildPriceChart({ item: 'x', units: units([500, 500, 500]), median: 500, outlierOrderNos: new Set() });
    expect(chart.bins.filter((b) => b.total > 0)).toEqual([expect.objectContaining({ total: 3 })]);
  });
});

describe('pickPriceItems', () => {
  const item = (n: number, outliers: number) => ({ units: new Array(n), outlierOrderNos: new Set(Array.from({ length: outliers }, (_, i) => String(i))) });
  it('takes items with outliers, most first, else the best seller', () => {
    const a = item(10, 1);
    const b = item(5, 3);
    const c = item(50, 0);
    expect(pickPriceItems([a, b, c])).toEqual([b, a]);
    expect(pickPriceItems([c, item(8, 0)])).toEqual([c]);
    expect(pickPriceItems([item(3, 0)], 6, 8)).toEqual([]);
  });
});
