/*
 * How much text an order export's cells and rows may hold. Real exports: addresses and item titles
 * stay under 500 characters, a merchant's remark or a buyer's message rarely passes 1,000, and a
 * whole Taobao row (28 columns, most short) is under 1,500. What is far past that is not order data
 * (one file carried a 50-million-character item title) and is refused with its row and column,
 * never stored cut short.
 */

/** Longest cell stored from a mapped column: four times the longest real remark. */
export const MAX_CELL_CHARS = 2_000;

/**
 * Longest row read at all, every column counted (unmapped ones too, which are never stored but
 * would still be carried through the preview and held in memory): 60 columns of 800 characters.
 */
export const MAX_ROW_CHARS = 50_000;

/**
 * Longest column name kept: real ones are under 30 characters. Cut where the header is read, since
 * every row error and note repeats its column's name.
 */
export const MAX_HEADER_CHARS = 100;

/** Longest text the preview sends for one cell: enough to recognise it. */
export const PREVIEW_CELL_CHARS = 300;
/** A held-back row is shown in full up to this, so it can be corrected (a correction may hold 20,000). */
export const PREVIEW_ROW_CHARS = 4_000;

/** The sum of a row's cell lengths, stopping as soon as it is known to be too long. */
export function isRowTooLong(cells: readonly string[]): boolean {
  let total = 0;
  for (const cell of cells) {
    total += cell.length;
    if (total > MAX_ROW_CHARS) return true;
  }
  return false;
}
