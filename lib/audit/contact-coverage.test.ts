import { describe, expect, it } from 'vitest';
import { contactCoverage } from './contact-coverage';
import { makeOrder } from './order-factory';
import { runAudit } from './run-audit';

describe('contactCoverage', () => {
  it('counts the values the contact rules cannot compare: masked, encrypted, region-only', () => {
    const orders = [
      makeOrder(1, { buyerPhone: '13812345678', address: '浙江省杭州市西湖区文三路 8 号', ip: '36.1.2.3' }),
      makeOrder(2, { buyerPhone: '138****5678', address: '浙江省 杭州市 西湖区', ip: undefined }),
      makeOrder(3, { buyerPhone: '$189$AgAAAAbcdefghijklmnopqrstuvwxyz0123456789=$4$', address: '~AgAAAAxyzxyzxyzxyzxyzxyzxyzxyz=~abc~4~~', ip: '***' }),
      makeOrder(4, { buyerPhone: undefined, address: undefined, ip: undefined }),
    ];
    expect(contactCoverage(orders)).toEqual({
      buyerPhone: { present: 3, unusable: 2 },
      address: { present: 3, unusable: 2 },
      ip: { present: 2, unusable: 1 },
    });
  });

  it('is part of every audit result, so the page can say a check did not run', () => {
    // The default import masks phones: three orders to one masked phone are no finding, but are reported as unchecked.
    const orders = [1, 2, 3].map((n) => makeOrder(n, { buyerPhone: '138****5678' }));
    const { findings, stats } = runAudit(orders);
    expect(findings.filter((f) => f.rule === 'samePhone')).toEqual([]);
    expect(stats.contacts.buyerPhone).toEqual({ present: 3, unusable: 3 });
  });
});
