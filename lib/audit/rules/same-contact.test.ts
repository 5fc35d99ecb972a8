import { describe, expect, it } from 'vitest';
import { at, contextWith, makeOrder } from '../order-factory';
import { AUDIT_THRESHOLDS } from '../thresholds';
import { isStreetLevel, sameAddress, sameIp, samePhone } from './same-contact';

const PHONE = '139****0001';
/** Orders to one phone at the given hours after T0. */
const toPhone = (hours: number[]) => hours.map((h, i) => makeOrder(i, { buyerPhone: PHONE, createdAt: at(h) }));

describe('samePhone', () => {
  it('reports 3 orders to one phone inside 24 h, not 2', () => {
    const [finding, ...rest] = samePhone(toPhone([0, 5, 10]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'samePhone', severity: 'medium', params: { count: 3, windowHours: 24, masked: true } });
    expect(finding?.orderNos).toEqual(toPhone([0, 5, 10]).map((o) => o.orderNo));
    expect(samePhone(toPhone([0, 5]))).toEqual([]);
  });

  it('counts a window of exactly 24 h, not 24 h and one minute', () => {
    expect(samePhone(toPhone([0, 12, 24]))).toHaveLength(1);
    expect(samePhone(toPhone([0, 12, 24 + 1 / 60]))).toEqual([]);
  });

  it('raises the severity from 6 orders in one cluster', () => {
    expect(samePhone(toPhone([0, 1, 2, 3, 4]))[0]?.severity).toBe('medium');
    expect(samePhone(toPhone([0, 1, 2, 3, 4, 5]))[0]).toMatchObject({ severity: 'high', params: { count: 6 } });
  });

  it('merges overlapping windows into one cluster and keeps distant ones apart', () => {
    // Every 10 h for 4 days: each window of 24 h holds 3 orders, and they chain.
    const chained = samePhone(toPhone([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]));
    expect(chained).toHaveLength(1);
    expect(chained[0]?.params).toMatchObject({ count: 10, maxInWindow: 3, spanHours: 90 });
    const apart = samePhone(toPhone([0, 1, 2, 200, 201, 202]));
    expect(apart.map((f) => f.params.count)).toEqual([3, 3]);
    expect(apart[0]?.id).not.toBe(apart[1]?.id);
  });

  it('counts an order repeated once per item as one order', () => {
    const orders = toPhone([0, 1]);
    const first = orders[0]!;
    expect(samePhone([...orders, { ...first, itemTitle: '另一件商品' }])).toEqual([]);
  });

  it('follows overridden thresholds', () => {
    const thresholds = { ...AUDIT_THRESHOLDS, samePhone: { minOrders: 2, windowHours: 1, escalateAtOrders: 9 } };
    expect(samePhone(toPhone([0, 0.5]), contextWith({ thresholds }))).toHaveLength(1);
    expect(samePhone(toPhone([0, 1.5]), contextWith({ thresholds }))).toEqual([]);
  });
});

describe('sameAddress', () => {
  it('matches addresses that differ only in spacing, width and case', () => {
    const orders = [
      makeOrder(1, { address: '浙江省 杭州市西湖区文三路8号 Room 5A', createdAt: at(0) }),
      makeOrder(2, { address: '浙江省杭州市西湖区文三路８号room5a', createdAt: at(1) }),
      makeOrder(3, { address: ' 浙江省杭州市 西湖区 文三路8号 ROOM 5A ', createdAt: at(2) }),
    ];
    expect(sameAddress(orders)).toMatchObject([{ rule: 'sameAddress', severity: 'low', params: { count: 3 } }]);
    expect(sameAddress(orders.slice(0, 2))).toEqual([]);
  });

  it('ignores district-only addresses, which thousands of buyers share', () => {
    const orders = [0, 1, 2, 3].map((h) => makeOrder(h, { address: '浙江省杭州市西湖区', createdAt: at(h) }));
    expect(sameAddress(orders)).toEqual([]);
    expect(isStreetLevel('浙江省杭州市西湖区')).toBe(false);
    expect(isStreetLevel('广东省深圳市南山区科技园12栋')).toBe(true);
  });
});

describe('sameIp', () => {
  const fromIp = (hours: number[]) => hours.map((h, i) => makeOrder(i, { ip: '223.104.1.1', createdAt: at(h) }));

  it('needs 4 orders within 6 h', () => {
    expect(sameIp(fromIp([0, 2, 4, 6]))).toMatchObject([{ severity: 'medium', params: { count: 4, windowHours: 6, masked: false } }]);
    expect(sameIp(fromIp([0, 2, 4]))).toEqual([]);
    expect(sameIp(fromIp([0, 2, 4, 6.1]))).toEqual([]);
  });
});
