import type { PDFFont } from 'pdf-lib';
import type { Typesetter } from '@/lib/pdf/layout';

const LEADER_SIZE = 10;
const MAX_TITLE_LINES = 3;
const DOT = ' .';

/**
 * A contents title in lines of at most `width` (CJK-aware: Chinese breaks between characters, Latin at
 * spaces). Past three lines the third is cut with an ellipsis, so one title never takes half a page.
 */
export function contentsTitleLines(ts: Typesetter, title: string, width: number, font: PDFFont, size: number): string[] {
  const lines = ts.measure.wrap(title.replace(/\s+/g, ' '), width, font, size).filter(Boolean);
  if (lines.length <= MAX_TITLE_LINES) return lines.length ? lines : [''];
  const kept = lines.slice(0, MAX_TITLE_LINES);
  kept[MAX_TITLE_LINES - 1] = ts.measure.fit(`${kept[MAX_TITLE_LINES - 1]}…`, width, font, size);
  return kept;
}

/**
 * Spaced dots from `from` to `to`, right-aligned at `to`. Every leader ends at the same column in the same
 * font and size, so the dots of all lines sit on one grid. Undefined when fewer than three dots fit.
 */
export function dotLeader(ts: Typesetter, from: number, to: number, font: PDFFont): { text: string; x: number } | undefined {
  const unit = ts.measure.width(DOT, font, LEADER_SIZE);
  const count = Math.floor((to - from) / unit);
  if (count < 3) return undefined;
  const text = DOT.repeat(count);
  return { text, x: to - ts.measure.width(text, font, LEADER_SIZE) };
}
