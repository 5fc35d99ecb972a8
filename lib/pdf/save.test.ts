import { inflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { savePdf } from './save';

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
