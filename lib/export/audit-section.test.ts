import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import type { OrderRecord } from '@/lib/orders/types';
import { blobStore } from '@/lib/storage';
import { completeCase } from '@/lib/testing/case-record';
import { makeUser } from '@/lib/testing/factories';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const dir = mkdtempSync(path.join(tmpdir(), 'audit-section-'));
const at = (day: number, h: number) => new Date(Date.UTC(2026, 10, day, h));
const no = (i: number) => `50123456789012${String(i).padStart(5, '0')}`;

// 30 parcels signed an hour before they shipped (one rule, 30 findings), two orders on one
// waybill (another rule), all paid and tracked so nothing else is found.
const ORDERS: OrderRecord[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    orderNo: no(i), createdAt: at(1 + (i % 9), 1), paidAt: at(1 + (i % 9), 1), shippedAt: at(1 + (i % 9), 5), signedAt: at(1 + (i % 9), 4),
    trackingNo: `SF12345678${String(i).padStart(5, '0')}`, carrier: '顺丰速运',
  })),
  { orderNo: no(90), createdAt: at(2, 2), paidAt: at(2, 2), trackingNo: 'SF1234567899999', carrier: '顺丰速运' },
  { orderNo: no(91), createdAt: at(3, 2), paidAt: at(3, 2), trackingNo: 'SF1234567899999', carrier: '顺丰速运' },
];

let data: BundleData;
let caseId: string;
beforeAll(async () => {
  const user = await makeUser('王小明');
  caseId = (await createCase(user.id, { title: '双十一订单申诉', platform: 'tmall', appealDeadline: null })).id;
  const { title: _t, platform: _p, ...basics } = completeCase();
  await db.case.update({ where: { id: caseId }, data: basics });
  await upsertOrders(caseId, ORDERS, 'import');
  await db.order.updateMany({ where: { caseId, orderNo: { in: [no(0), no(1)] } }, data: { flagged: true } });
  data = await collectBundleData(caseId);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function explain() {
  const signed = data.audit.find((g) => g.rule === 'signedBeforeShipped');
  const [first, second] = signed?.findings ?? [];
  await db.auditNote.createMany({
    data: [
      { caseId, findingId: 'rule:signedBeforeShipped', explanation: '快递员揽收后才补录发货时间，签收时间是真实的，见物流轨迹。' },
      { caseId, findingId: first?.id ?? '', explanation: '这一单是买家到店自提，没有走快递。' },
      { caseId, findingId: second?.id ?? '', explanation: '', include: false },
      { caseId, findingId: 'rule:trackingShared', explanation: '', include: false },
    ],
  });
  data = await collectBundleData(caseId);
}

describe('the bundle’s self-audit', () => {
  it('groups by rule and, unexplained, includes everything with empty explanations', () => {
    expect(data.audit.map((g) => [g.rule, g.findings.length, g.explanation])).toEqual([
      ['signedBeforeShipped', 30, ''],
      ['trackingShared', 1, ''],
    ]);
  });

  it('prints a rule’s explanation once, overrides where they differ, and leaves out what was left out', async () => {
    await explain();
    const [signed, ...rest] = data.audit;
    expect(rest).toEqual([]);
    expect(signed?.explanation).toContain('快递员揽收后');
    expect(signed?.findings).toHaveLength(29);
    expect(signed?.findings.filter((f) => f.explanation)).toHaveLength(1);

    const out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now: new Date('2026-11-22T04:00:00Z') });
    expect(out.missingGlyphs).toEqual([]);
    const file = path.join(dir, 'bundle.pdf');
    writeFileSync(file, out.volumes[0]?.bytes ?? new Uint8Array());
    const text = (await pdfText(file)).replace(/\s+/g, '');
    expect(text.match(/快递员揽收后才补录发货时间/g)).toHaveLength(1);
    expect(text).toContain('适用于本类全部29项');
    expect(text).toContain('这一单是买家到店自提');
    expect(text).not.toContain('多个订单共用一个运单号');
    // 29 go in; the one with its own explanation and 25 more are listed, the other 3 counted.
    expect(text).toContain('另有3项同类结果未逐条列出');
    if (process.env.AUDIT_PNG) execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(process.env.AUDIT_PNG, 'audit')]);
    // A whole bundle built and read back: seconds on a loaded machine, more with pdf.js.
  }, 60_000);
});
