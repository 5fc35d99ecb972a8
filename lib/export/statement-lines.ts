import { NO_LINE_START } from '@/lib/pdf/measure';

/** A piece of a line: words, or a reference (`ref` set) kept whole on one line. */
export type Piece<R = unknown> = { text: string; width: number; ref?: R };

/**
 * Greedy lines: a line breaks at a space or between CJK characters, never before closing
 * punctuation (it hangs). Narrower pieces never make more lines: each line then reaches at least
 * as far as before, which is what lets the statement lay out on reserved label widths and draw
 * with the real ones (statement-pages.ts).
 */
export function breakLines<P extends Piece>(pieces: readonly P[], width: number): P[][] {
  const rows: P[][] = [];
  let row: P[] = [];
  let used = 0;
  for (const u of pieces) {
    const fits = used + u.width <= width || row.length === 0 || (!u.ref && NO_LINE_START.has(u.text));
    if (fits) {
      row.push(u);
      used += u.width;
      continue;
    }
    rows.push(row);
    row = u.text === ' ' && !u.ref ? [] : [u];
    used = row.length ? u.width : 0;
  }
  rows.push(row);
  return rows;
}

/**
 * How many of `rows` lines go on each page, given the lines each page has room for (`room`, as
 * reserved). Pages fill in order, but each page keeps at least one line while lines remain, so
 * a page reserved for the statement is never left blank when the drawn lines come out fewer.
 * Throws when the lines exceed the room: breakLines guarantees they do not.
 */
export function placeRows(rows: number, room: readonly number[]): number[] {
  const total = room.reduce((sum, n) => sum + n, 0);
  if (rows > total) throw new Error(`statement: ${rows} lines for ${total} reserved`);
  let left = rows;
  return room.map((n, i) => {
    const after = room.length - i - 1;
    const take = Math.min(n, left, Math.max(1, left - after));
    left -= take;
    return take;
  });
}
