import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/lib/orders/types';
import { at, contextWith, makeOrder } from '../order-factory';
import type { TrackingCheck } from '../types';
import { trackingFormat, trackingMissing, trackingNumbers, trackingShared } from './tracking';

const DAY_H = 24;
/** An unshipped order paid `hours` after T0, with no waybill. */
const unshipped = (n: number, hours: number, extra: Partial<OrderRecord> = {}) =>
  makeOrder(n, { createdAt: at(hours), paidAt: at(hours), trackingNo: undefined, shippedAt: undefined, signedAt: undefined, ...extra });

describe('trackingNumbers', () => {
  it('splits split-shipment cells, normalises, and treats placeholders as none', () => {
    expect(trackingNumbers(makeOrder(1, { trackingNo: ' sf 1111111111，YT2222222222 ' }))).toEqual(['SF1111111111', 'YT2222222222']);
    expect(trackingNumbers(makeOrder(1, { trackingNo: '无' }))).toEqual([]);
    expect(trackingNumbers(makeOrder(1, { trackingNo: '12345' }))).toEqual([]);
  });
});

describe('trackingMissing', () => {
  const asOf = at(10 * DAY_H);
  const shipped = makeOrder(99); // has a waybill: the export does have the column

  it('flags orders marked shipped without a waybill', () => {
    const order = unshipped(1, 9.9 * DAY_H, { shippedAt: at(9.95 * DAY_H) });
    expect(trackingMissing([shipped, order], contextWith({ asOf }))).toMatchObject([
      { rule: 'trackingMissing', severity: 'medium', orderNos: [order.orderNo], params: { reason: 'markedShipped' } },
    ]);
  });

  it('flags unshipped orders paid more than 3 days ago, not exactly 3 days ago', () => {
    const over = unshipped(1, 7 * DAY_H - 1 / 60);
    const edge = unshipped(2, 7 * DAY_H);
    expect(trackingMissing([shipped, over, edge], contextWith({ asOf }))).toMatchObject([
      { severity: 'low', orderNos: [over.orderNo], params: { reason: 'overdue', shipWithinDays: 3 } },
    ]);
  });

  it('never asks a waybill of unpaid, closed or refunded orders', () => {
    for (const status of ['unpaid', 'closed', 'refunded'] as const) {
      expect(trackingMissing([shipped, unshipped(1, 0, { status })], contextWith({ asOf })), status).toEqual([]);
    }
    for (const status of ['paid', 'partiallyRefunded'] as const) {
      expect(trackingMissing([shipped, unshipped(1, 0, { status })], contextWith({ asOf })), status).toHaveLength(1);
    }
  });

  it('takes "shipped" and "completed" statuses as marked shipped', () => {
    const order = unshipped(1, 9.9 * DAY_H, { status: 'completed' });
    expect(trackingMissing([shipped, order], contextWith({ asOf }))).toMatchObject([{ severity: 'medium', params: { reason: 'markedShipped' } }]);
  });

  it('counts from payment only where the data shows one, and says "ordered" otherwise', () => {
    const paid = unshipped(1, 0);
    const unknown = unshipped(2, 0, { paidAt: undefined });
    const [a, b] = trackingMissing([shipped, paid, unknown], contextWith({ asOf }));
    expect(a?.params).toMatchObject({ reason: 'overdue', since: 'paid', ageDays: 10, ageH: 0 });
    expect(b?.params).toMatchObject({ reason: 'overdue', since: 'ordered', ageDays: 10 });
    const late = unshipped(3, 4 * DAY_H + 3, { paidAt: undefined, status: 'paid' });
    expect(trackingMissing([shipped, late], contextWith({ asOf }))[0]?.params).toMatchObject({ since: 'ordered', ageDays: 5, ageH: 21 });
  });

  it('takes "now" from the latest time in the data when none is given', () => {
    const old = unshipped(1, 0);
    const latest = makeOrder(2, { createdAt: at(3 * DAY_H + 1), shippedAt: undefined, signedAt: undefined });
    expect(trackingMissing([old, latest]).map((f) => f.orderNos)).toEqual([[old.orderNo]]);
    expect(trackingMissing([old, { ...latest, createdAt: at(3 * DAY_H), paidAt: at(3 * DAY_H) }])).toEqual([]);
  });

  it('sums up an export with no waybill at all as one finding', () => {
    const orders = [1, 2, 3].map((n) => unshipped(n, 0));
    const findings = trackingMissing(orders, contextWith({ asOf }));
    expect(findings).toMatchObject([{ params: { noneInExport: true, count: 3 } }]);
    expect(findings[0]?.orderNos).toHaveLength(3);
  });
});

describe('trackingShared', () => {
  const on = (n: number, trackingNo: string, extra: Partial<OrderRecord> = {}) => makeOrder(n, { trackingNo, ...extra });

  it('flags one waybill on orders to different recipients as high', () => {
    const orders = [on(1, 'SF1234567890'), on(2, 'sf 1234567890')];
    expect(trackingShared(orders)).toMatchObject([
      { severity: 'high', orderNos: orders.map((o) => o.orderNo), params: { count: 2, sameRecipient: false, recipientsKnown: true } },
    ]);
    expect(trackingShared([on(1, 'SF1234567890'), on(2, 'SF1234567891')])).toEqual([]);
  });

  it('treats one recipient as a likely merged shipment (low) and unknown recipients as medium', () => {
    const merged = [on(1, 'SF1234567890', { buyerPhone: '13800000001' }), on(2, 'SF1234567890', { buyerPhone: '13800000001' })];
    expect(trackingShared(merged)[0]).toMatchObject({ severity: 'low', params: { sameRecipient: true } });
    const unknown = [on(1, 'SF1234567890', { buyerPhone: undefined, address: undefined }), on(2, 'SF1234567890')];
    expect(trackingShared(unknown)[0]?.severity).toBe('medium');
  });

  it('names the shared number and the orders on it, and counts refunded ones', () => {
    const orders = [1, 2, 3, 4, 5, 6, 7].map((n) => on(n, 'YT1234567890123', n === 3 ? { status: 'refunded' } : {}));
    const [finding] = trackingShared(orders);
    expect(finding?.params).toMatchObject({
      trackingNo: 'YT1234567890123',
      count: 7,
      orderList: orders.slice(0, 5).map((o) => o.orderNo).join(', '),
      moreOrders: 2,
      refundedCount: 1,
    });
  });

  it('does not take a masked phone for one recipient', () => {
    const masked = [1, 2].map((n) => on(n, 'SF1234567890', { buyerPhone: '138****0001', address: undefined }));
    expect(trackingShared(masked)[0]).toMatchObject({ severity: 'medium', params: { recipientsKnown: false } });
  });

  it('does not count an order repeated once per item', () => {
    const order = on(1, 'SF1234567890');
    expect(trackingShared([order, { ...order, itemTitle: '赠品' }])).toEqual([]);
  });
});

describe('trackingFormat', () => {
  const calls: string[] = [];
  const check: TrackingCheck = ({ trackingNo, carrierName }) => {
    calls.push(trackingNo);
    if (carrierName === '未知快递') return { status: 'unknownCarrier' };
    return { status: trackingNo.startsWith('BAD') ? 'formatMismatch' : 'ok' };
  };

  it('reports numbers the injected check rejects, asking once per number and carrier', () => {
    const orders = [makeOrder(1, { trackingNo: 'BAD0000001' }), makeOrder(2, { trackingNo: 'BAD0000001' }), makeOrder(3)];
    const findings = trackingFormat(orders, contextWith({ checkTracking: check }));
    expect(findings.map((f) => f.orderNos[0])).toEqual([orders[0]?.orderNo, orders[1]?.orderNo]);
    expect(findings[0]).toMatchObject({ severity: 'info', params: { trackingNo: 'BAD0000001', carrier: '顺丰速运' } });
    expect(calls).toEqual(['BAD0000001', makeOrder(3).trackingNo]);
  });

  it('skips unknown carriers and runs only with a checker', () => {
    const orders = [makeOrder(1, { trackingNo: 'BAD0000001', carrier: '未知快递' })];
    expect(trackingFormat(orders, contextWith({ checkTracking: check }))).toEqual([]);
    expect(trackingFormat([makeOrder(1, { trackingNo: 'BAD0000001' })])).toEqual([]);
  });
});
