import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle, type BundleOutput } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const MB = 1024 * 1024;
const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'dossier-test-'));
const [SHIPPED, SHARED, BARE] = ['4012345678901234567', '4012345678901234568', '4012345678901234569'];

/** A second chat log: 150 lines of small talk, so the line naming the waybill lands pages after the log's first page. */
const LONG_CHAT = [
  ...Array.from({ length: 150 }, (_, i) => `2026-11-11 10:${String(i % 60).padStart(2, '0')}:00 小雨点: 第 ${i} 句闲聊，与订单无关。`),
  '2026-11-11 12:00:00 小明数码客服: 两单合并发出，运单SF1234567890123已签收。',
  '2026-11-11 12:01:00 小雨点: 那 40123456789012345671 呢？',
].join('\n');

/** A dossier's title line (the chat logs quote the same order numbers). */
const title = (orderNo: string) => new RegExp(`^订单 ${orderNo}\\s*$`, 'm');
/** Each page's text, in order (pages end with a form feed). */
const pagesOf = async (file: string) => (await pdfText(file)).split('\f');

/** The pages each link annotation of `pageIndex` points at, as page indexes. */
function linkTargets(doc: PDFDocument, pageIndex: number): number[] {
  const refs = doc.getPages().map((p) => p.ref.toString());
  const annots = doc.getPage(pageIndex).node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) return [];
  return Array.from({ length: annots.size() }, (_, i) => refs.indexOf(annots.lookup(i, PDFDict).lookup(PDFName.of('Dest'), PDFArray).get(0).toString()));
}

/** "第 N 页" labels on a page of text (not its footer "第 N 页 / 共 M 页"), as page indexes. */
const labelled = (text: string) => [...text.matchAll(/第 (\d+) 页(?! \/)/g)].map((m) => Number(m[1]) - 1);

/** The first page index from `from` (past the cover and contents) whose text holds `needle`. */
const findPage = (pages: string[], needle: string | RegExp, from = 2) => pages.findIndex((text, i) => i >= from && (typeof needle === 'string' ? text.includes(needle) : needle.test(text)));

type Built = { data: BundleData; out: BundleOutput; doc: PDFDocument; pages: string[] };

async function build(name: string): Promise<Built> {
  const data = await collectBundleData(caseId);
  const out = await buildBundle(data, blobStore(), { maxBytes: 20 * MB, attachOriginals: false, now });
  const file = path.join(dir, name);
  writeFileSync(file, out.volumes[0]!.bytes);
  return { data, out, doc: await PDFDocument.load(out.volumes[0]!.bytes), pages: await pagesOf(file) };
}

let caseId: string;
let built: Built;
beforeAll(async () => {
  const fixture = await bundleCase();
  caseId = fixture.caseId;
  await db.order.update({
    where: { caseId_orderNo: { caseId, orderNo: SHIPPED } },
    data: {
      status: 'completed',
      statusText: '交易成功',
      paidAt: new Date('2026-11-10T01:14:00Z'),
      shippedAt: new Date('2026-11-10T08:00:00Z'),
      signedAt: new Date('2026-11-12T06:30:00Z'),
      trackingHistory: ['2026-11-10 16:02:11 【深圳市】顺丰速运 已收取快件', '2026-11-11 09:40:00 【杭州市】快件到达 杭州转运中心', '2026-11-12 14:30:00 【杭州市】已签收，签收人：本人'].join('\n'),
    },
  });
  // Two orders on one waybill: a trackingShared finding touching both, explained by the merchant.
  await db.order.update({ where: { caseId_orderNo: { caseId, orderNo: SHARED } }, data: { trackingNo: 'SF1234567890123', carrier: '顺丰速运' } });
  await db.order.update({ where: { caseId_orderNo: { caseId, orderNo: BARE } }, data: { flagged: true } });
  await db.auditNote.create({ data: { caseId, findingId: 'rule:trackingShared', explanation: '两笔订单由同一买家购买，合并为一个包裹发出。' } });
  const outcome = await acceptUpload({ userId: fixture.user.id, caseId, fileName: '售后聊天.txt', category: 'chat', body: Readable.from([Buffer.from(LONG_CHAT, 'utf8')]) });
  if (!outcome.ok) throw new Error(outcome.error);
  built = await build('pages.pdf');
}, 120_000);
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('order dossiers', () => {
  it('gives each flagged order a page with its facts, timeline, exhibits, findings and chat lines, linked to the right pages', async () => {
    const { out, doc, data, pages } = built;
    expect(data.dossiers.compact).toBe(false);
    expect(out.missingGlyphs).toEqual([]);
    const page = findPage(pages, title(SHIPPED));
    expect(page).toBeGreaterThan(0);
    const text = pages[page]!;
    for (const expected of ['交易成功', '2026-11-10 09:14', '【杭州市】已签收', '顺丰速运 SF1234567890123', '符合该快递公司的单号格式', '多个订单共用一个运单号', '合并为一个包裹发出', '已安排顺丰']) expect(text).toContain(expected);
    expect(text).toMatch(/B-001\s+发票[\s\S]*C-001\s+聊天记录[\s\S]*E-001\s+快递底单/);
    // Three exhibits and two chat lines (one in each log), each label linked to the page it names.
    const labels = labelled(text);
    expect(labels).toHaveLength(5);
    expect(linkTargets(doc, page).sort()).toEqual([...labels].sort());
    expect(pages[labels[0]!]).toMatch(/B-001\s+发票\s+证据编号/);
  });

  it('points a chat line at the page it lands on, not at its log’s first page, and matches whole numbers only', async () => {
    const { doc, pages } = built;
    const page = findPage(pages, title(SHARED));
    const text = pages[page]!;
    expect(text).toContain('运单SF1234567890123已签收');
    expect(text).not.toContain('40123456789012345671');
    expect(text).toContain('没有关联到本订单的证据');
    const [target] = labelled(text);
    expect(linkTargets(doc, page)).toEqual([target]);
    const logStart = findPage(pages, /C-002\s+售后聊天/, page + 1);
    expect(target).toBeGreaterThan(logStart);
    expect(pages[target!]).toContain('运单SF1234567890123已签收');
  });

  it('says plainly when nothing is linked to an order', async () => {
    const { pages } = built;
    const text = pages[findPage(pages, title(BARE))]!;
    expect(text).toContain('本订单没有关联的证据、自查发现、物流轨迹');
    expect(text).toContain('未粘贴物流轨迹');
  });

  it('becomes one compact table above BUNDLE_MAX_DOSSIER_PAGES, page labels and links kept', { timeout: 60_000 }, async () => {
    vi.stubEnv('BUNDLE_MAX_DOSSIER_PAGES', '2');
    const { doc, data, pages } = await build('table.pdf');
    vi.unstubAllEnvs();
    expect(data.dossiers.compact).toBe(true);
    expect(findPage(pages, title(SHIPPED))).toBe(-1);
    const page = findPage(pages, '逐单说明（简表）');
    const text = pages[page]!;
    for (const expected of [SHIPPED, SHARED, BARE, '格式相符', '无单号', '多个订单共用', '证据及页码']) expect(text).toContain(expected);
    const labels = labelled(text);
    expect(labels).toHaveLength(3);
    expect(linkTargets(doc, page).sort()).toEqual([...labels].sort());
  });
});
