import { beginText, endText, moveText, PDFDocument, PDFHexString, PDFNumber, popGraphicsState, pushGraphicsState, rgb, setFillingColor, setFontAndSize, showText, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedChineseFonts } from './fonts';
import { INK, Typesetter, type DrawOptions } from './layout';

async function typesetter(text: string) {
  const doc = await PDFDocument.create();
  return new Typesetter(doc, await embedChineseFonts(doc, text));
}

describe('Typesetter', () => {
  it('breaks Chinese between characters but never puts closing punctuation at a line start', async () => {
    const text = '亲，订单已经安排顺丰发货，单号稍后同步给您。请注意查收，谢谢！';
    const ts = await typesetter(text);
    const font = ts.fonts.regular;
    for (let chars = 4; chars <= 14; chars++) {
      const lines = ts.measure.wrap(text, ts.measure.width('字'.repeat(chars), font, 10), font, 10);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect('，。！、').not.toContain(line[0]);
      for (const line of lines) expect(ts.measure.width(line, font, 10)).toBeLessThanOrEqual(ts.measure.width('字'.repeat(chars + 1), font, 10));
    }
  });

  it('keeps Latin words and long numbers whole where they fit, and cuts what is wider than a line', async () => {
    const ts = await typesetter('订单 4012345678901234567 shipped by SF Express');
    const font = ts.fonts.regular;
    const lines = ts.measure.wrap('订单 4012345678901234567 shipped by SF Express', 120, font, 10);
    expect(lines).toContain('4012345678901234567');
    expect(ts.measure.wrap('x'.repeat(200), 100, font, 10).length).toBeGreaterThan(2);
  });

  it('prints a character the font lacks as □ and reports it', async () => {
    const ts = await typesetter('好的');
    ts.newPage();
    ts.text('好的😊');
    expect([...ts.missing]).toEqual(['😊']);
  });
});

describe('Typesetter.draw', () => {
  /** What draw wrote as pdf-lib's operator objects, one per operator and number, before it wrote them as text. */
  function drawnAsObjects(this: Typesetter, text: string, { x, y, size, font, color = INK }: DrawOptions, page: PDFPage = this.page) {
    const n = (v: number) => PDFNumber.of(Math.round(v * 100) / 100);
    const key = this.fontKey(font, page);
    page.pushOperators(pushGraphicsState(), beginText(), setFillingColor(color), setFontAndSize(key, n(size)), moveText(n(x), n(y)), showText(PDFHexString.of(this.glyphHex(text, font))), endText(), popGraphicsState());
  }

  it('writes the same bytes as operator objects would, numbers and colours included', async () => {
    const saved = async (asObjects: boolean) => {
      const text = '2026-11-04 00:13:49 快乐的小胖子：在吗？ Order 4012345678901234567 ¥1,299.00';
      const ts = await typesetter(text);
      if (asObjects) ts.draw = drawnAsObjects.bind(ts);
      ts.newPage();
      ts.text(text, { size: 10.5 });
      ts.text(text, { size: 8.333, bold: true, color: rgb(0.72, 0.1, 0.1), indent: 17.005 });
      ts.draw('第 3 页', { x: -0.004, y: 1e-7, size: 8, font: ts.fonts.regular });
      return Buffer.from(await ts.doc.save({ useObjectStreams: false }));
    };
    expect((await saved(false)).equals(await saved(true))).toBe(true);
  });
});
