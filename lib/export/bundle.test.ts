import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFArray } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { pdfText, qpdfCheck } from '@/lib/testing/pdf-read';
import { buildBundle, type BundleOutput } from './bundle';
import { collectBundleData, type BundleData } from './collect';

const MB = 1024 * 1024;
const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'bundle-test-'));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
// Read back with poppler or, without it, pdf.js: seconds for a whole bundle, hence the longer timeouts below.
const pageText = (file: string, page: number) => pdfText(file, { first: page });
const allText = (file: string) => pdfText(file);

let data: BundleData;
let out: BundleOutput;
let file: string;

beforeAll(async () => {
  const { caseId } = await bundleCase();
  data = await collectBundleData(caseId);
  out = await buildBundle(data, blobStore(), { maxBytes: 20 * MB, attachOriginals: true, now });
  file = write('bundle.pdf', out.volumes[0]!.bytes);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildBundle', () => {
  it('makes one volume whose page count matches, with the exhibits in category order', async () => {
    expect(out.volumes).toHaveLength(1);
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    expect(doc.getPageCount()).toBe(out.pages);
    expect(data.exhibits.map((x) => x.exhibitId)).toEqual(['B-001', 'B-002', 'S-001', 'S-002', 'C-001', 'E-001']);
    // Cover, contents, statement, orders, audit, 4 dividers, 6 captions, 3 merged PDF pages, appendix.
    expect(out.pages).toBeGreaterThanOrEqual(19);
    expect(doc.getTitle()).toBe('申诉证据包：小明数码旗舰店');
    expect(doc.getAuthor()).toBe('王小明');
    expect(doc.getSubject()).toContain('天猫');
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toContain('zh-CN');
    // Every character drawn is in the embedded subset.
    expect(out.missingGlyphs).toEqual([]);
  });

  it('keeps merged pages at their size and rotation, and stamps them', async () => {
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    const sizes = doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight()), p.getRotation().angle]);
    expect(sizes).toContainEqual([842, 595, 0]);
    expect(sizes).toContainEqual([595, 842, 90]);
  });

  it('puts placeholders with the reason for an encrypted and a truncated PDF, and reports them', async () => {
    expect(out.warnings).toEqual(
      expect.arrayContaining([
        { exhibitId: 'B-002', reason: 'encrypted' },
        { exhibitId: 'S-002', reason: 'corrupt' },
      ]),
    );
    const text = await allText(file);
    expect(text.match(/此证据无法排入证据包/g)).toHaveLength(2);
    expect(text).toContain('PDF 文件已加密');
    expect(text).toContain('银行流水（加密）.pdf');
  }, 30_000);

  it('has an outline that mirrors the contents and contents lines that link to their pages', async () => {
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    const walk = (first: unknown) => {
      let node = first instanceof PDFDict ? first : undefined;
      while (node) {
        titles.push(String(node.lookup(PDFName.of('Title'))?.toString()));
        walk(node.lookup(PDFName.of('First')));
        const next = node.lookup(PDFName.of('Next'));
        node = next instanceof PDFDict ? next : undefined;
      }
    };
    walk(outlines.lookup(PDFName.of('First')));
    // Statement, orders (+ coverage), the dossiers (+ 2 orders), audit, evidence (+ 4 categories + 6 exhibits),
    // appendix, declaration, each a line of the contents too.
    expect(titles).toHaveLength(20);
    const tocPage = doc.getPage(1);
    const annots = tocPage.node.lookup(PDFName.of('Annots'), PDFArray);
    expect(annots.size()).toBe(titles.length);
    const pageRefs = doc.getPages().map((p) => p.ref.toString());
    for (let i = 0; i < annots.size(); i++) {
      const dest = annots.lookup(i, PDFDict).lookup(PDFName.of('Dest'), PDFArray);
      expect(pageRefs).toContain(dest.get(0).toString());
    }
    const contents = await pageText(file, 2);
    expect(contents).toContain('目录');
    expect(contents).toMatch(/C-001\s+聊天记录[\s.]+第 ?\d+ ?页/);
  }, 30_000);

  it('numbers every page and stamps evidence pages with the exhibit id, in selectable Chinese', async () => {
    expect(await pageText(file, 1)).toContain(`第 1 页 / 共 ${out.pages} 页`);
    expect(await pageText(file, out.pages)).toContain(`第 ${out.pages} 页 / 共 ${out.pages} 页`);
    const text = await allText(file);
    expect(text).toContain('小明数码客服');
    expect(text).toContain('麻烦尽快发顺丰');
    expect(text).toContain('INVOICE PAGE 3');
    expect(text).toContain(data.exhibits[0]!.sha256);
    expect(text).toContain('本人郑重声明');
    // Every page of the chat exhibit carries its stamp.
    expect(text.match(/C-001/g)!.length).toBeGreaterThanOrEqual(3);
  }, 30_000);

  it('attaches the originals when asked and the size allows', async () => {
    expect(out.attachedOriginals).toBe(true);
    const doc = await PDFDocument.load(out.volumes[0]!.bytes);
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    expect(names.size() / 2).toBe(data.exhibits.length);
  });

  it('passes qpdf --check', async () => {
    const check = await qpdfCheck(file);
    expect(check.output).toMatch(/No syntax or stream encoding errors/);
    expect(check.ok).toBe(true);
  }, 30_000);

  it('is written in English for a platform whose reviewers read English', async () => {
    const english = await buildBundle({ ...data, language: 'en' }, blobStore(), { maxBytes: 20 * MB, attachOriginals: false, now });
    const doc = await PDFDocument.load(english.volumes[0]!.bytes);
    expect(doc.getTitle()).toBe('Appeal evidence bundle: 小明数码旗舰店');
    const englishFile = write('english.pdf', english.volumes[0]!.bytes);
    expect(await pageText(englishFile, 1)).toContain(`Page 1 of ${english.pages}`);
    expect(await pageText(englishFile, 2)).toContain('Contents');
  }, 60_000);
});
