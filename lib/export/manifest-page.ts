import { StandardFonts, rgb, type PDFDocument, type PDFFont } from 'pdf-lib';
import { INK, MARGIN, MUTED, RULE, type Typesetter } from '@/lib/pdf/layout';
import { KINDS } from '@/lib/evidence/inspect/file-kind';
import type { Exhibit } from './collect';

/** One exhibit as the printed manifest shows it; every value already in the bundle's words. */
export type ManifestLine = {
  exhibitId: string;
  title: string;
  originalName: string;
  type: string;
  size: [number: string, unit: string];
  uploadedAt: string;
  sha256: string;
  /** Said under the name when the original is not attached (a photo with GPS the merchant left out). */
  note?: string;
};
export type ManifestLabels = { exhibitId: string; titleAndName: string; type: string; size: string; uploadedAt: string; sha256: string };

const SIZE = 9;
const STEP = SIZE * 1.5;
const PAD = 4;
// Columns in points from the left margin (the line is 491 pt): id, title and name, type, size (number right-aligned
// at SIZE_RIGHT, unit after it), upload time. The hash line starts under the title, so 64 Courier digits fit on it.
const COL = { id: 0, title: 50, type: 266, sizeRight: 372, unit: 375, uploaded: 404 } as const;
const TITLE_WIDTH = COL.type - COL.title - 8;

/**
 * A reader's name for the file type (JPEG 照片, Excel 表格), not a MIME type. A text file filed as a chat
 * log is a chat log; a kind the bundle does not know keeps its MIME type as it is, never a guess.
 */
export function typeName(exhibit: Pick<Exhibit, 'kind' | 'mime' | 'category'>, types: (key: string) => string): string {
  if (exhibit.kind === 'text' && exhibit.category === 'chat') return types('chat');
  return Object.hasOwn(KINDS, exhibit.kind) ? types(exhibit.kind) : exhibit.mime;
}

/** Size as a number and a unit, so numbers right-align and units stand in their own column. */
export function sizeParts(bytes: number): [string, string] {
  if (bytes < 1024) return [String(bytes), 'B'];
  if (bytes < 1024 * 1024) return [(bytes / 1024).toFixed(1), 'KB'];
  return [(bytes / 1024 / 1024).toFixed(1), 'MB'];
}

/**
 * Courier from the PDF's standard fonts: nothing embedded, and its digits and a-f all have one width, so
 * hashes line up and a reviewer can compare them by eye. Hashes are ASCII, which is all it covers.
 */
export function monoFont(doc: PDFDocument): PDFFont {
  return doc.embedStandardFont(StandardFonts.Courier);
}

/**
 * The manifest as records: a first line with the id, title, type, size and upload time, the original
 * name under the title, and the SHA-256 whole on its own line in a monospace face at 9 pt. The header
 * repeats on every page and a record never splits across pages.
 */
export function drawManifest(ts: Typesetter, mono: PDFFont, labels: ManifestLabels, lines: readonly ManifestLine[]): void {
  const { fonts, measure } = ts;
  const at = (x: number) => ts.left + x;
  const text = (value: string, x: number, y: number, font = fonts.regular, color = INK) => ts.draw(value, { x: at(x), y, size: SIZE, font, color });
  const right = (value: string, x: number, y: number, font = fonts.regular) => text(value, x - measure.width(value, font, SIZE), y, font);
  const header = () => {
    const h = STEP + 2 * PAD;
    ts.page.drawRectangle({ x: ts.left, y: ts.y - h, width: ts.width, height: h, color: rgb(0.94, 0.95, 0.97) });
    const y = ts.y - PAD - STEP + (STEP - SIZE) / 2;
    text(labels.exhibitId, COL.id, y, fonts.bold);
    text(labels.titleAndName, COL.title, y, fonts.bold);
    text(labels.type, COL.type, y, fonts.bold);
    right(labels.size, COL.unit + 12, y, fonts.bold);
    text(labels.uploadedAt, COL.uploaded, y, fonts.bold);
    ts.gap(h);
  };
  ts.ensure(STEP * 6);
  header();
  for (const line of lines) {
    const titleLines = measure.wrap(line.title, TITLE_WIDTH, fonts.bold, SIZE).slice(0, 3);
    const noteLines = line.note ? 1 : 0;
    const rows = titleLines.length + 2 + noteLines;
    const height = rows * STEP + 2 * PAD;
    if (ts.y - height < MARGIN.bottom) {
      ts.newPage();
      header();
    }
    const base = (n: number) => ts.y - PAD - (n + 1) * STEP + (STEP - SIZE) / 2;
    text(line.exhibitId, COL.id, base(0), fonts.bold);
    titleLines.forEach((t, n) => text(t, COL.title, base(n), fonts.bold));
    text(measure.fit(line.type, COL.sizeRight - COL.type - 40, fonts.regular, SIZE), COL.type, base(0));
    right(line.size[0], COL.sizeRight, base(0));
    text(line.size[1], COL.unit, base(0), fonts.regular, MUTED);
    text(line.uploadedAt, COL.uploaded, base(0));
    text(measure.fit(line.originalName, ts.width - COL.title, fonts.regular, SIZE), COL.title, base(titleLines.length), fonts.regular, MUTED);
    if (line.note) text(measure.fit(line.note, ts.width - COL.title, fonts.regular, SIZE), COL.title, base(titleLines.length + 1), fonts.regular, MUTED);
    const hashY = base(titleLines.length + 1 + noteLines);
    text(labels.sha256, COL.title, hashY, fonts.regular, MUTED);
    ts.draw(line.sha256, { x: at(COL.title + 44), y: hashY, size: SIZE, font: mono });
    ts.gap(height);
    ts.page.drawLine({ start: { x: ts.left, y: ts.y }, end: { x: ts.left + ts.width, y: ts.y }, thickness: 0.4, color: RULE });
  }
}
