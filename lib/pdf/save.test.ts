import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFPageTree, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { deflate, savePdf } from './save';

async function drawn(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 120; i++) doc.addPage([300, 300]).drawText(`page ${i + 1}`, { x: 20, y: 20, font, size: 12 });
  return doc;
}

describe('savePdf', () => {
  it('packs small objects into object streams deflated by zlib, which read back whole', async () => {
    const bytes = await savePdf(await drawn());
    const again = await PDFDocument.load(bytes);
    expect(again.getPageCount()).toBe(120);
    // Each object stream's dictionary says FlateDecode, and its bytes inflate to the objects' offsets and text.
    const text = Buffer.from(bytes).toString('latin1');
    const streams = [...text.matchAll(/<<([^>]*\/Type \/ObjStm[^>]*)>>\s*stream\r?\n/g)];
    expect(streams.length).toBeGreaterThan(1);
    for (const match of streams) {
      expect(match[1]).toContain('/Filter /FlateDecode');
      const length = Number(/\/Length (\d+)/.exec(match[1] as string)?.[1]);
      const start = (match.index ?? 0) + match[0].length;
      expect(inflateSync(Buffer.from(bytes.subarray(start, start + length))).toString('latin1')).toMatch(/^\d+ \d+ /);
    }
  });

  it('gives the same bytes for the same document', async () => {
    const [a, b] = await Promise.all([drawn().then(savePdf), drawn().then(savePdf)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('deflate', () => {
  const text = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `BT /F1 9 Tf ${(i * 37) % 500} ${(i * 11) % 800} Td <${(i * 7919).toString(16).padStart(8, '0')}> Tj ET\n`).join('').slice(0, n), 'latin1');

  it('compresses a small stream as small as a full window does, and reads back whole', () => {
    for (const n of [0, 40, 400, 3000, 20_000]) {
      const bytes = text(n);
      expect(inflateSync(deflate(bytes)).equals(bytes)).toBe(true);
      // The same matches: only the header's window size (its second byte) may differ.
      expect(deflate(bytes).subarray(2).equals(deflateSync(bytes).subarray(2))).toBe(true);
    }
  });

  it('is zlib at its defaults for a stream larger than the window', () => {
    const bytes = text(200_000);
    expect(deflate(bytes).equals(deflateSync(bytes))).toBe(true);
  });
});

describe('appending pages', () => {
  it('puts each page after the last, and a page inserted before them where it is asked, as pdf-lib does', async () => {
    expect((PDFPageTree.prototype.insertLeafNode as { direct?: true }).direct).toBe(true);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 300; i++) doc.addPage([200 + i, 300]);
    doc.insertPage(0, [100, 100]);
    doc.insertPage(150, [101, 101]);
    doc.insertPage(doc.getPageCount(), [102, 102]).drawText('last', { font, size: 9 });
    const again = await PDFDocument.load(await savePdf(doc));
    const widths = again.getPages().map((p) => p.getWidth());
    expect(widths).toHaveLength(303);
    expect([widths[0], widths[1], widths[150], widths[151], widths[301], widths[302]]).toEqual([100, 200, 101, 349, 499, 102]);
  });
});
