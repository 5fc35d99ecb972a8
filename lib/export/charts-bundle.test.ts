import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { chartFixture } from '@/lib/charts/fixture';
import { db } from '@/lib/db/client';
import { upsertOrders } from '@/lib/orders/repository';
import { blobStore } from '@/lib/storage';
import { completeCase } from '@/lib/testing/case-record';
import { makeUser } from '@/lib/testing/factories';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const dir = mkdtempSync(path.join(tmpdir(), 'charts-bundle-'));
const fixture = chartFixture();
let data: BundleData;

beforeAll(async () => {
  const user = await makeUser('王小明');
  const caseId = (await createCase(user.id, { title: '店庆订单申诉', platform: 'tmall', appealDeadline: null })).id;
  const { title: _t, platform: _p, ...basics } = completeCase();
  await db.case.update({ where: { id: caseId }, data: basics });
  await upsertOrders(caseId, fixture.orders, 'import');
  await db.order.updateMany({ where: { caseId, orderNo: { in: [...fixture.flagged] } }, data: { flagged: true } });
  // The fixture's window is the China-time day 2026-03-07; promotions are stored as calendar dates.
  // As the form stores it: that day's UTC midnight (the fixture's start is China midnight, 8 hours earlier).
  const day = new Date(fixture.promotion.start + 8 * 3600_000);
  await db.promotion.create({ data: { caseId, name: '店庆', startsOn: day, endsOn: day } });
  data = await collectBundleData(caseId);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundle’s audit charts', () => {
  it('carry the included bursts and outliers', () => {
    expect(data.charts.timeline?.bursts.map((b) => b.explained).sort()).toEqual([false, false, true, true]);
    expect(data.charts.prices.map((p) => p.item)).toEqual(['蓝牙耳机']);
  });

  it('are drawn as vectors before the findings they explain', async () => {
    const out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now: new Date('2026-11-22T04:00:00Z') });
    expect(out.missingGlyphs).toEqual([]);
    const bytes = out.volumes[0]?.bytes ?? new Uint8Array();
    const doc = await PDFDocument.load(bytes);
    // No exhibits in this case: no page of the bundle holds a picture.
    for (const page of doc.getPages()) expect(page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.keys() ?? []).toEqual([]);
    const file = path.join(dir, 'bundle.pdf');
    writeFileSync(file, bytes);
    const text = (await pdfText(bytes)).replace(/\s+/g, '');
    const chart = text.indexOf('订单时间分布');
    expect(chart).toBeGreaterThan(text.indexOf('自查结果'));
    expect(chart).toBeLessThan(text.lastIndexOf('单日订单量激增'));
    expect(text.indexOf('单价分布：蓝牙耳机')).toBeLessThan(text.lastIndexOf('成交价格异常'));
    for (const words of ['促销活动', '被处罚订单', '其他订单', '店庆', '在申报的促销期间', '不在任何申报的促销期间']) expect(text).toContain(words);
    if (process.env.CHARTS_PNG) execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(process.env.CHARTS_PNG, 'bundle')]);
  }, 60_000);
});
