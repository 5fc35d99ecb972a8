import { PDFNumber, PDFOperator, rgb, setFillingColor, setStrokingColor, type Color, type PDFDocument, type PDFFont, type PDFName, type PDFOperatorNames, type PDFPage } from 'pdf-lib';
import { drawnAs, MISSING_MARK } from './glyphs';
import { Measure } from './measure';

/** A4 portrait in points. */
export const A4: [number, number] = [595.28, 841.89];
/**
 * Margins of the pages the bundle typesets. The top band holds the exhibit stamp
 * and the bottom band the page number, so stamps never cover typeset content.
 */
export const MARGIN = { top: 60, bottom: 60, left: 52, right: 52 } as const;

export type Fonts = { regular: PDFFont; bold: PDFFont };
export type TextStyle = { size?: number; bold?: boolean; color?: Color; indent?: number; lineHeight?: number };
export type DrawOptions = { x: number; y: number; size: number; font: PDFFont; color?: Color };

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.4, 0.4, 0.45);
export const RULE = rgb(0.78, 0.78, 0.8);

/**
 * Operators given as text, in one PDFOperator: pdf-lib writes an operator's name as it is and each
 * operator on a line of its own, so the page's content stream gets the same bytes as from the
 * operators one by one, without an object per operator and number (a chat log's thousands of
 * lines made millions of them).
 */
function operators(...lines: string[]): PDFOperator {
  return PDFOperator.of(lines.join('\n') as PDFOperatorNames);
}

/**
 * Flowing text on A4 pages: keeps a cursor, wraps, and opens a new page when
 * the next block does not fit. Every page it opens is reported to `onPage`,
 * so the bundle knows which exhibit a page belongs to.
 */
export class Typesetter {
  page!: PDFPage;
  y = 0;
  readonly measure = new Measure();
  /** Characters drawn that the font has no glyph for (printed as □). */
  readonly missing = new Set<string>();
  private readonly glyphCodes = new Map<PDFFont, Map<string, string>>();
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
  private readonly colours = new WeakMap<Color, { fill: string; stroke: string }>();
  private readonly numbers = new Map<number, string>();

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly onPage: (page: PDFPage) => void = () => {},
  ) {}

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return MARGIN.bottom;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
    this.onPage(this.page);
    return this.page;
  }

  /**
   * One line of text, on the current page unless another is given. pdf-lib's page.drawText lays
   * each line out with fontkit, adds the font to the page's resources again on every call (a /Font
   * entry per line drawn) and formats a dozen numbers; a 2,000-line chat log spent most of its time
   * there. Here glyph codes are cached per character, a font is added once a page, and positions
   * are rounded to 1/100 pt and their PDF numbers reused.
   */
  draw(text: string, { x, y, size, font, color = INK }: DrawOptions, page: PDFPage = this.page): void {
    const key = this.fontKey(font, page).toString();
    page.pushOperators(operators('q', 'BT', this.colour(color, 'fill'), `${key} ${this.pdfNumber(size)} Tf`, `${this.pdfNumber(x)} ${this.pdfNumber(y)} Td`, `<${this.glyphHex(text, font)}> Tj`, 'ET', 'Q'));
  }

  /**
   * A rectangle filled with `color` and outlined with `borderColor`: the operators pdf-lib's
   * drawRectangle writes, numbers unrounded (PDFium antialiases a `re` rectangle differently).
   */
  box({ x, y, width, height, color, borderColor, borderWidth }: { x: number; y: number; width: number; height: number; color: Color; borderColor: Color; borderWidth: number }, page: PDFPage = this.page): void {
    const n = (value: number) => PDFNumber.of(value).toString();
    page.pushOperators(
      operators('q', this.colour(color, 'fill'), this.colour(borderColor, 'stroke'), `${n(borderWidth)} w`, '[] 0 d', `1 0 0 1 ${n(x)} ${n(y)} cm`, '1 0 0 1 0 0 cm', '1 0 0 1 0 0 cm', '0 0 m', `0 ${n(height)} l`, `${n(width)} ${n(height)} l`, `${n(width)} 0 l`, 'h', 'B', 'Q'),
    );
  }

  /** The name `font` has in the page's resources: added once a page. */
  fontKey(font: PDFFont, page: PDFPage = this.page): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }

  /** Every character drawn so far in `font`, with its glyph codes (hex): what a copied page needs to be re-encoded. */
  drawnCodes(font: PDFFont): ReadonlyMap<string, string> {
    return this.glyphCodes.get(font) ?? new Map();
  }

  /** The glyph codes (hex) `text` is drawn with in `font`, as draw() writes them. */
  glyphHex(text: string, font: PDFFont): string {
    let codes = this.glyphCodes.get(font);
    if (!codes) this.glyphCodes.set(font, (codes = new Map()));
    let hex = '';
    for (const ch of text) {
      let code = codes.get(ch);
      if (code === undefined) {
        const drawn = drawnAs(font, ch);
        // A PDFHexString prints as <0a1b>: keep the digits.
        code = drawn.text ? font.encodeText(drawn.text).toString().slice(1, -1) : '';
        if (drawn.missing || (/^0+$/.test(code) && ch.trim())) {
          // Not in the font (an emoji in a chat log, or a character the subset was not told about):
          // a visible □ rather than a silent gap, and remembered so the bundle can report it.
          this.missing.add(ch);
          code = font.encodeText(MISSING_MARK).toString().slice(1, -1);
        }
        codes.set(ch, code);
      }
      hex += code;
    }
    return hex;
  }

  /** The operator that sets `color` for filling or stroking, as pdf-lib writes it. */
  private colour(color: Color, use: 'fill' | 'stroke'): string {
    let written = this.colours.get(color);
    if (!written) this.colours.set(color, (written = { fill: setFillingColor(color).toString(), stroke: setStrokingColor(color).toString() }));
    return written[use];
  }

  /** A position or size to 1/100 pt, written as pdf-lib writes numbers. */
  private pdfNumber(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    let number = this.numbers.get(rounded);
    if (!number) this.numbers.set(rounded, (number = PDFNumber.of(rounded).toString()));
    return number;
  }

  /** Opens a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (!this.page || this.y - height < MARGIN.bottom) this.newPage();
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Wrapped text at the cursor; long text continues on new pages. Returns the lines drawn. */
  text(text: string, style: TextStyle = {}): number {
    const { size = 10.5, bold = false, color = INK, indent = 0, lineHeight = 1.55 } = style;
    const font = this.font(bold);
    const step = size * lineHeight;
    const lines = this.measure.wrap(text, this.width - indent, font, size);
    for (const line of lines) {
      this.ensure(step);
      this.y -= step;
      if (line) this.draw(line, { x: this.left + indent, y: this.y + (step - size) / 2, size, font, color });
    }
    return lines.length;
  }

  heading(text: string, size = 16): void {
    this.ensure(size * 3);
    this.gap(size * 0.4);
    this.text(text, { size, bold: true, lineHeight: 1.4 });
    this.gap(size * 0.4);
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(color = RULE): void {
    this.ensure(8);
    this.y -= 4;
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.6, color });
    this.y -= 4;
  }

  /** A label/value list (cover, captions): labels in a fixed column, values wrapped beside them. */
  fields(rows: ReadonlyArray<readonly [label: string, value: string]>, { size = 10.5, labelWidth = 110 } = {}): void {
    const step = size * 1.55;
    for (const [label, value] of rows) {
      const lines = this.measure.wrap(value || '—', this.width - labelWidth, this.fonts.regular, size);
      this.ensure(step * Math.min(lines.length, 3));
      this.draw(this.measure.fit(label, labelWidth - 8, this.fonts.bold, size), { x: this.left, y: this.y - step + (step - size) / 2, size, font: this.fonts.bold, color: MUTED });
      for (const line of lines) {
        this.ensure(step);
        this.y -= step;
        if (line) this.draw(line, { x: this.left + labelWidth, y: this.y + (step - size) / 2, size, font: this.fonts.regular, color: INK });
      }
    }
  }

  /**
   * A table across pages: the header row repeats on every page, cells wrap and
   * are cut after `maxLines` lines (with an ellipsis) so one cell never fills a page.
   * `widths` are relative; they are scaled to the line width. Returns how many body
   * cells were cut, for the caller to say so next to the table.
   */
  table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, { widths, size = 8.5, maxLines = 6 }: { widths?: readonly number[]; size?: number; maxLines?: number } = {}): number {
    const weights = widths ?? header.map(() => 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const cols = weights.map((w) => (w / total) * this.width);
    const pad = 3;
    const step = size * 1.35;
    let cut = 0;
    const layoutRow = (cells: readonly string[], bold: boolean) =>
      cols.map((w, i) => {
        // Only the start of a long cell can show: wrapping all of a 200,000-character cell took 0.8 s.
        // No line holds 400 characters (a 1.2 pt glyph at 6 pt across the page), so the cut is the same.
        const text = cells[i] ?? '';
        const lines = this.measure.wrap(text.length > maxLines * 400 ? text.slice(0, maxLines * 400) : text, w - 2 * pad, this.font(bold), size);
        if (lines.length <= maxLines) return lines;
        if (!bold) cut += 1;
        const kept = lines.slice(0, maxLines);
        kept[maxLines - 1] = this.measure.fit(`${kept[maxLines - 1]}…`, w - 2 * pad, this.font(bold), size);
        return kept;
      });
    const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((c) => c.length)) * step + 2 * pad;
    const drawRow = (cells: string[][], bold: boolean, shade: boolean) => {
      const h = heightOf(cells);
      const top = this.y;
      if (shade) this.page.drawRectangle({ x: this.left, y: top - h, width: this.width, height: h, color: rgb(0.94, 0.95, 0.97) });
      let x = this.left;
      cells.forEach((lines, i) => {
        lines.forEach((line, n) => {
          if (line) this.draw(line, { x: x + pad, y: top - pad - (n + 1) * step + (step - size) / 2, size, font: this.font(bold), color: INK });
        });
        x += cols[i] ?? 0;
      });
      this.y -= h;
      this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.4, color: RULE });
    };
    const head = layoutRow(header, true);
    const headHeight = heightOf(head);
    const startPage = () => {
      this.ensure(headHeight + step * 2 + 2 * pad);
      drawRow(head, true, true);
    };
    startPage();
    for (const row of rows) {
      const cells = layoutRow(row, false);
      if (this.y - heightOf(cells) < MARGIN.bottom) {
        this.newPage();
        drawRow(head, true, true);
      }
      drawRow(cells, false, false);
    }
    return cut;
  }
}
