import { describe, expect, it } from 'vitest';
import { at, contextWith, makeOrder } from '../order-factory';
import { AUDIT_THRESHOLDS } from '../thresholds';
import { isStreetLevel, sameAddress, sameIp, samePhone } from './same-contact';
import type { OrderRecord } from '@/lib/orders/types';

const PHONE = '13900000001';
/** Orders to one phone at the given hours after T0. */
const toPhone = (hours: number[]) => hours.map((h, i) => makeOrder(i, { buyerPhone: PHONE, createdAt: at(h) }));

describe('samePhone', () => {
  it('reports 3 orders to one phone inside 24 h, not 2', () => {
    const [finding, ...rest] = samePhone(toPhone([0, 5, 10]));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'samePhone', severity: 'medium', params: { count: 3, windowHours: 24, masked: false } });
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

  it('reports only groups that fit the window, however the windows chain', () => {
    // Every 10 h for 4 days: each window of 24 h holds 3 orders, and they chain.
    const chained = samePhone(toPhone([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]));
    expect(chained.map((f) => f.orderNos.length)).toEqual([3, 3, 3]);
    for (const f of chained) {
      expect(f.params.spanHours).toBeLessThanOrEqual(24);
      expect(f.params).toMatchObject({ windowHours: 24, valueOrders: 10, valueGroups: 3 });
    }
    // Greedy from the earliest order: [0,10,20], [30,40,50], [60,70,80]; 90 is left alone.
    expect(chained[0]?.params).toMatchObject({ count: 3, spanHours: 20, spanD: 0 });
    const apart = samePhone(toPhone([0, 1, 2, 200, 201, 202]));
    expect(apart.map((f) => f.params.count)).toEqual([3, 3]);
    expect(apart[0]?.id).not.toBe(apart[1]?.id);
  });

  it('splits a month of daily use into groups of at most 24 h, with stable ids', () => {
    // 120 orders, 4 a day for 30 days at 0, 5, 10, 15 h: never more than 24 h per finding.
    const hours = Array.from({ length: 120 }, (_, i) => Math.floor(i / 4) * 24 + (i % 4) * 5);
    const findings = samePhone(toPhone(hours));
    // The next day's first order is exactly 24 h after a group's first, so it joins that group
    // (the window is inclusive) and groups drift: 24 groups of 5, then none left over.
    expect(findings).toHaveLength(24);
    expect(Math.max(...findings.map((f) => Number(f.params.spanHours)))).toBeLessThanOrEqual(24);
    expect(new Set(findings.flatMap((f) => f.orderNos)).size).toBe(120);
    // An order added after the last group leaves every earlier id as it was.
    const more = samePhone([...toPhone(hours), makeOrder(500, { buyerPhone: PHONE, createdAt: at(2000) })]);
    expect(more.map((f) => f.id)).toEqual(findings.map((f) => f.id));
  });

  it('leaves outside the group what falls outside its window', () => {
    // 0 and 30 are each alone within 24 h of any group of 3.
    const findings = samePhone(toPhone([0, 30, 40, 50, 60]));
    expect(findings.map((f) => f.orderNos.length)).toEqual([3]);
    expect(findings[0]?.params).toMatchObject({ count: 3, spanHours: 20 });
  });

  it('never matches masked, encrypted or placeholder phones', () => {
    const same = (buyerPhone: string): OrderRecord[] => [0, 1, 2, 3].map((h) => makeOrder(h, { buyerPhone, createdAt: at(h) }));
    for (const hidden of [
      '138****5678',
      '****',
      '***',
      '1**********',
      '138xxxx5678',
      '138＊＊＊＊5678',
      '$189$AAAAAADkt0gJgFdp5xLPYg8vGhYcx174rbTSA6WaxqQ=$2$',
      '$TtMyyvuwCTgl$AgAAAADKjN8Gxyy8TADS9L8EPNs56SAn7sOt1JBMsC8=$2$$',
      '#ubkI#AgAAAAHp3pYKV/+PkQCrnxgFMHoKK8CdXe7uNABefSpPlXNL1rQMSD1RJahmGDLi#4##',
      'U2FsdGVkX1+9fQ3k7tqzJm0aV8cXr2bN',
      '加密',
      '[已加密]',
      '隐私保护',
      '-',
    ]) {
      expect(samePhone(same(hidden)), hidden).toEqual([]);
    }
  });

  it('counts paid and refunded orders, not unpaid ones or orders closed unpaid', () => {
    const orders = toPhone([0, 1, 2]);
    const refunded = orders.map((o) => ({ ...o, status: 'refunded' as const }));
    expect(samePhone(refunded)).toMatchObject([{ params: { count: 3, refundedCount: 3 } }]);
    expect(samePhone(orders.map((o, i) => (i === 0 ? { ...o, status: 'unpaid' as const } : o)))).toEqual([]);
    expect(samePhone(orders.map((o, i) => (i === 0 ? { ...o, status: 'closed' as const, paidAt: undefined } : o)))).toEqual([]);
    expect(samePhone(orders.map((o, i) => (i === 0 ? { ...o, status: 'closed' as const } : o)))[0]?.params.refundedCount).toBe(1);
  });

  it('compares phones by their digits', () => {
    const spelled = ['+86 139 0000 0001', '139-0000-0001', '13900000001'].map((buyerPhone, h) => makeOrder(h, { buyerPhone, createdAt: at(h) }));
    expect(samePhone(spelled)).toMatchObject([{ params: { count: 3 } }]);
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
  it('never matches masked or encrypted addresses', () => {
    for (const address of ['浙江省杭州市西湖区文三路**号', '~AgAAAAK6MjwIdMbadQG53SyjOLyy04ZtKOi1EBOn5YQC=~4~', '*']) {
      const orders = [0, 1, 2, 3].map((h) => makeOrder(h, { address, createdAt: at(h) }));
      expect(sameAddress(orders), address).toEqual([]);
    }
  });

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

  it('ignores masked IPs', () => {
    const orders = [0, 1, 2, 3].map((h) => makeOrder(h, { ip: '223.104.*.*', createdAt: at(h) }));
    expect(sameIp(orders)).toEqual([]);
  });

  it('needs 4 orders within 6 h', () => {
    expect(sameIp(fromIp([0, 2, 4, 6]))).toMatchObject([{ severity: 'medium', params: { count: 4, windowHours: 6, masked: false } }]);
    expect(sameIp(fromIp([0, 2, 4]))).toEqual([]);
    expect(sameIp(fromIp([0, 2, 4, 6.1]))).toEqual([]);
  });
});
