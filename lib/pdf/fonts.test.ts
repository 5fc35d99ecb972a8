import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from '@/lib/testing/pdf-read';
import { drawingFonts, embedChineseFonts } from './fonts';
import { withoutTables } from './subset';

const TEXT = '申诉证据包 天猫 双十一订单 第 1 页 / 共 1 页';

async function sample() {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedChineseFonts(doc, TEXT);
  const page = doc.addPage([595, 842]);
  page.drawText('申诉证据包', { x: 50, y: 780, size: 24, font: bold });
  page.drawText('天猫 双十一订单 第 1 页 / 共 1 页', { x: 50, y: 740, size: 12, font: regular });
  return doc.save();
}

describe('embedChineseFonts', () => {
  it('keeps a Chinese document small: only the glyphs it uses are embedded', async () => {
    const bytes = await sample();
    expect(bytes.length).toBeLessThan(120_000);
  }, 30_000);

  it('produces text that extracts back as written', async () => {
    const text = await pdfText(await sample());
    expect(text).toContain('申诉证据包');
    expect(text).toContain('第 1 页 / 共 1 页');
  }, 30_000);

  it('draws each character under the same code as the whole drawing font, so cached pages are copied without rewriting', async () => {
    const doc = await PDFDocument.create();
    const subset = await embedChineseFonts(doc, TEXT);
    const whole = await drawingFonts();
    for (const weight of ['regular', 'bold'] as const) {
      for (const ch of new Set(TEXT)) expect(subset[weight].encodeText(ch).asString()).toBe(whole[weight].encodeText(ch).asString());
    }
    // Not trivially: the codes are the whole font's glyph numbers, far past the subset's few dozen glyphs.
    expect(parseInt(subset.regular.encodeText('申').asString().slice(1, 5), 16)).toBeGreaterThan(1000);
  }, 30_000);

  it('embeds the same subset for the same characters in any order, and a new one when a character is added', async () => {
    const embedded = async (text: string) => {
      // No dates: two documents made a second apart would differ by them.
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.addPage().drawText('证据', { font: (await embedChineseFonts(doc, text)).regular });
      return Buffer.from(await doc.save({ useObjectStreams: false }));
    };
    const first = await embedded(TEXT);
    expect((await embedded([...TEXT].reverse().join('') + TEXT)).equals(first)).toBe(true);
    const added = await embedded(`${TEXT}鹦`);
    expect(added.equals(first)).toBe(false);
    expect(await pdfText(added)).toContain('证据');
  }, 30_000);
});

describe('withoutTables', () => {
  /** The table directory: tag → [offset, length]. */
  const tables = (font: Buffer) =>
    new Map(Array.from({ length: font.readUInt16BE(4) }, (_, i) => [font.toString('latin1', 12 + i * 16, 16 + i * 16), [font.readUInt32BE(20 + i * 16), font.readUInt32BE(24 + i * 16)]] as const));

  it('drops the named tables and keeps every other one byte for byte, each on a 4-byte boundary', async () => {
    const font = await readFile(path.join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'));
    const cut = withoutTables(font, ['GSUB', 'GPOS']);
    const before = tables(font);
    const after = tables(cut);
    expect([...after.keys()]).toEqual([...before.keys()].filter((tag) => tag !== 'GSUB' && tag !== 'GPOS'));
    for (const [tag, [offset, length]] of after) {
      const [from, was] = before.get(tag) as readonly [number, number];
      expect(offset % 4).toBe(0);
      expect(cut.subarray(offset, offset + length).equals(font.subarray(from, from + was))).toBe(true);
    }
    expect(cut.length).toBeLessThan(font.length);
  });
});
