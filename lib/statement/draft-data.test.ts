import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import { makeUser } from '@/lib/testing/factories';
import { composeDraft } from './draft';
import { draftFacts } from './draft-data';

let caseId: string;
let userId: string;
beforeEach(async () => {
  userId = (await makeUser()).id;
  caseId = (await db.case.create({ data: { userId, title: '草稿', platform: 'tmall', noticeNumber: 'TM-2026-1187', noticeDate: new Date('2026-11-12T00:00:00Z'), accusations: '["promotionBurst","bogus"]' } })).id;
});

// China time: 04:00 UTC is noon in Shanghai.
const day = (d: number, h = 4, m = 0) => new Date(Date.UTC(2026, 10, d, h, m));

function evidence(category: string, position: number, title: string, orderIds: string[] = []) {
  const sha256 = `${category}${position}`.padEnd(64, '0');
  return db.evidence.create({
    data: { caseId, storageKey: sha256, sha256, size: 1, mime: 'image/png', kind: 'png', originalName: `${category}.png`, uploadedBy: userId, category, position, title, orders: { create: orderIds.map((orderId) => ({ orderId })) } },
  });
}

describe('draftFacts', () => {
  it('reads the notice, the flagged orders and their coverage, and the exhibits in bundle order', async () => {
    await upsertOrders(caseId, [{ orderNo: '302', createdAt: day(2) }, { orderNo: '301', createdAt: day(1), trackingNo: 'SF1234567890123', carrier: '顺丰速运' }], 'paste', { flagged: true });
    await upsertOrders(caseId, [{ orderNo: '303' }], 'paste');
    const orders = await db.order.findMany({ where: { caseId }, orderBy: { orderNo: 'asc' } });
    await evidence('chat', 1, '买家咨询', [orders[0]!.id, orders[2]!.id]);
    await evidence('invoice', 2, '');
    await evidence('invoice', 1, '进货发票');

    const facts = await draftFacts({ caseId, audit: false });
    expect(facts).toMatchObject({ language: 'zh-CN', noticeNumber: 'TM-2026-1187', accusations: ['promotionBurst'], flaggedCount: 2, flaggedSample: ['301', '302'], explanations: [] });
    expect(facts.coverage).toEqual({ tracking: 1, logisticsProof: 0, chat: 1, invoice: 0, review: 0 });
    expect(facts.exhibits).toEqual([
      { exhibitId: 'B-001', category: 'invoice', title: '进货发票' },
      { exhibitId: 'B-002', category: 'invoice', title: 'invoice.png' },
      { exhibitId: 'C-001', category: 'chat', title: '买家咨询' },
    ]);
    expect(composeDraft(facts)?.sections.whatHappened).toContain('[订单 301]、[订单 302]');
  });

  it('counts the peaks each promotion explains and takes the explanations that go into the bundle', async () => {
    const quiet = Array.from({ length: 10 }, (_, i) => ({ orderNo: `q${i}`, createdAt: day(i + 1), paidAt: day(i + 1) }));
    // 25 orders in one evening hour of 11 November (20:00 in Shanghai): a day peak and an hour peak.
    const rush = Array.from({ length: 25 }, (_, i) => ({ orderNo: `r${i}`, createdAt: day(11, 12, i), paidAt: day(11, 12, i) }));
    const shared = [
      { orderNo: 's1', createdAt: day(3), paidAt: day(3), trackingNo: 'SF1234567890555', carrier: '顺丰速运' },
      { orderNo: 's2', createdAt: day(4), paidAt: day(4), trackingNo: 'SF1234567890555', carrier: '顺丰速运' },
    ];
    await upsertOrders(caseId, [...quiet, ...rush, ...shared], 'import');
    await db.promotion.createMany({
      data: [
        { caseId, name: '双十一', startsOn: new Date('2026-11-11T00:00:00Z'), endsOn: new Date('2026-11-11T00:00:00Z'), channels: '直播间' },
        { caseId, name: '周年庆', startsOn: new Date('2026-11-05T00:00:00Z'), endsOn: new Date('2026-11-06T00:00:00Z') },
      ],
    });
    await db.auditNote.createMany({
      data: [
        { caseId, findingId: 'rule:trackingShared', explanation: '同一买家的两单合并发货。' },
        { caseId, findingId: 'rule:burstDay', explanation: '大促当天的订单。', include: false },
      ],
    });

    const facts = await draftFacts({ caseId, audit: true });
    expect(facts.promotions.map((p) => [p.name, p.bursts])).toEqual([
      ['周年庆', 0],
      // The hour peak; the day peak was left out of the bundle by its rule's note, so the draft leaves it out too.
      ['双十一', 1],
    ]);
    expect(facts.explanations).toEqual([{ rule: 'trackingShared', text: '同一买家的两单合并发货。', orders: 2 }]);
  });
});
