import { describe, expect, it } from 'vitest';
import { mergeOrders } from './merge-orders';

describe('mergeOrders', () => {
  it('adds quantities, lists each title once and keeps the first non-empty values', () => {
    const merged = mergeOrders([
      { orderNo: '100001', itemTitle: '大衣', quantity: 1, amountCents: 50000 },
      { orderNo: '100002', itemTitle: 'T恤', quantity: 1 },
      { orderNo: '100001', itemTitle: '围巾', quantity: 2, amountCents: 50000, trackingNo: 'SF123' },
      { orderNo: '100001', itemTitle: '大衣', quantity: 1, trackingNo: 'SF999' },
    ]);
    expect(merged).toEqual([
      { orderNo: '100001', itemTitle: '大衣；围巾', quantity: 4, amountCents: 50000, trackingNo: 'SF123' },
      { orderNo: '100002', itemTitle: 'T恤', quantity: 1 },
    ]);
  });

  it('leaves the quantity out when no row has one, and does not change its input', () => {
    const rows = [{ orderNo: '100001', itemTitle: '大衣' }, { orderNo: '100001' }];
    expect(mergeOrders(rows)).toEqual([{ orderNo: '100001', itemTitle: '大衣' }]);
    expect(rows[0]).toEqual({ orderNo: '100001', itemTitle: '大衣' });
  });

  it('treats one refunded item of an order as a partial refund of the order', () => {
    const merged = mergeOrders([
      { orderNo: '100001', status: 'completed', statusText: '已完成' },
      { orderNo: '100001', status: 'refunded', statusText: '已完成 · 退款成功' },
    ]);
    expect(merged).toEqual([{ orderNo: '100001', status: 'partiallyRefunded', statusText: '已完成 / 已完成 · 退款成功' }]);
  });
});
