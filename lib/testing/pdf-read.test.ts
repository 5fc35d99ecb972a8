import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { pdfPageGray, pdfText, pdfWords, qpdfCheck } from './pdf-read';

/** Two pages: Chinese in the app's font and a Courier hash whose width is known exactly. */
async function sample(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedChineseFonts(doc, '申诉证据包第一页');
  const courier = await doc.embedFont(StandardFonts.Courier);
  const first = doc.addPage([595, 842]);
  first.drawText('申诉证据包 第一页', { x: 72, y: 770, size: 14, font: regular });
  first.drawText('SHA-256 0123456789abcdef', { x: 72, y: 700, size: 10, font: courier });
  doc.addPage([595, 842]).drawText('Page two', { x: 72, y: 770, size: 14, font: courier });
  return doc.save();
}

afterEach(() => vi.unstubAllEnvs());

// Each case runs with poppler and qpdf where installed, and with pdf.js and qpdf as WebAssembly.
describe.each([['system tools where installed', '0'], ['registry builds', '1']])('reading a PDF back (%s)', (_, hidden) => {
  it('gives the text of every page, or of one, pages split by form feeds', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    const pdf = await sample();
    const pages = (await pdfText(pdf)).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/申诉证据包\s+第一页/);
    expect(pages[0]).toContain('SHA-256 0123456789abcdef');
    expect(pages[1]).toContain('Page two');
    const second = await pdfText(pdf, { first: 2 });
    expect(second).toContain('Page two');
    expect(second).not.toContain('申诉');
  }, 30_000);

  it('places words where they were drawn, in points from the top', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    const hash = (await pdfWords(await sample(), 1)).find((w) => w.text === '0123456789abcdef');
    expect(hash).toBeDefined();
    // Courier: 0.6 em a glyph; "SHA-256 " is 8 glyphs before it.
    expect(hash!.xMin).toBeCloseTo(72 + 8 * 6, 0);
    expect(hash!.xMax - hash!.xMin).toBeCloseTo(16 * 6, 0);
    expect(hash!.yMax).toBeGreaterThan(842 - 700 - 1);
    expect(hash!.yMax).toBeLessThan(842 - 700 + 4);
  }, 30_000);

  it('passes a sound file through qpdf --check and fails a truncated one', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    const pdf = await sample();
    expect(await qpdfCheck(pdf)).toMatchObject({ ok: true });
    const broken = new Uint8Array(pdf.subarray(0, Math.floor(pdf.length / 2)));
    expect((await qpdfCheck(broken)).ok).toBe(false);
  });

  it('renders the first page in grey at the asked resolution', async () => {
    vi.stubEnv('APPEAL_PACK_NO_SYSTEM_TOOLS', hidden);
    const pixels = await pdfPageGray(await sample(), 36);
    // 297.5 × 421 pixels rounded up; a PGM header adds a few bytes.
    expect(pixels.length).toBeGreaterThanOrEqual(298 * 421);
    expect(pixels.length).toBeLessThan(298 * 421 + 32);
  });
});
