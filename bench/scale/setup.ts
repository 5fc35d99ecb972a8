/**
 * What every merchant of a bench:scale run shares: the order export, the evidence files, the
 * build's id for the import's server action, and the database the bench reads (to make cases
 * as the e2e fixtures do, and to wait on import jobs as the orders step's progress bar does).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { largeTaobaoExport } from '../../lib/orders/import/test-fixtures';

/** 30 distinct photos (noise, so each is its own file with its own hash), about 150 KB each. */
export async function evidenceFiles(count: number): Promise<Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const bytes = await sharp({ create: { width: 720, height: 540, channels: 3, background: { r: 40 + i * 7, g: 120, b: 200 - i * 5 }, noise: { type: 'gaussian', mean: 120 + i, sigma: 25 } } })
        .jpeg({ quality: 70 })
        .toBuffer();
      return { name: `聊天截图-${String(i + 1).padStart(2, '0')}.jpg`, bytes: new Uint8Array(bytes) };
    }),
  );
}

export function ordersCsv(rows: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(largeTaobaoExport(rows));
}

/**
 * The id Next.js gave confirmImportAction in this build: the browser sends it as the Next-Action
 * header. The manifest keys actions by id; the exported name is in the entry (Next.js 16).
 */
export function confirmImportActionId(distDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'confirmImportAction');
  if (!found) throw new Error(`confirmImportAction not found in ${distDir}/server/server-reference-manifest.json: build first`);
  return found[0];
}

/** The bench's own view of the database the app processes share. */
export async function benchDatabase() {
  const { db } = await import('../../lib/db/client');
  const { IMPORT_JOB } = await import('../../lib/jobs/handlers');
  const deadline = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);

  /** A case ready for evidence and export, as e2e/support/exportable-case.ts makes it. */
  async function createCase(userId: string): Promise<string> {
    const c = await db.case.create({
      data: {
        userId, title: '双十一订单申诉', platform: 'tmall', appealDeadline: deadline, currentStep: 'basics',
        shopName: '小明数码旗舰店', shopId: '58861234', incidentKind: 'platformFlag', noticeNumber: 'TM-2026-1187', noticeDate: new Date(),
        contactName: '王小明', contactPhone: '138 1234 5678',
        statement: JSON.stringify({ whatHappened: '收到平台通知。', whyGenuine: '均为真实买家下单，有聊天与物流为证。', evidence: '发票、物流底单与聊天记录。', context: '', prevention: '' }),
        acknowledged: JSON.stringify(['deadlineSoon', 'windowUnverified', 'noFlaggedOrders']),
      },
    });
    await db.order.create({ data: { caseId: c.id, orderNo: '3012345678901234801', flagged: true, orderedAt: new Date(), trackingNo: 'SF1234567890123', carrier: '顺丰速运', source: 'import' } });
    return c.id;
  }

  /** The status the case's latest import job ended with ('done', 'failed'), polled twice a second. */
  async function importDone(caseId: string): Promise<string> {
    for (;;) {
      const job = await db.job.findFirst({ where: { caseId, kind: IMPORT_JOB }, orderBy: { createdAt: 'desc' }, select: { status: true, error: true } });
      if (job && job.status !== 'queued' && job.status !== 'running') return job.status === 'done' ? 'done' : `${job.status} ${job.error}`;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  return { createCase, importDone, close: () => db.$disconnect() };
}
