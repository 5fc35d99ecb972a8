import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPageWasm } from '@/lib/tools/pdfium';
import { renderFirstPage } from './pdf-preview';
import { generatedPdf } from './test-fixtures';

/** Pixels darker than near-white: the page's drawing, not its paper. */
async function inkedPixels(png: Buffer): Promise<number> {
  const { data } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return data.filter((v) => v < 200).length;
}

/** An A5 portrait page (420 × 595 pt) with a heading and a filled box: something to see, and an aspect to keep. */
async function drawnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([420, 595]);
  page.drawText('Waybill SF1234567890', { x: 40, y: 540, size: 24, font: await doc.embedFont(StandardFonts.Helvetica) });
  page.drawRectangle({ x: 40, y: 300, width: 200, height: 150, color: rgb(0.1, 0.2, 0.6) });
  return doc.save();
}

afterEach(() => vi.unstubAllEnvs());

describe('renderFirstPage', () => {
  it('renders the first page as a PNG, with system tools and without', async () => {
    const pdf = await generatedPdf(3);
    const withSystem = await renderFirstPage(pdf);
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', '1');
    const bare = await renderFirstPage(pdf);
    for (const png of [withSystem, bare]) {
      expect(png).not.toBeNull();
      expect((await sharp(png!).metadata()).format).toBe('png');
    }
  });

  it('answers null rather than failing when the PDF cannot be rendered, on either path', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7 not really');
    expect(await renderFirstPage(junk)).toBeNull();
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', '1');
    expect(await renderFirstPage(junk)).toBeNull();
  });
});

// Compared with poppler's picture of the same page by a script, not here: this must run without poppler
// (npm run bench:preview writes both PNGs).
describe('renderPageWasm (PDFium as WebAssembly)', () => {
  it('draws the page: the size pdftoppm gives at that resolution, opaque, with ink on it', async () => {
    const png = await renderPageWasm(await drawnPdf(), 50);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', Math.ceil((420 * 50) / 72), Math.ceil((595 * 50) / 72), false]);
    // The box alone covers about 200 × 150 pt, ~5,800 pixels at 50 dpi; a blank page has none.
    expect(await inkedPixels(png)).toBeGreaterThan(5000);
    expect(await inkedPixels(await renderPageWasm(await generatedPdf(1), 50))).toBe(0);
  });
});
