import type { PDFFont } from 'pdf-lib';
import { INK, type Typesetter } from '@/lib/pdf/layout';
import type { ContentsLink } from './contents';

/** Where a page label goes once the exhibit's page is known. */
type Spot = { pageIndex: number; x: number; y: number; size: number; font: PDFFont; exhibitId: string };
/**
 * Text drawn once every page exists (the statement, statement-pages.ts): given where a key points
 * (a page index, undefined when it has none) and a page's volume, it draws and returns its links.
 */
export type Deferred = (targetOf: (key: string) => number | undefined, volumeOf: (pageIndex: number) => number) => ContentsLink[];

/** The key of one chat message of an exhibit, for a label pointing at the page that message lands on. */
export const lineKey = (exhibitId: string, message: number) => `${exhibitId}#${message}`;
/** The key of an order's dossier page, for the statement's references to the order. */
export const orderKey = (orderNo: string) => `order#${orderNo}`;
/** "第 N 页" for a page in this volume, "卷二 第 N 页" for one in another (as the contents print them). */
export type PageLabel = (volume: number, page: number, here: number) => string;

/** The widest label a bundle prints, so a reserved spot never overlaps what follows it. */
const WIDEST = '卷十二 第 88888 页';

/**
 * References to an exhibit's first page from pages laid out before it (the
 * checklist, the dossiers, the statement): the writer reserves a spot of fixed
 * width where the label goes, and once every page exists the labels are drawn
 * and the links made, as the contents are. An exhibit without pages (not in
 * the bundle) gets a dash, never a dangling number.
 */
export class PageRefs {
  private readonly spots: Spot[] = [];
  /** Pages of keys that name a spot within an exhibit (lineKey), recorded as they are typeset. */
  private readonly marks = new Map<string, number>();
  private readonly wanted = new Set<string>();
  private readonly deferred: Deferred[] = [];

  constructor(private readonly ts: Typesetter) {}

  /** Points a label of `size` takes (the widest one the bundle can print). */
  width(size: number, bold = false): number {
    return this.ts.measure.width(WIDEST, this.ts.font(bold), size);
  }

  /**
   * Reserves the label of `exhibitId`'s first page at (x, y), on the current page; or, for a
   * `lineKey`, of the page its message lands on (recorded by `mark` when the exhibit is typeset).
   */
  at(exhibitId: string, x: number, y: number, size: number, bold = false): void {
    if (exhibitId.includes('#')) this.wanted.add(exhibitId);
    this.spots.push({ pageIndex: this.ts.doc.getPageCount() - 1, x, y, size, font: this.ts.font(bold), exhibitId });
  }

  /** Runs `draw` when the labels are drawn, for text whose words depend on the pages `keys` point at. */
  later(keys: Iterable<string>, draw: Deferred): void {
    for (const key of keys) if (key.includes('#')) this.wanted.add(key);
    this.deferred.push(draw);
  }

  /**
   * One line at the cursor: `text` (cut to fit) and the page label of `exhibitId` after it,
   * e.g. "B-003  供货合同 ………… 第 45 页" when `text` names the exhibit.
   */
  line(text: string, exhibitId: string, { size = 10, indent = 0, bold = false } = {}): void {
    const { ts } = this;
    const step = size * 1.55;
    const font = ts.font(bold);
    const room = this.width(size, bold);
    ts.ensure(step);
    ts.y -= step;
    const y = ts.y + (step - size) / 2;
    const words = ts.measure.fit(text, ts.width - indent - room - 8, font, size);
    ts.draw(words, { x: ts.left + indent, y, size, font, color: INK });
    this.at(exhibitId, ts.left + indent + ts.measure.width(words, font, size) + 6, y, size, bold);
  }

  /**
   * Records the current page as `key`'s, the first time only; only keys a label asks for are kept,
   * so a renderer can mark every message of a 20,000-line log and hold just the few referenced.
   */
  mark(key: string): void {
    if (this.wanted.has(key) && !this.marks.has(key)) this.marks.set(key, this.ts.doc.getPageCount() - 1);
  }

  /**
   * The pages of an exhibit's messages that labels ask for, when its pages were typeset apart and
   * copied in at `start`: `marks` are [message, page] where messages start on a new page (ExhibitMeta).
   */
  markFrom(exhibitId: string, marks: ReadonlyArray<readonly [number, number]>, start: number): void {
    const prefix = `${exhibitId}#`;
    for (const key of this.wanted) {
      if (!key.startsWith(prefix) || this.marks.has(key)) continue;
      const message = Number(key.slice(prefix.length));
      let page: number | undefined;
      for (const [m, p] of marks) {
        if (m > message) break;
        page = p;
      }
      if (page !== undefined) this.marks.set(key, start + page);
    }
  }

  /**
   * Draws every label: `startOf` gives an exhibit's first page index (undefined when it has
   * none), `volumeOf` a page's volume. Returns the links, to pages of the label's own volume
   * only (a link across volumes would point into another file).
   */
  write(label: PageLabel, startOf: (exhibitId: string) => number | undefined, volumeOf: (pageIndex: number) => number): ContentsLink[] {
    const pages = this.ts.doc.getPages();
    const links: ContentsLink[] = [];
    const targetOf = (key: string) => this.marks.get(key) ?? startOf(key);
    for (const spot of this.spots) {
      const page = pages[spot.pageIndex];
      if (!page) continue;
      const target = targetOf(spot.exhibitId);
      const here = volumeOf(spot.pageIndex);
      const text = target === undefined ? '—' : label(volumeOf(target), target + 1, here);
      this.ts.draw(text, { x: spot.x, y: spot.y, size: spot.size, font: spot.font, color: INK }, page);
      if (target !== undefined && volumeOf(target) === here) {
        const width = this.ts.measure.width(text, spot.font, spot.size);
        links.push({ tocPage: spot.pageIndex, rect: { x: spot.x - 1, y: spot.y - spot.size * 0.3, width: width + 2, height: spot.size * 1.3 }, target });
      }
    }
    for (const draw of this.deferred) links.push(...draw(targetOf, volumeOf));
    return links;
  }
}
