import type { PrismaClient } from '../../lib/generated/prisma/client';

/** A case complete enough to export (basics, statement, the review's warnings acknowledged), straight into the database. */
export function exportableCase(db: PrismaClient, userId: string, title: string) {
  return db.case.create({
    data: {
      userId, title, platform: 'tmall', appealDeadline: new Date(Date.now() + 3 * 86_400_000), noticeDate: new Date(), shopName: '测试店', shopId: '1', incidentKind: 'platformFlag', noticeNumber: 'N-1', contactName: '王', contactPhone: '138 0000 0000',
      statement: JSON.stringify({ whatHappened: '平台通知。', whyGenuine: '真实订单。', evidence: '发票。', context: '', prevention: '' }),
      acknowledged: JSON.stringify(['deadlineSoon', 'windowUnverified', 'noFlaggedOrders']),
    },
  });
}
