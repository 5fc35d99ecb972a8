import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptUpload } from '@/lib/evidence/accept-upload';
import { exhibitKey } from '@/lib/statement/references';
import { blobStore } from '@/lib/storage';
import { bundleCase, noisyPhoto } from '@/lib/testing/bundle-case';
import { pdfText as readText, qpdfCheck } from '@/lib/testing/pdf-read';
import { buildBundle } from './bundle';
import { collectBundleData, type BundleData } from './collect';
import { planVolumes, unitsOf, VOLUME_OVERHEAD } from './volumes';

const KB = 1024;
const now = new Date('2026-11-22T04:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'volumes-test-'));
const pdfText = (file: string, first?: number) => readText(file, { first });
const volumeName = ['', '一', '二', '三', '四', '五', '六'];

/** A one-page scan: a noisy photo on an A4 page, about 400 KB. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(await noisyPhoto(900, 700));
  doc.addPage([595, 842]).drawImage(image, { x: 40, y: 200, width: 515, height: 400 });
  return doc.save();
}

describe('planVolumes', () => {
  const unit = (exhibitId: string, kb: number) => ({ exhibitId, bytes: kb * KB });

  it('keeps a bundle that fits in one volume', () => {
    const plan = planVolumes({ front: 100 * KB, exhibits: [unit('B-001', 300), unit('B-002', 300)], appendix: 20 * KB }, 200 * KB, 1000 * KB);
    expect(plan.volumes).toBe(1);
    expect(plan.oversized).toEqual([]);
  });

  it('keeps the appendix with the last exhibit: the last volume is never the appendix alone', () => {
    // Front 100 + fonts 200 + three exhibits of 200 = 900, in a budget of 950; the appendix (80) tips it over.
    const plan = planVolumes({ front: 100 * KB, exhibits: [unit('B-001', 200), unit('B-002', 200), unit('B-003', 200)], appendix: 80 * KB }, 200 * KB, 950 * KB);
    expect(plan.volumes).toBe(2);
    expect(plan.volumeOf.get('B-002')).toBe(1);
    expect(plan.volumeOf.get('B-003')).toBe(2);
  });

  it('fills each volume in bundle order and names an exhibit too big for any volume', () => {
    const plan = planVolumes({ front: 50 * KB, exhibits: [unit('B-001', 400), unit('B-002', 400), unit('F-001', 2000), unit('F-002', 100)], appendix: 10 * KB }, 100 * KB, 1000 * KB);
    expect([...plan.volumeOf.values()]).toEqual([1, 1, 2, 3]);
    expect(plan.oversized).toEqual(['F-001']);
    expect(VOLUME_OVERHEAD).toBeLessThan(100 * KB);
  });

  it('measures an exhibit with the divider page before it (after the first), and the pages after the last exhibit as the appendix', () => {
    const units = unitsOf([10, 20, 5, 100, 100, 5, 50, 30, 40], [undefined, undefined, undefined, 'B-001', 'B-001', undefined, 'C-001', undefined, undefined]);
    // The first category's divider cannot be told from the front matter: it stays in volume 1 with it.
    expect(units).toEqual({ front: 35, exhibits: [{ exhibitId: 'B-001', bytes: 200 }, { exhibitId: 'C-001', bytes: 55 }], appendix: 70 });
  });
});

describe('buildBundle volumes', () => {
  let data: BundleData;
  let whole: number;

  beforeAll(async () => {
    const { user, caseId } = await bundleCase();
    // Scanned PDFs in three categories: merged as they are, so no image step shrinks them, and a split has something to place.
    for (const [i, category] of ['logistics', 'logistics', 'review', 'other'].entries()) {
      const body = Readable.from([Buffer.from(await scannedPdf())]);
      const outcome = await acceptUpload({ userId: user.id, caseId, fileName: `扫描件${i + 1}.pdf`, category, body });
      if (!outcome.ok) throw new Error(outcome.error);
    }
    data = await collectBundleData(caseId);
    // The size at the images' lowest level, where only a split can make it smaller.
    const roomy = await buildBundle(data, blobStore(), { maxBytes: 50 * 1024 * KB, attachOriginals: false, now });
    const lowest = await buildBundle(data, blobStore(), { maxBytes: Math.round(roomy.volumes[0]!.bytes.length * 0.9), attachOriginals: false, now });
    expect(lowest.imageLevel).toBe(3);
    expect(lowest.volumes).toHaveLength(1);
    whole = lowest.volumes[0]!.bytes.length;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays one volume when the bundle is just under the limit', async () => {
    const out = await buildBundle(data, blobStore(), { maxBytes: whole + 2 * KB, attachOriginals: false, now });
    expect(out.volumes).toHaveLength(1);
    expect(out.volumes[0]!.bytes.length).toBeLessThanOrEqual(whole);
  }, 60_000);

  it('assembles volume by volume when the exhibits alone exceed the limit: the same pages, each volume within it', async () => {
    // Four scans of ~400 KB cannot share a volume of 900 KB with more than one other.
    const maxBytes = 900 * KB;
    const out = await buildBundle(data, blobStore(), { maxBytes, attachOriginals: false, now });
    expect(out.volumes.length).toBeGreaterThanOrEqual(2);
    expect(out.oversized).toEqual([]);
    for (const v of out.volumes) expect(v.bytes.length).toBeLessThanOrEqual(maxBytes);
    expect(out.volumes.reduce((n, v) => n + v.pages, 0)).toBe(out.pages);
    const files = out.volumes.map((v, i) => path.join(dir, `by-volume-${i + 1}.pdf`));
    out.volumes.forEach((v, i) => writeFileSync(files[i]!, v.bytes));
    for (const file of files) expect((await qpdfCheck(file)).ok, file).toBe(true);
    // Every exhibit's own pages are in some volume (no blank stand-in left): as many captions as in one volume.
    const text = (await Promise.all(files.map((f) => pdfText(f)))).join('\n');
    const single = await buildBundle(data, blobStore(), { maxBytes: 50 * 1024 * KB, attachOriginals: false, now });
    writeFileSync(path.join(dir, 'single.pdf'), single.volumes[0]!.bytes);
    const captions = (t: string) => t.match(/证据编号/g)?.length ?? 0;
    expect(captions(text)).toBe(captions(await pdfText(path.join(dir, 'single.pdf'))));
    expect(captions(text)).toBeGreaterThanOrEqual(data.exhibits.length);
    expect(text.match(/INVOICE PAGE \d/g)).toHaveLength(3);
    expect(out.timings.cacheHits).toBe(data.exhibits.length);
  }, 120_000);

  it('splits a bundle just over the limit into volumes each within it, each with its own contents', async () => {
    const maxBytes = whole - 40 * KB;
    // The statement names the last exhibit, which goes to volume 2: it prints that volume and page.
    const last = data.exhibits.at(-1)!;
    const out = await buildBundle({ ...data, statement: `扫描件见${exhibitKey(last.evidenceId)}。` }, blobStore(), { maxBytes, attachOriginals: false, now });
    expect(out.volumes.length).toBe(2);
    expect(out.oversized).toEqual([]);
    for (const v of out.volumes) expect(v.bytes.length).toBeLessThanOrEqual(maxBytes);
    expect(out.volumes.reduce((n, v) => n + v.pages, 0)).toBe(out.pages);
    out.volumes.forEach((v, i) => expect(v.firstPage).toBe(i === 0 ? 1 : out.volumes[i - 1]!.firstPage + out.volumes[i - 1]!.pages));
    // Each later volume's page labels run on, and it has bookmarks for what it holds.
    const secondDoc = await PDFDocument.load(out.volumes[1]!.bytes);
    expect(secondDoc.getPageCount()).toBe(out.volumes[1]!.pages);
    const labels = secondDoc.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).lookup(1, PDFDict);
    expect(labels.get(PDFName.of('St'))?.toString()).toBe(String(out.volumes[1]!.firstPage));
    expect(Number(secondDoc.catalog.lookup(PDFName.of('Outlines'), PDFDict).get(PDFName.of('Count'))?.toString())).toBeGreaterThan(0);
    const files = out.volumes.map((v, i) => path.join(dir, `volume-${i + 1}.pdf`));
    out.volumes.forEach((v, i) => writeFileSync(files[i]!, v.bytes));
    for (const file of files) expect((await qpdfCheck(file)).ok, file).toBe(true);

    // Volume 1's contents name every exhibit, with the volume of those elsewhere.
    const firstContents = await pdfText(files[0]!, 2);
    const volumeOf = new Map<string, number>();
    for (const line of firstContents.split('\n')) {
      const match = /([A-Z]-\d{3}).*?(?:卷(\S)\s*)?第\s*\d+\s*页/.exec(line);
      if (match) volumeOf.set(match[1]!, match[2] ? volumeName.indexOf(match[2]) : 1);
    }
    expect([...volumeOf.keys()].sort()).toEqual(data.exhibits.map((x) => x.exhibitId).sort());
    const later = [...volumeOf].filter(([, v]) => v === 2).map(([id]) => id);
    expect(later.length).toBeGreaterThan(0);

    // Volume 2: its cover, then its own contents: what it holds, nothing from volume 1; it ends with the appendix.
    const second = out.volumes[1]!;
    expect(await pdfText(files[1]!, 1)).toContain('卷二');
    expect(await pdfText(files[1]!, 1)).toMatch(new RegExp(`第\\s*${second.firstPage}\\s*页 / 共 ${out.pages} 页`));
    const secondContents = await pdfText(files[1]!, 2);
    expect(secondContents).toContain('目录');
    for (const [id, v] of volumeOf) expect(secondContents.includes(id)).toBe(v === 2);
    expect(secondContents).toMatch(/清单/);
    const secondText = await pdfText(files[1]!);
    expect(secondText).toContain(later[later.length - 1]!);

    // The statement's reference to an exhibit in volume 2: volume and page, and that page is the exhibit's first.
    expect(volumeOf.get(last.exhibitId)).toBe(2);
    const front = (await pdfText(files[0]!)).replace(/\s+/g, '');
    const printed = new RegExp(`（证据${last.exhibitId}，卷二第(\\d+)页）`).exec(front);
    expect(printed, front.slice(0, 400)).not.toBeNull();
    const page = Number(printed![1]) - second.firstPage + 1;
    expect(page).toBeGreaterThan(0);
    const target = await readText(files[1]!, { first: page, last: page });
    expect(target).toContain(last.exhibitId);
    expect(target).toContain('证据编号');
  }, 120_000);
});
