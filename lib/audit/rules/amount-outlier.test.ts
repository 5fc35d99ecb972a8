import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/lib/orders/types';
import { makeOrder } from '../order-factory';
import { amountOutlier, median, modifiedZ } from './amount-outlier';

/** One item's orders at the given amounts (cents), numbered from 0. */
const priced = (amounts: number[], title = '纯棉T恤') =>
  amounts.map((amountCents, i) => makeOrder(i, { amountCents, itemTitle: title, quantity: 1 }));
const SPREAD = [100, 100, 100, 200, 200, 200, 300, 300, 300];

describe('modifiedZ', () => {
  it('uses 0.6745 (x - median) / MAD', () => {
    const stats = modifiedZ([...SPREAD, 720]);
    expect(stats).toMatchObject({ median: 200, mad: 100 });
    expect(stats?.z.at(-1)).toBeCloseTo((0.6745 * 520) / 100, 6);
  });

  it('floors the scale at 5 % of the median when MAD is 0, and gives up when all are equal', () => {
    const stats = modifiedZ([10, 10, 10, 10, 1]);
    expect(stats).toMatchObject({ mad: 0, scale: 0.5, median: 10 });
    expect(stats?.z.at(-1)).toBeCloseTo((0.6745 * -9) / 0.5, 6);
    expect(modifiedZ([5, 5, 5])).toBeUndefined();
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });
});

describe('amountOutlier', () => {
  it('flags |z| just above 3.5 and not just below', () => {
    const above = amountOutlier(priced([...SPREAD, 720]));
    expect(above).toHaveLength(1);
    expect(above[0]).toMatchObject({ rule: 'amountOutlier', orderNos: [makeOrder(9).orderNo], params: { value: 720, median: 200, direction: 'above' } });
    expect(above[0]?.params.z).toBeGreaterThan(3.5);
    expect(amountOutlier(priced([...SPREAD, 718]))).toEqual([]);
  });

  it('handles MAD = 0: a lone cheap order among list-price ones stands out', () => {
    const [finding, ...rest] = amountOutlier(priced([9900, 9900, 9900, 9900, 9900, 9900, 9900, 100]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'medium', params: { madZero: true, mad: 0, median: 9900, value: 100, direction: 'below' } });
  });

  it('holds with tied prices and outliers on both sides (a 100× order hides nothing)', () => {
    const orders = priced([...new Array<number>(20).fill(9900), 1, 99_000, 990_000]);
    const findings = amountOutlier(orders);
    expect(findings.map((f) => f.params.value).sort((a, b) => Number(a) - Number(b))).toEqual([1, 99_000, 990_000]);
    for (const f of findings) expect(f).toMatchObject({ severity: 'medium', params: { median: 9900, madZero: true } });
    expect(findings.find((f) => f.params.value === 1)?.params.direction).toBe('below');
  });

  it('does not report coupon-level discounts among tied prices, even beside big outliers', () => {
    const coupons = [7920, 7920, 8910, 7425]; // −20 %, −20 %, −10 %, −25 %
    const orders = priced([...new Array<number>(20).fill(9900), ...coupons, 990_000]);
    expect(amountOutlier(orders).map((f) => f.params.value)).toEqual([990_000]);
  });

  it('takes no price from unpaid, closed or refunded orders, but keeps partial refunds', () => {
    const base = new Array<number>(10).fill(9900);
    const at0 = (status: OrderRecord['status']) =>
      [...priced(base), makeOrder(10, { amountCents: 0, itemTitle: '纯棉T恤', quantity: 1, status })];
    for (const status of ['closed', 'refunded', 'unpaid'] as const) expect(amountOutlier(at0(status)), status).toEqual([]);
    // No status column: a ¥0.00 order is still reported, as before statuses existed.
    expect(amountOutlier(at0(undefined))).toHaveLength(1);
    const partial = [...priced(base), makeOrder(10, { amountCents: 990, itemTitle: '纯棉T恤', status: 'partiallyRefunded', refundCents: 100 })];
    expect(amountOutlier(partial)).toMatchObject([{ params: { value: 990, partiallyRefunded: true } }]);
  });

  it('needs 8 orders of the item', () => {
    expect(amountOutlier(priced([9900, 9900, 9900, 9900, 9900, 9900, 100]))).toEqual([]);
  });

  it('ignores small price differences even when the z-score explodes', () => {
    const seven = [10000, 10000, 10000, 10000, 10000, 10000, 10000];
    expect(amountOutlier(priced([...seven, 9900]))).toEqual([]);
    // Half the usual price is the edge of "worth a look"; one cent less off is not.
    expect(amountOutlier(priced([...seven, 5000]))).toMatchObject([{ severity: 'low', params: { relativeDeviation: 0.5 } }]);
    expect(amountOutlier(priced([...seven, 5001]))).toEqual([]);
    // Paying a fifth of the price or less is the low-price-link pattern: medium.
    expect(amountOutlier(priced([...seven, 2000]))[0]?.severity).toBe('medium');
    expect(amountOutlier(priced([...seven, 2001]))[0]?.severity).toBe('low');
  });

  it('compares unit prices, so buying two is not an outlier', () => {
    const orders = priced([9900, 9900, 9900, 9900, 9900, 9900, 9900, 19800]);
    expect(amountOutlier(orders)).toHaveLength(1);
    orders[7] = { ...orders[7]!, quantity: 2 };
    expect(amountOutlier(orders)).toEqual([]);
  });

  it('groups by item title and skips free items', () => {
    const mixed = [...priced([9900, 9900, 9900, 9900], '甲'), ...priced([9900, 9900, 9900, 100], '乙')];
    expect(amountOutlier(mixed)).toEqual([]);
    expect(amountOutlier(priced([0, 0, 0, 0, 0, 0, 0, 500]))).toEqual([]);
  });
});
