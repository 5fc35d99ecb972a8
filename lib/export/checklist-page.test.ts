import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveChecklistReason, saveRequirementTicks } from '@/lib/checklist/store';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { pdfText } from '@/lib/testing/pdf-read';
import { buildBundle, type BundleOutput } from './bundle';
import { checklistLines, UNCOVERED_SHOWN } from './checklist-data';
import { collectBundleData, type BundleData } from './collect';

const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'checklist-page-'));
const REASON = '店铺的活动是线下地推，没有留存截图';
const pageText = (file: string, page: number) => pdfText(file, { first: page });

let data: BundleData;
let out: BundleOutput;
let file: string;

beforeAll(async () => {
  const { caseId, ids } = await bundleCase();
  // Tmall, goods really shipped: real shopping and the abnormality (Tmall's rule), then our defaults.
  await db.case.update({ where: { id: caseId }, data: { accusations: '["realGoods"]' } });
  // The chat log also explains the abnormality (its category would not), and the promotion records cannot be had.
  await saveRequirementTicks(caseId, ids.chat, { mode: 'custom', ticked: ['realShopping', 'abnormalityExplained', 'buyerChats'], shown: ['realShopping', 'abnormalityExplained', 'buyerChats'] });
  await saveChecklistReason(caseId, 'shippingProof', REASON);
  data = await collectBundleData(caseId);
  out = await buildBundle(data, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
  file = path.join(dir, 'bundle.pdf');
  writeFileSync(file, out.volumes[0]!.bytes);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the checklist page', () => {
  it('gathers each requirement with its state, exhibits, orders covered and reason', () => {
    const byId = new Map(data.checklist?.lines.map((l) => [l.id, l]));
    expect(data.checklist?.accusations).toEqual(['realGoods']);
    expect(byId.get('abnormalityExplained')).toMatchObject({ state: 'met', exhibitIds: ['C-001'] });
    expect(byId.get('shippingProof')).toMatchObject({ state: 'explained', reason: REASON, orders: { covered: 1, total: 2, uncovered: ['4012345678901234568'] } });
    expect(byId.get('supplyRecords')?.source).toBeNull();
  });

  it('comes right after the contents, in the contents and bookmarks, with requirement, source, exhibit page and reason', async () => {
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    expect(out.missingGlyphs).toEqual([]);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    expect(first.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('申诉证据清单');
    // Page 3: cover, contents, then the checklist; its exhibit label links to the exhibit's first page.
    const annots = doc.getPage(2).node.lookup(PDFName.of('Annots'), PDFArray);
    const pages = doc.getPages().map((p) => p.ref.toString());
    const targets = Array.from({ length: annots.size() }, (_, i) => pages.indexOf(annots.lookup(i, PDFDict).lookup(PDFName.of('Dest'), PDFArray).get(0).toString()));
    expect(targets.length).toBeGreaterThanOrEqual(3);
    const page = await pageText(file, 3);
    expect(page).toContain('申诉证据清单');
    expect(page).toContain('已真实发货（实物商品）');
    expect(page).toContain('证明异常订单来自真实购物');
    expect(page).toContain('《虚假交易的规则及实施细则》');
    expect(page).toContain('我们的建议');
    expect(page).toContain(REASON);
    expect(page).toContain('已覆盖 1/2 笔被处罚订单');
    expect(page).toContain('4012345678901234568');
    const label = /C-001\s+聊天记录\S*\s+第 ?(\d+) ?页/.exec(page);
    expect(label).not.toBeNull();
    const chatPage = Number(label![1]);
    // The contents give the same page for the chat log, and a link on the checklist page goes there.
    expect(await pageText(file, 2)).toMatch(new RegExp(`C-001\\s+聊天记录[\\s.]+第 ?${chatPage} ?页`));
    expect(targets).toContain(chatPage - 1);
    expect(await pageText(file, chatPage)).toContain('C-001');
  });

  it('is left out when no accusation is picked', async () => {
    const without = await buildBundle({ ...data, checklist: null }, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
    expect(without.pages).toBeLessThan(out.pages);
    const other = path.join(dir, 'without.pdf');
    writeFileSync(other, without.volumes[0]!.bytes);
    expect(await pdfText(other)).not.toContain('申诉证据清单');
  }, 60_000);

  it('is written in English for English-reading reviewers', async () => {
    const english = await buildBundle({ ...data, language: 'en' }, blobStore(), { maxBytes: 20 * 1024 * 1024, attachOriginals: false, now });
    const other = path.join(dir, 'english.pdf');
    writeFileSync(other, english.volumes[0]!.bytes);
    const page = await pageText(other, 3);
    expect(page).toContain('Appeal evidence checklist');
    expect(page).toContain('Our default');
    expect(page).toMatch(/C-001\s+\S+\s+page \d+/i);
  }, 60_000);
});

describe('checklistLines', () => {
  it('names the first uncovered orders only', () => {
    const uncovered = Array.from({ length: 40 }, (_, i) => `O${i}`);
    const [line] = checklistLines([{ item: { id: 'shippingProof', scope: 'perOrder', categories: ['logistics'], default: true, accusations: ['realGoods'] }, state: 'missing', exhibits: [], orders: { covered: 0, total: 40, uncovered } }]);
    expect(line?.orders?.uncovered).toEqual(uncovered.slice(0, UNCOVERED_SHOWN));
    expect(line?.orders?.total).toBe(40);
  });
});
