import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedChineseFonts } from './fonts';
import { drawnAs } from './glyphs';
import { Typesetter } from './layout';

/** Typesets the pieces in order and returns what was reported missing and the drawn glyph codes. */
async function typeset(pieces: string[]) {
  const doc = await PDFDocument.create();
  const ts = new Typesetter(doc, await embedChineseFonts(doc, pieces.join('')));
  ts.newPage();
  for (const piece of pieces) ts.text(piece);
  return { missing: [...ts.missing], ts };
}

describe('glyphs the font lacks', () => {
  // The bug: fontkit's glyph 0 kept the code point of the first missing character met; a ZWJ first
  // made every later emoji a zero-width space, drawn blank and never reported.
  it('reports and boxes an emoji whatever invisible character came before it', async () => {
    expect((await typeset(['\u200d', '好👍'])).missing).toEqual(['👍']);
    expect((await typeset(['好👍', '\u200d'])).missing).toEqual(['👍']);
    expect((await typeset(['\ufe0f', '👍'])).missing).toEqual(['👍']);
  }, 30_000);

  it('draws emoji sequences as one box per pictograph, without the joiners and variation selectors', async () => {
    const { missing, ts } = await typeset(['谢谢❤️ 全家👨‍👩‍👧']);
    expect(missing).toEqual(['❤', '👨', '👩', '👧']);
    const font = ts.fonts.regular;
    expect(ts.measure.width('\u200d\ufe0f', font, 10)).toBe(0);
    expect(ts.measure.width('👍', font, 10)).toBe(ts.measure.width('□', font, 10));
    expect(drawnAs(font, '\u200d')).toEqual({ text: '', missing: false });
    expect(drawnAs(font, '谢')).toEqual({ text: '谢', missing: false });
    expect(drawnAs(font, '好')).toEqual({ text: '□', missing: true });
  }, 30_000);
});
