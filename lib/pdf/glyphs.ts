import type { PDFFont } from 'pdf-lib';

/*
 * Why the Typesetter decides glyphs here rather than by asking the font: fontkit caches one Glyph
 * object per glyph id, holding the code points of the first lookup that produced it. Every
 * character a font lacks maps to glyph 0, so glyph 0 remembers whichever missing character was
 * looked up first. When that was an invisible one (a ZWJ from an emoji sequence), fontkit's layout
 * treats every later glyph 0 as invisible too and swaps it for a zero-width space: emoji drawn
 * blank and left out of the report. Which character came first depended on what was measured
 * first, so the same case could come out either way. Deciding from the subset's own character set
 * gives the same answer whatever the order.
 */

const coverage = new WeakMap<PDFFont, ReadonlySet<number>>();

/** Records the code points an embedded subset has glyphs for (see embedChineseFonts). */
export function registerCoverage(font: PDFFont, codePoints: Iterable<number>): void {
  coverage.set(font, new Set(codePoints));
}

// Default-ignorable code points (Unicode DerivedCoreProperties, as HarfBuzz hides them): zero-width
// joiners, variation selectors (the U+FE0F after ❤), bidi marks, tag characters. Never drawn.
const IGNORABLE = /^[\u00ad\u034f\u061c\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff0-\ufff8\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]$/u;

/** Printed in place of a character the font lacks; always in the subset. */
export const MISSING_MARK = '□';

export type Drawn = { text: string; missing: boolean };

/**
 * What is drawn for one character (a code point) in `font`: the character itself; nothing for an
 * invisible format character; a plain space for whitespace the subset lacks (a no-break space);
 * □ for anything else the font lacks, flagged `missing` for the report. A font without recorded
 * coverage draws everything as it is and leaves the rest to the font.
 */
export function drawnAs(font: PDFFont, ch: string): Drawn {
  if (IGNORABLE.test(ch)) return { text: '', missing: false };
  const covered = coverage.get(font);
  if (!covered || covered.has(ch.codePointAt(0) ?? 0)) return { text: ch, missing: false };
  return ch.trim() ? { text: MISSING_MARK, missing: true } : { text: ' ', missing: false };
}
