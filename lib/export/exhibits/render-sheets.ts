import { MUTED, type Typesetter } from '@/lib/pdf/layout';
import type { Sheet } from './sheet';

export type SheetLabels = { sheet: (name: string) => string; omitted: (count: number) => string; cutCells: (count: number) => string };

/** Past this many columns a table is printed in column groups; each group holds at most MAX_GROUP. */
const SPLIT_ABOVE = 16;
const MAX_GROUP = 12;
const SAMPLE_ROWS = 200;
const MIN_SHARE = 0.06;
const MAX_SHARE = 0.4;
const CELL_PAD = 6;

/** 8.5 pt up to 6 columns, 6 pt from 12, in half points between. */
export function tableFontSize(columns: number): number {
  if (columns <= 6) return 8.5;
  if (columns >= 12) return 6;
  return Math.round((8.5 - ((columns - 6) * 2.5) / 6) * 2) / 2;
}

/**
 * Column indexes per printed table. A wide export (Taobao writes 40+ columns) is split into groups
 * that each repeat the first column, usually the order number, so every row stays identifiable.
 */
export function columnGroups(count: number): number[][] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (count <= SPLIT_ABOVE) return [all];
  const rest = all.slice(1);
  const groups = Math.ceil(rest.length / (MAX_GROUP - 1));
  const per = Math.ceil(rest.length / groups);
  return Array.from({ length: groups }, (_, g) => [0, ...rest.slice(g * per, (g + 1) * per)]);
}

/**
 * Relative widths from what the columns typically hold (80th percentile of a sample of rows, and
 * most of the header), clamped so no column gets under 6% or over 40% of the line.
 */
export function columnWidths(ts: Typesetter, header: readonly string[], body: ReadonlyArray<readonly string[]>, size: number): number[] {
  const step = Math.max(1, body.length / SAMPLE_ROWS);
  const sample: (readonly string[])[] = [];
  for (let i = 0; i < body.length && sample.length < SAMPLE_ROWS; i += step) sample.push(body[Math.floor(i)] ?? []);
  const font = ts.fonts.regular;
  const widthOf = (text: string) => Math.min(ts.width * MAX_SHARE, ts.measure.width(text.replace(/\s+/g, ' '), font, size));
  const raw = header.map((title, c) => {
    const widths = sample.map((row) => widthOf(row[c] ?? '')).sort((a, b) => a - b);
    const typical = widths[Math.floor(widths.length * 0.8)] ?? widths.at(-1) ?? 0;
    return Math.max(typical, widthOf(title) * 0.7) + CELL_PAD + 1;
  });
  const max = raw.length * MAX_SHARE >= 1 ? MAX_SHARE : 1;
  let shares = raw.map((w) => w / raw.reduce((a, b) => a + b, 0));
  // Clamping one column changes everyone's share after normalising: a few rounds settle it.
  for (let round = 0; round < 8; round++) {
    const clamped = shares.map((s) => Math.min(max, Math.max(MIN_SHARE, s)));
    const total = clamped.reduce((a, b) => a + b, 0);
    shares = clamped.map((s) => s / total);
  }
  return shares;
}

/** Each sheet as a table whose header repeats on every page; a wide sheet in column groups. */
export function renderSheets(ts: Typesetter, sheets: Sheet[], labels: SheetLabels): void {
  sheets.forEach((sheet, index) => {
    const [header = [], ...body] = sheet.rows;
    if (index > 0) ts.gap(14);
    if (sheets.length > 1) {
      ts.ensure(60);
      ts.text(labels.sheet(sheet.name), { size: 9.5, bold: true, lineHeight: 1.6 });
    }
    let cut = 0;
    columnGroups(header.length).forEach((group, g) => {
      if (g > 0) ts.gap(10);
      const pick = (row: readonly string[]) => group.map((c) => row[c] ?? '');
      const size = tableFontSize(group.length);
      const rows = body.map(pick);
      cut += ts.table(pick(header), rows, { widths: columnWidths(ts, pick(header), rows, size), size });
    });
    // What the table does not show is said next to it: the whole text is in the original file.
    const notes = [cut > 0 ? labels.cutCells(cut) : '', sheet.omittedRows > 0 ? labels.omitted(sheet.omittedRows) : ''].filter(Boolean);
    if (notes.length > 0) ts.gap(4);
    for (const note of notes) ts.text(note, { size: 8, color: MUTED });
  });
}

/** Every character renderSheets draws apart from the labels, for embedChineseFonts. */
export function sheetCharacters(sheets: readonly Sheet[]): string {
  return `…${sheets.map((sheet) => sheet.name + sheet.rows.map((row) => row.join('')).join('')).join('')}`;
}
