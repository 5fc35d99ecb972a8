import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { blobStore } from '@/lib/storage';
import { noisyPhoto } from '@/lib/testing/bundle-case';
import { makeUser } from '@/lib/testing/factories';
import { pdfText, qpdfCheck } from '@/lib/testing/pdf-read';
import { buildBundle, type BundleOutput, type BundleVolume } from './bundle';
import { collectBundleData, type BundleData, type Exhibit } from './collect';
import { derivedScan } from './derived-scan';
import { pagesKey } from './exhibit-cache';
import { zipOriginals } from './zip';

const MB = 1024 * 1024;
const now = new Date('2026-12-01T03:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'reduced-copy-test-'));
// KEEP_BUNDLE=1 keeps the volumes (printed path) to look at.
afterAll(() => (process.env.KEEP_BUNDLE ? console.log(`volumes kept in ${dir}`) : rmSync(dir, { recursive: true, force: true })));

/**
 * A "scan": A4 pages that are each one noisy photo `width` pixels wide; `ocr` puts a line of
 * selectable text on the first page, as an OCR layer would.
 */
async function scannedPdf(pages: number, width: number, ocr: boolean, script = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(await doc.embedJpg(await noisyPhoto(width, Math.round(width * 1.414))), { x: 0, y: 0, width: 595.28, height: 841.89 });
    if (ocr && i === 0) page.drawText('PURCHASE CONTRACT 2026', { x: 60, y: 780, size: 18, font });
  }
  if (script) doc.addJavaScript('hello', 'app.alert("scanned")');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  return doc.save();
}

const textOf = async (out: BundleOutput, name: string) => {
  const texts: string[] = [];
  for (const [i, v] of out.volumes.entries()) {
    const file = path.join(dir, `${name}-${i + 1}.pdf`);
    writeFileSync(file, v.bytes);
    texts.push(await pdfText(file));
  }
  return texts.join('\n').replace(/\s+/g, '');
};
const bytesOf = (out: BundleOutput) => Buffer.concat(out.volumes.map((v) => Buffer.from(v.bytes)));

let data: BundleData;
let scan: Uint8Array;
let big: Exhibit;
let first: BundleOutput;
const maxBytes = 4 * MB;

beforeAll(async () => {
  const user = await makeUser();
  const caseId = (await createCase(user.id, { title: '扫描件', platform: 'taobao', appealDeadline: null })).id;
  const upload = async (bytes: Uint8Array, fileName: string) => {
    const result = await acceptUpload({ userId: user.id, caseId, fileName, category: 'supply', body: Readable.from([Buffer.from(bytes)]) });
    if (!result.ok) throw new Error(result.error);
  };
  scan = await scannedPdf(5, 1000, true, true);
  await upload(scan, '采购合同扫描件.pdf');
  // About 1 MB: merged as it is, and big enough that a 3 MB limit needs two volumes.
  await upload(await scannedPdf(2, 800, false), '入库单.pdf');
  data = await collectBundleData(caseId);
  big = data.exhibits.find((x) => x.originalName === '采购合同扫描件.pdf') as Exhibit;
  first = await buildBundle(data, blobStore(), { maxBytes, attachOriginals: false, now });
}, 120_000);

describe('a PDF too big for a volume on its own', () => {
  it('says what its copy leaves out (a script) without claiming its pages show as they are', async () => {
    expect(first.reduced).toEqual([big.exhibitId]);
    const text = await textOf(first, 'script');
    expect(text).toContain('不在此副本中');
    expect(text).not.toContain('页面按原样显示');
  });

  it('is bigger than the limit allows as it is (the premise of the rest)', () => {
    expect(scan.length).toBeGreaterThan(maxBytes);
    expect(derivedScan(big.size, maxBytes)).not.toBeNull();
  });

  it('becomes a labelled reduced copy, one image a page, and every volume fits and passes qpdf', async () => {
    expect(first.oversized).toEqual([]);
    for (const v of first.volumes) {
      expect(v.bytes.length).toBeLessThanOrEqual(maxBytes);
      expect((await qpdfCheck(v.bytes)).ok).toBe(true);
    }
    const text = await textOf(first, 'first');
    expect(text).toContain('缩小副本（本工具制作）');
    expect(text).toContain(big.sha256);
    expect(text).toContain(`（${big.size}字节）`);
    expect(text).toContain('原件5页逐页');
    // The original's first page has selectable text: the copy says it is lost.
    expect(text).toContain('原件含可选取的文字');
    // The small PDF is merged as it is, with no note of a copy.
    expect(text).toContain('共2页，原样合并。');
    expect(text.match(/缩小副本/g)).toHaveLength(1);
  }, 60_000);

  it('leaves the original unchanged in storage and in the ZIP of originals', async () => {
    const stored = await buffer((await blobStore().get(big.storageKey))!);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(big.sha256);
    expect(stored.equals(Buffer.from(scan))).toBe(true);
    // PDFs are stored in the ZIP as they are (not deflated): the original's bytes are in it whole.
    const zip = await buffer(await zipOriginals(data, blobStore(), now));
    expect(zip.indexOf(Buffer.from(scan))).toBeGreaterThan(0);
  }, 60_000);

  it('is rebuilt when the limit changes, reused when it does not, and comes out byte-identical', async () => {
    const other = await buildBundle(data, blobStore(), { maxBytes: 4.5 * MB, attachOriginals: false, now });
    // Only the small PDF's pages come from the cache: the scan's copy follows the limit.
    expect(other.timings.cacheHits).toBe(data.exhibits.length - 1);
    const again = await buildBundle(data, blobStore(), { maxBytes, attachOriginals: false, now });
    expect(again.timings.cacheHits).toBe(data.exhibits.length);
    expect(bytesOf(again).equals(bytesOf(first))).toBe(true);
  }, 120_000);

  it('splits into volumes under a smaller limit, each handed out as it is saved and none held', async () => {
    const handed: number[] = [];
    const spill = async (v: BundleVolume, n: number) => {
      handed.push(n);
      expect(v.size).toBe(v.bytes.length);
      return { ...v, bytes: new Uint8Array(0) };
    };
    const out = await buildBundle(data, blobStore(), { maxBytes: 3 * MB, attachOriginals: false, now, spill });
    expect(out.oversized).toEqual([]);
    expect(out.volumes.length).toBeGreaterThan(1);
    for (const v of out.volumes) {
      expect(v.bytes.length).toBe(0);
      expect(v.size).toBeGreaterThan(0);
      expect(v.size).toBeLessThanOrEqual(3 * MB);
    }
    expect(handed.slice(-out.volumes.length)).toEqual(out.volumes.map((_, i) => i + 1));
  }, 120_000);

  it('keys its cached pages by the copy settings, and leaves other keys as they were', () => {
    const settings = derivedScan(big.size, maxBytes);
    const plain = pagesKey(data.caseId, big, 'zh-CN', null);
    expect(pagesKey(data.caseId, big, 'zh-CN', null, undefined, null)).toBe(plain);
    expect(pagesKey(data.caseId, big, 'zh-CN', null, undefined, settings)).not.toBe(plain);
    expect(pagesKey(data.caseId, big, 'zh-CN', null, undefined, derivedScan(big.size, 4.5 * MB))).not.toBe(pagesKey(data.caseId, big, 'zh-CN', null, undefined, settings));
  });
});
