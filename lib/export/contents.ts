import type { PDFPage } from 'pdf-lib';
import { A4, MARGIN, MUTED, type Typesetter } from '@/lib/pdf/layout';
import { contentsTitleLines, dotLeader } from './leaders';
import type { OutlineItem } from '@/lib/pdf/navigation';

/** A section or exhibit: a line of the contents and a bookmark. */
export type Entry = { title: string; pageIndex: number; children: Entry[] };
export type ContentsLink = { tocPage: number; rect: { x: number; y: number; width: number; height: number }; target: number };

const LINE = 17;

/** The contents' title and a page's label: "第 N 页", or "卷二 第 N 页" when `volume` is not the contents' own (`here`). */
export type ContentsLabels = { title: string; page: (volume: number, page: number, here: number) => string };
const PAGE_SIZE = 10;
/** The shortest leader a line keeps: the title wraps rather than touch the page number. */
const MIN_LEADER = 18;
const RIGHT = A4[0] - MARGIN.right;
const topOf = (page: number) => A4[1] - MARGIN.top - (page === 0 ? 40 : 0);

/**
 * The bundle's table of contents: one tree of entries gives both the
 * contents lines (indented by depth) and the bookmarks. The pages are reserved
 * before the sections are laid out and written once every page number is known.
 */
export class Contents {
  readonly entries: Entry[] = [];
  private readonly pages: Array<{ page: PDFPage; index: number; volume: number }> = [];

  add(title: string, pageIndex: number, parent?: Entry): Entry {
    const entry: Entry = { title, pageIndex, children: [] };
    (parent?.children ?? this.entries).push(entry);
    return entry;
  }

  /** Blank pages enough for `lines` lines, for the contents of `volume`. */
  reserve(ts: Typesetter, lines: number, volume = 1): void {
    const perPage = Math.floor((A4[1] - MARGIN.top - MARGIN.bottom - 50) / LINE);
    for (let i = 0; i < Math.ceil(lines / perPage); i++) {
      const page = ts.newPage();
      this.pages.push({ page, index: ts.doc.getPageCount() - 1, volume });
    }
  }

  /**
   * Writes every volume's contents: volume 1's name everything, a later
   * volume's what it holds (with the sections its exhibits belong to).
   */
  write(ts: Typesetter, labels: ContentsLabels, volumeOf: (pageIndex: number) => number): ContentsLink[] {
    const volumes = [...new Set(this.pages.map((p) => p.volume))];
    return volumes.flatMap((here) => this.writeVolume(ts, labels, volumeOf, here));
  }

  /** The lines of volume `here`'s contents, depth first: all in volume 1; elsewhere an entry in that volume or with a child there. */
  private linesFor(here: number, volumeOf: (pageIndex: number) => number): Array<{ entry: Entry; level: number }> {
    const holds = (e: Entry): boolean => here === 1 || volumeOf(e.pageIndex) === here || e.children.some(holds);
    const lines: Array<{ entry: Entry; level: number }> = [];
    const walk = (list: Entry[], level: number) => list.filter(holds).forEach((entry) => (lines.push({ entry, level }), walk(entry.children, level + 1)));
    walk(this.entries, 0);
    return lines;
  }

  /**
   * Writes the lines: title at its depth, a dot leader, and "第 N 页" (or "卷二 第 N 页" for a page in
   * another volume) right-aligned. A long title wraps (at most three lines) while the reserved pages have
   * room to spare, its leader on the last line; past that it is cut with an ellipsis, never overflowing.
   * Returns the links to make, only to pages in the contents' own volume (`here`).
   */
  private writeVolume(ts: Typesetter, labels: ContentsLabels, volumeOf: (pageIndex: number) => number, here: number): ContentsLink[] {
    const { fonts } = ts;
    const items = this.linesFor(here, volumeOf);
    const pages = this.pages.filter((p) => p.volume === here);
    const pageTexts = items.map(({ entry }) => labels.page(volumeOf(entry.pageIndex), entry.pageIndex + 1, here));
    // Leaders end at one column, left of the widest page label, so their dots line up down the page.
    const leaderEnd = RIGHT - Math.max(0, ...pageTexts.map((t) => ts.measure.width(t, fonts.regular, PAGE_SIZE))) - 6;
    const capacities = pages.map((_, i) => Math.floor((topOf(i) - MARGIN.bottom) / LINE));
    let spare = capacities.reduce((a, b) => a + b, 0) - items.length;
    const links: ContentsLink[] = [];
    let pageNo = 0;
    let n = 0;
    if (pages[0]) ts.draw(labels.title, { x: MARGIN.left, y: A4[1] - MARGIN.top - 22, size: 18, font: fonts.bold }, pages[0].page);
    items.forEach(({ entry, level }, i) => {
      const size = level === 0 ? 11 : 10;
      const font = level < 2 ? fonts.bold : fonts.regular;
      const x = MARGIN.left + level * 16;
      let titleLines = contentsTitleLines(ts, entry.title, leaderEnd - x - MIN_LEADER, font, size);
      // Extra lines a wrap costs, and the lines left empty when it moves whole to the next page.
      const cost = (count: number) => count - 1 + (n + count > (capacities[pageNo] ?? 0) ? (capacities[pageNo] ?? 0) - n : 0);
      if (titleLines.length > 1 && cost(titleLines.length) > spare) titleLines = [ts.measure.fit(entry.title, leaderEnd - x - MIN_LEADER, font, size)];
      spare -= cost(titleLines.length);
      // A wrapped entry stays on one page.
      if (n + titleLines.length > (capacities[pageNo] ?? 0) && pageNo + 1 < pages.length) {
        pageNo++;
        n = 0;
      }
      const target = pages[pageNo];
      if (!target) return;
      const top = topOf(pageNo);
      titleLines.forEach((line, k) => ts.draw(line, { x, y: top - (n + k + 1) * LINE, size, font }, target.page));
      const y = top - (n + titleLines.length) * LINE;
      const lastEnd = x + ts.measure.width(titleLines.at(-1) ?? '', font, size);
      const leader = dotLeader(ts, lastEnd + 4, leaderEnd, fonts.regular);
      if (leader) ts.draw(leader.text, { x: leader.x, y, size: PAGE_SIZE, font: fonts.regular, color: MUTED }, target.page);
      const pageText = pageTexts[i] ?? '';
      ts.draw(pageText, { x: RIGHT - ts.measure.width(pageText, fonts.regular, PAGE_SIZE), y, size: PAGE_SIZE, font: fonts.regular }, target.page);
      if (volumeOf(entry.pageIndex) === here) {
        links.push({ tocPage: target.index, rect: { x, y: y - 4, width: RIGHT - x, height: LINE * titleLines.length }, target: entry.pageIndex });
      }
      n += titleLines.length;
    });
    return links;
  }

  /**
   * The bookmarks of a document holding some of the pages (`pageOf` maps a
   * bundle page to its page there, or undefined). A group whose own page is in
   * another volume opens at its first child here.
   */
  outline(pageOf: (pageIndex: number) => PDFPage | undefined): OutlineItem[] {
    const item = (e: Entry): OutlineItem | undefined => {
      const children = e.children.map(item).filter((o): o is OutlineItem => !!o);
      const page = pageOf(e.pageIndex) ?? children[0]?.page;
      return page ? { title: e.title, page, children } : undefined;
    };
    return this.entries.map(item).filter((o): o is OutlineItem => !!o);
  }
}
