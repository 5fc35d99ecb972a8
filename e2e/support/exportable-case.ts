import { testDb } from './db';
import { chinaDate } from './dates';
import { createCase } from './fixtures';
import { upsertTestOrders } from './orders';

/** A case whose basics and statement are complete and whose one flagged order has a waybill: ready for evidence and export. */
export async function createExportableCase(userId: string, whatHappened = '收到平台通知。') {
  const c = await createCase(userId, { appealDeadline: chinaDate(3) });
  await testDb().case.update({
    where: { id: c.id },
    data: {
      shopName: '小明数码旗舰店',
      shopId: '58861234',
      incidentKind: 'platformFlag',
      noticeNumber: 'TM-2026-1187',
      noticeDate: chinaDate(0),
      contactName: '王小明',
      contactPhone: '138 1234 5678',
      statement: JSON.stringify({ whatHappened, whyGenuine: '均为真实买家下单，有聊天与物流为证。', evidence: '发票、物流底单与聊天记录。', context: '', prevention: '' }),
      acknowledged: JSON.stringify(['deadlineSoon', 'windowUnverified', 'noFlaggedOrders']),
    },
  });
  await upsertTestOrders(c.id, [{ orderNo: '3012345678901234801', flagged: true, orderedAt: new Date(), trackingNo: 'SF1234567890123', carrier: '顺丰速运' }]);
  return c;
}
