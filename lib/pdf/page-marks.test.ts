import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { croppedPdf } from '@/lib/testing/hostile-pdf';
import { pdfPageGray } from '@/lib/testing/pdf-read';
import { findSystemTool } from '@/lib/tools/system-tool';
import { embedChineseFonts } from './fonts';
import { A4, Typesetter } from './layout';
import { makeStampRoom, stampPage } from './page-marks';

/** The page shrunk for the stamps, rendered as a viewer shows it (a renderer honours clips, text extraction does not). */
async function render(bytes: Uint8Array, name: string): Promise<Buffer> {
  const source = await PDFDocument.load(bytes);
  const doc = await PDFDocument.create();
  const [page] = await doc.copyPages(source, [0]);
  makeStampRoom(page!);
  doc.addPage(page!);
  const saved = await doc.save();
  if (process.env.KEEP_MARKS) writeFileSync(path.join(process.env.KEEP_MARKS, `${name}.pdf`), saved);
  return pdfPageGray(saved, 50);
}

describe('makeStampRoom', () => {
  it.each([0, 90])('shows exactly what the CropBox showed, nothing from outside it (rotation %i)', async (rotation) => {
    const withHidden = await render(await croppedPdf(rotation, true), `hidden-${rotation}`);
    const without = await render(await croppedPdf(rotation, false), `plain-${rotation}`);
    // Same pixels as the same page without the lines outside the box: they stay out of view.
    expect(withHidden.equals(without)).toBe(true);
    const page = (await PDFDocument.load(await croppedPdf(rotation))).getPage(0);
    expect([page.getCropBox().height, page.getRotation().angle]).toEqual([842, rotation]);
  });
});

describe('stampPage', () => {
  /** Page 1 of a one-page document stamped through the Typesetter (its own operators) or through pdf-lib's drawing. */
  async function stamped(typeset: boolean, size: [number, number]): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const footer = '第 12 页 / 共 1551 页';
    const fonts = await embedChineseFonts(doc, `${footer}C-003`);
    const ts = new Typesetter(doc, fonts);
    ts.newPage().setSize(...size);
    ts.text('承诺书', { size: 14 });
    stampPage(ts.page, fonts.regular, footer, 'C-003', typeset ? ts : undefined);
    return pdfPageGray(await doc.save(), 100);
  }

  it.each([[A4], [[842, 595] as [number, number]]])('draws what pdf-lib draws, written as operators (page %j)', async (size) => {
    const [typeset, drawn] = [await stamped(true, size), await stamped(false, size)];
    expect(typeset.length).toBe(drawn.length);
    // The Typesetter puts text at 1/100 pt, pdf-lib where the arithmetic lands: poppler shows the
    // same pixels, PDFium (no system tools) ~80 edge pixels a shade apart. Tried: a mark moved by
    // half a point fails under PDFium, by a point and a half under both (poppler snaps text to pixels).
    let differing = 0;
    let most = 0;
    typeset.forEach((value, i) => {
      const difference = Math.abs(value - (drawn[i] ?? 0));
      if (difference > 0) differing++;
      most = Math.max(most, difference);
    });
    if (findSystemTool('pdftoppm')) expect(differing).toBe(0);
    expect(differing).toBeLessThan(200);
    expect(most).toBeLessThan(64);
  });
});
