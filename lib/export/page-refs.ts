import type { PDFFont } from 'pdf-lib';
import { INK, type Typesetter } from '@/lib/pdf/layout';
import type { ContentsLink } from './contents';

/** Where a page label goes once the exhibit's page is known. */
type Spot = { pageIndex: number; x: number; y: number; size: number; font: PDFFont; exhibitId: string };
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

  constructor(private readonly ts: Typesetter) {}

  /** Points a label of `size` takes (the widest one the bundle can print). */
  width(size: number, bold = false): number {
    return this.ts.measure.width(WIDEST, this.ts.font(bold), size);
  }

  /** Reserves the label of `exhibitId`'s first page at (x, y), on the current page. */
  at(exhibitId: string, x: number, y: number, size: number, bold = false): void {
    this.spots.push({ pageIndex: this.ts.doc.getPageCount() - 1, x, y, size, font: this.ts.font(bold), exhibitId });
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
   * Draws every label: `startOf` gives an exhibit's first page index (undefined when it has
   * none), `volumeOf` a page's volume. Returns the links, to pages of the label's own volume
   * only (a link across volumes would point into another file).
   */
  write(label: PageLabel, startOf: (exhibitId: string) => number | undefined, volumeOf: (pageIndex: number) => number): ContentsLink[] {
    const pages = this.ts.doc.getPages();
    const links: ContentsLink[] = [];
    for (const spot of this.spots) {
      const page = pages[spot.pageIndex];
      if (!page) continue;
      const target = startOf(spot.exhibitId);
      const here = volumeOf(spot.pageIndex);
      const text = target === undefined ? '—' : label(volumeOf(target), target + 1, here);
      this.ts.draw(text, { x: spot.x, y: spot.y, size: spot.size, font: spot.font, color: INK }, page);
      if (target !== undefined && volumeOf(target) === here) {
        const width = this.ts.measure.width(text, spot.font, spot.size);
        links.push({ tocPage: spot.pageIndex, rect: { x: spot.x - 1, y: spot.y - spot.size * 0.3, width: width + 2, height: spot.size * 1.3 }, target });
      }
    }
    return links;
  }
}
