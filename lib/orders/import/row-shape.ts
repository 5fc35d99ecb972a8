import type { QuoteProblem } from './split-csv';

/** Why a row does not have the header's shape; such a row is never imported as it stands. */
export type ShapeProblem =
  | QuoteProblem
  | 'tooManyFields'
  | 'tooFewFields'
  /** A value under a column without a name (CSV) or right of the header's last column (XLSX). */
  | 'valueBeyondHeader'
  /** A corrected line that holds several records (a line break outside quotes). */
  | 'severalRows'
  /** More text than any order row holds (text-limits.ts): held back whatever its shape. */
  | 'rowTooLong';

/**
 * `named`: fields up to the header's last named column, which every row must have.
 * `width`: the most fields a row may have, the extra ones empty.
 */
export type RowShape = { named: number; headerWidth: number; width: number };

/*
 * Trailing empty fields, as real exports write them:
 * - Excel and Google Sheets pad every row of a CSV, header included, to the sheet's used width
 *   ("a,b,c,,"). So the header may end in nameless columns: a row needs only the named ones, and the
 *   nameless ones must be empty (a value there belongs to no column).
 * - Some exporters end every data line with a delimiter but not the header (seen in Chinese seller
 *   back ends, whose writers append "," after each cell). One extra empty field is accepted when it
 *   is what most data rows have; more than one, or a value in it, is a row that moved.
 * - Old Excel drops the delimiters of empty trailing cells on some rows; a row that short cannot be
 *   told from one whose line was broken in two (an unquoted line break in a title), so it is listed
 *   as too short and the merchant decides. Listing an honest row costs a click; a shifted row
 *   imported silently costs the appeal.
 * A shifted row whose own last cell happened to be empty therefore still shows: it has one field
 * more than its neighbours. Only a file where most rows shifted by exactly one empty field would
 * pass, and then every row is equally wrong and the header mapping preview shows it.
 */
export function rowShape(headers: readonly string[], fieldCounts: readonly number[]): RowShape {
  let named = headers.length;
  while (named > 0 && (headers[named - 1] ?? '').trim() === '') named--;
  const width = mostCommon(fieldCounts) === headers.length + 1 ? headers.length + 1 : headers.length;
  return { named, headerWidth: headers.length, width };
}

export function shapeProblem(cells: readonly string[], shape: RowShape): ShapeProblem | null {
  if (cells.length < shape.named) return 'tooFewFields';
  if (cells.length > shape.width) return 'tooManyFields';
  for (let i = shape.named; i < cells.length; i++) {
    if ((cells[i] ?? '').trim() !== '') return i < shape.headerWidth ? 'valueBeyondHeader' : 'tooManyFields';
  }
  return null;
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}
