import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import { makeUser } from '@/lib/testing/factories';
import { caseFacts } from './facts';

let caseId: string;
let userId: string;
beforeEach(async () => {
  userId = (await makeUser()).id;
  caseId = (await db.case.create({ data: { userId, title: '进度', platform: 'taobao' } })).id;
});

const at = (h: number) => new Date(Date.UTC(2026, 10, 11, h));

describe('caseFacts', () => {
  it('counts flagged orders with linked evidence', async () => {
    await upsertOrders(caseId, [{ orderNo: '301' }, { orderNo: '302' }], 'paste', { flagged: true });
    await upsertOrders(caseId, [{ orderNo: '303' }], 'paste');
    const orders = await db.order.findMany({ where: { caseId }, orderBy: { orderNo: 'asc' } });
    await db.evidence.create({
      data: {
        caseId, storageKey: 'k', sha256: 'a'.repeat(64), size: 1, mime: 'image/png', kind: 'png', originalName: 'a.png', uploadedBy: userId, category: 'chat',
        // Linked to a flagged order and to an unflagged one: only the flagged one counts.
        orders: { create: [{ orderId: orders[0]?.id ?? '' }, { orderId: orders[2]?.id ?? '' }] },
      },
    });
    expect(await caseFacts(caseId)).toMatchObject({ flaggedCount: 2, flaggedWithEvidence: 1, evidenceCount: 1 });
  });

  it('counts the self-audit’s rule groups and those answered (explained or left out)', async () => {
    await upsertOrders(caseId, [
      { orderNo: '401', createdAt: at(1), paidAt: at(1), trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
      { orderNo: '402', createdAt: at(2), paidAt: at(2), trackingNo: 'SF1234567890123', carrier: '顺丰速运' },
      { orderNo: '403', createdAt: at(3), paidAt: at(3), shippedAt: at(5), signedAt: at(4), trackingNo: 'SF1234567890999', carrier: '顺丰速运' },
    ], 'import');
    expect(await caseFacts(caseId)).toMatchObject({ auditGroups: 2, auditAnswered: 0 });
    await db.auditNote.create({ data: { caseId, findingId: 'rule:trackingShared', explanation: '同一买家合并发货' } });
    expect(await caseFacts(caseId)).toMatchObject({ auditGroups: 2, auditAnswered: 1 });
    await db.auditNote.create({ data: { caseId, findingId: 'rule:signedBeforeShipped', include: false } });
    expect(await caseFacts(caseId)).toMatchObject({ auditGroups: 2, auditAnswered: 2 });
  });
});
