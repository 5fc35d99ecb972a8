/*
 * Spreadsheets run a cell that begins with = + - or @ as a formula. We store every cell as text, so
 * nothing runs here, but a merchant who sees "=1+1" in the preview should know it was kept as written.
 * Not formulas: Taobao's ="123…" (the export's own way of keeping long numbers as text), and numbers,
 * amounts and phones that start with a sign (-12.50, +86 138…, +1 206-555-0100), or a "-" placeholder.
 */
const FORMULA_START = /^[=+\-@]/;
const TEXT_WRAPPER = /^="[^"]*"$/;
const SIGNED_NUMBER = /^[+-]?[\s\d.,()\-￥¥$]*$/;

export function looksLikeFormula(cell: string): boolean {
  const first = cell.charCodeAt(0);
  // Fast exit for the common case: the check runs on every mapped cell of every row.
  if (first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40 && first !== 0x20) return false;
  const text = cell.trim();
  return FORMULA_START.test(text) && !TEXT_WRAPPER.test(text) && !SIGNED_NUMBER.test(text);
}
