import type { PDFFont } from 'pdf-lib';
import { drawnAs } from './glyphs';

// Chinese line breaking (GB/T 15834 and the usual 禁则): these never start a line…
export const NO_LINE_START = new Set([...'，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}'] as string[]);
// …and these never end one.
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{'] as string[]);
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/u;

/** Tabs become spaces; other control characters and lone surrogates are dropped (the font has no glyph for them). */
export function cleanText(text: string): string {
  return text.replace(/\t/g, '    ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g, '');
}

/**
 * Break units: a CJK character stands alone (a line may break before or after
 * it), a run of Latin letters and digits stays together, a space is its own unit.
 */
export function units(line: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of line) {
    if (ch === ' ' || WIDE.test(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

/** Measures text with a per-character cache: fontkit's own measuring lays out every call. */
export class Measure {
  private readonly cache = new Map<PDFFont, Map<string, number>>();

  width(text: string, font: PDFFont, size: number): number {
    let widths = this.cache.get(font);
    if (!widths) this.cache.set(font, (widths = new Map()));
    let total = 0;
    for (const ch of text) {
      let w = widths.get(ch);
      if (w === undefined) {
        // As the Typesetter draws it: nothing for an invisible character, □ for a missing one.
        const { text: drawn } = drawnAs(font, ch);
        w = drawn ? font.widthOfTextAtSize(drawn, 1) : 0;
        widths.set(ch, w);
      }
      total += w;
    }
    return total * size;
  }

  /** Lines of at most `maxWidth`, breaking between CJK characters or at spaces, never before closing punctuation. */
  wrap(text: string, maxWidth: number, font: PDFFont, size: number): string[] {
    const lines: string[] = [];
    // Split before cleaning: cleanText drops \r, which would join lines that end in a lone CR.
    for (const paragraph of text.split(/\r\n|\r|\n/).map(cleanText)) {
      let line = '';
      let lineWidth = 0;
      for (const unit of units(paragraph)) {
        const w = this.width(unit, font, size);
        if (lineWidth + w <= maxWidth || line === '') {
          if (w > maxWidth && line === '') {
            // A word wider than the line (a long URL or order list) is cut by characters.
            for (const piece of this.cut(unit, maxWidth, font, size)) lines.push(piece);
            const last = lines.pop() ?? '';
            line = last;
            lineWidth = this.width(last, font, size);
            continue;
          }
          line += unit;
          lineWidth += w;
          continue;
        }
        if (unit === ' ') {
          lines.push(line);
          line = '';
          lineWidth = 0;
          continue;
        }
        // Keep closing punctuation with the character before it; keep opening punctuation with what follows.
        let carry = '';
        if (NO_LINE_START.has(unit) && line.length > 1) {
          const chars = [...line];
          carry = chars.pop() ?? '';
          line = chars.join('');
        }
        while (line.length > 1 && NO_LINE_END.has([...line].at(-1) ?? '')) {
          const chars = [...line];
          carry = (chars.pop() ?? '') + carry;
          line = chars.join('');
        }
        lines.push(line.trimEnd());
        line = carry + unit;
        lineWidth = this.width(line, font, size);
        if (lineWidth > maxWidth) {
          const pieces = this.cut(line, maxWidth, font, size);
          line = pieces.pop() ?? '';
          lines.push(...pieces);
          lineWidth = this.width(line, font, size);
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** Shortens to one line, ending with an ellipsis when cut. */
  fit(text: string, maxWidth: number, font: PDFFont, size: number): string {
    const clean = cleanText(text).replace(/\s+/g, ' ');
    if (this.width(clean, font, size) <= maxWidth) return clean;
    const chars = [...clean];
    while (chars.length > 0 && this.width(`${chars.join('')}…`, font, size) > maxWidth) chars.pop();
    return `${chars.join('')}…`;
  }

  private cut(text: string, maxWidth: number, font: PDFFont, size: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const ch of text) {
      if (piece && this.width(piece + ch, font, size) > maxWidth) {
        pieces.push(piece);
        piece = '';
      }
      piece += ch;
    }
    pieces.push(piece);
    return pieces;
  }
}
