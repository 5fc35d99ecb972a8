import type { PDFPage } from 'pdf-lib';
import { A4, MARGIN, type Typesetter } from '@/lib/pdf/layout';
import type { OutlineItem } from '@/lib/pdf/navigation';

/** A section or exhibit: a line of the contents and a bookmark. */
export type Entry = { title: string; pageIndex: number; children: Entry[] };
export type ContentsLink = { tocPage: number; rect: { x: number; y: number; width: number; height: number }; target: number };

const LINE = 17;

/** The contents' title and a page's label: "第 N 页", or "卷二 第 N 页" when `volume` is not the contents' own (`here`). */
export type ContentsLabels = { title: string; page: (volume: number, page: number, here: number) => string };

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
   * Writes one volume's contents pages: title at its depth, "第 N 页" (or
   * "卷二 第 N 页" for a page in another volume) at the right. Returns the
   * links to make, only to pages in the contents' own volume (`here`).
   */
  private writeVolume(ts: Typesetter, labels: ContentsLabels, volumeOf: (pageIndex: number) => number, here: number): ContentsLink[] {
    const { fonts } = ts;
    const lines = this.linesFor(here, volumeOf);
    const links: ContentsLink[] = [];
    const right = A4[0] - MARGIN.right;
    let line = 0;
    for (const [i, { page, index }] of this.pages.filter((p) => p.volume === here).entries()) {
      const top = A4[1] - MARGIN.top - (i === 0 ? 40 : 0);
      if (i === 0) ts.draw(labels.title, { x: MARGIN.left, y: A4[1] - MARGIN.top - 22, size: 18, font: fonts.bold }, page);
      const capacity = Math.floor((top - MARGIN.bottom) / LINE);
      for (let n = 0; n < capacity && line < lines.length; n++, line++) {
        const { entry, level } = lines[line] as (typeof lines)[number];
        const y = top - (n + 1) * LINE;
        const indent = level * 16;
        const volume = volumeOf(entry.pageIndex);
        const pageText = labels.page(volume, entry.pageIndex + 1, here);
        const size = level === 0 ? 11 : 10;
        const font = level < 2 ? fonts.bold : fonts.regular;
        const pageWidth = ts.measure.width(pageText, fonts.regular, size);
        ts.draw(ts.measure.fit(entry.title, right - MARGIN.left - indent - pageWidth - 24, font, size), { x: MARGIN.left + indent, y, size, font }, page);
        ts.draw(pageText, { x: right - pageWidth, y, size, font: fonts.regular }, page);
        if (volume === here) links.push({ tocPage: index, rect: { x: MARGIN.left + indent, y: y - 4, width: right - MARGIN.left - indent, height: LINE }, target: entry.pageIndex });
      }
    }
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
