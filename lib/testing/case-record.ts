import type { CaseRecord } from '@/lib/cases/snapshot';

/** A complete, valid case (Tmall, deadline well ahead of 2026-11-22); override what a test needs. */
export function completeCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    title: '双十一订单申诉',
    platform: 'tmall',
    appealDeadline: new Date('2026-12-10T00:00:00Z'),
    shopName: '小明数码旗舰店',
    shopId: '58861234',
    incidentKind: 'platformFlag',
    incidentDetail: '',
    noticeNumber: 'TM-2026-1187',
    noticeDate: new Date('2026-11-20T00:00:00Z'),
    noticeText: '',
    contactName: '王小明',
    contactPhone: '138 1234 5678',
    accusations: '[]',
    statement: JSON.stringify({ whatHappened: '收到通知。', whyGenuine: '真实买家。', evidence: '发票与物流。', context: '', prevention: '' }),
    acknowledged: '[]',
    ...overrides,
  };
}
