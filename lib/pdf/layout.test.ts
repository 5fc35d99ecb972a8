import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedChineseFonts } from './fonts';
import { Typesetter } from './layout';

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
