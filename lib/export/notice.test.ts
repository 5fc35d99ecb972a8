import { writeFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { completeCase } from '@/lib/testing/case-record';
import { makeUser } from '@/lib/testing/factories';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData } from './collect';

const now = new Date('2026-11-22T04:00:00Z');

// A Taobao-style notice: a long unbroken Chinese paragraph, a list of 19-digit order numbers, CRLF line ends.
const NOTICE = [
  '【违规通知】尊敬的商家：您好！经平台排查，您的店铺存在虚假交易行为，平台已对相关订单的销量、评价等进行删除处理，并根据《淘宝网市场管理与违规处理规范》对店铺扣分处理。如有异议，请在收到本通知之日起 7 天内通过“卖家中心—违规处理”提交申诉材料。'.repeat(3),
  '涉及订单：',
  ...Array.from({ length: 30 }, (_, i) => `\t40123456789012345${String(i).padStart(2, '0')}`),
  '淘宝网规则中心',
].join('\r\n');

async function bundleFor(noticeText: string) {
  const user = await makeUser('王小明');
  const caseId = (await createCase(user.id, { title: '双十一订单申诉', platform: 'taobao', appealDeadline: null })).id;
  const { title: _title, platform: _platform, ...basics } = completeCase({ noticeText });
  await db.case.update({ where: { id: caseId }, data: basics });
  const data = await collectBundleData(caseId);
  const out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
  const bytes = out.volumes[0]!.bytes;
  return { data, out, bytes, doc: await PDFDocument.load(bytes) };
}

function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  let node = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'));
  while (node instanceof PDFDict) {
    const title = node.lookup(PDFName.of('Title'));
    titles.push(title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '');
    node = node.lookup(PDFName.of('Next'));
  }
  return titles;
}

describe('the notice in the bundle', () => {
  it('prints the pasted notice after the cover and contents, with a bookmark and a contents line', async () => {
    const { data, out, bytes, doc } = await bundleFor(`  ${NOTICE}\n\n`);
    expect(data.case.noticeText.startsWith('【违规通知】')).toBe(true);
    expect(outlineTitles(doc).slice(0, 2)).toEqual(['平台通知原文', '申诉说明']);
    expect(out.missingGlyphs).toEqual([]);
    const page = (n: number) => pdfText(bytes, { first: n });
    expect(await page(2)).toMatch(/平台通知原文[\s.]+第\s*3\s*页/);
    const notice = (await page(3)) + (await page(4)); // the notice runs onto a second page
    expect(notice).toContain('平台通知原文');
    expect(notice).toContain('尊敬的商家');
    expect(notice).toContain('4012345678901234529');
    expect(notice).not.toContain('□');
    if (process.env.NOTICE_PDF) writeFileSync(process.env.NOTICE_PDF, bytes); // to look at it: pdftoppm -f 3 -l 4 -png
  }, 60_000);

  it('leaves the section out when nothing was pasted', async () => {
    const { data, doc } = await bundleFor('   \n ');
    expect(data.case.noticeText).toBe('');
    expect(outlineTitles(doc)[0]).toBe('申诉说明');
  }, 60_000);
});
