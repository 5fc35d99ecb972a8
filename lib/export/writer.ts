import 'server-only';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER } from '@/lib/evidence/categories';
import { EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { A4, MARGIN, MUTED, Typesetter, type Fonts } from '@/lib/pdf/layout';
import type { OutlineItem } from '@/lib/pdf/navigation';
import { makeStampRoom, stampPage } from '@/lib/pdf/page-marks';
import { formatCalendarDate } from '@/lib/schemas/dates';
import type { BlobStore } from '@/lib/storage';
import { chinaDate, chinaTime, fileSize, money, type BundleText } from './bundle-text';
import type { BundleData, Exhibit } from './collect';
import { renderChat, renderPlainText } from './exhibits/text';
import { renderSheets } from './exhibits/sheet';
import { IMAGE_BOX, type PageImage } from './images';
import { read, type PlaceholderReason, type Prepared } from './prepare';

export type BundleWarning = { exhibitId: string; reason: PlaceholderReason };
/** A section or exhibit: a line of the contents and a bookmark. */
type Entry = { title: string; pageIndex: number; children: Entry[] };
export type ContentsLink = { tocPage: number; rect: { x: number; y: number; width: number; height: number }; target: number };

const TOC_LINE = 17;
const FINDINGS_PER_RULE = 25;

/**
 * Lays the bundle out page by page into one document, keeping what the
 * finishing steps need: the contents tree, which exhibit each page belongs to
 * (for its stamp), where each volume starts, and the exhibits that became
 * explanation pages. Page numbers are stamped over the whole document, so they
 * run on across volumes.
 */
export class BundleWriter {
  readonly ts: Typesetter;
  readonly entries: Entry[] = [];
  readonly volumeStarts: number[] = [];
  readonly warnings: BundleWarning[] = [];
  private readonly pageExhibit: Array<string | undefined> = [];
  private currentExhibit: string | undefined;
  private tocPages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly data: BundleData,
    private readonly text: BundleText,
    private readonly volumeCount: number,
    private readonly now: Date,
  ) {
    this.ts = new Typesetter(doc, fonts, () => this.pageExhibit.push(this.currentExhibit));
  }

  /** Where the cursor's page is, as an entry of the contents. */
  private entry(title: string, parent?: Entry): Entry {
    const e: Entry = { title, pageIndex: this.doc.getPageCount() - 1, children: [] };
    (parent?.children ?? this.entries).push(e);
    return e;
  }

  cover(volume: number): void {
    const { ts, text, data } = this;
    const { b } = text;
    const c = data.case;
    this.currentExhibit = undefined;
    this.volumeStarts.push(this.doc.getPageCount());
    ts.newPage();
    ts.gap(70);
    ts.text(b('documentTitle'), { size: 30, bold: true, lineHeight: 1.3 });
    if (this.volumeCount > 1) ts.text(b('cover.volumeOf', { n: text.volume(volume), total: text.volume(this.volumeCount) }), { size: 16, bold: true, color: MUTED });
    ts.gap(10);
    ts.text(c.title, { size: 16 });
    ts.gap(24);
    ts.rule();
    ts.gap(8);
    ts.fields([
      [b('cover.platform'), text.platformName],
      [b('cover.shopName'), c.shopName],
      [b('cover.shopId'), c.shopId],
      [b('cover.noticeNumber'), c.noticeNumber],
      [b('cover.noticeDate'), formatCalendarDate(c.noticeDate)],
      [b('cover.appealDeadline'), formatCalendarDate(c.appealDeadline)],
      [b('cover.flaggedOrders'), b('cover.ordersCount', { count: data.flaggedOrders.length })],
      [b('cover.exhibits'), b('cover.count', { count: data.exhibits.length })],
      [b('cover.contact'), c.contactName],
      [b('cover.generatedAt'), chinaDate(this.now)],
    ]);
  }

  /** Blank pages for the contents, filled by `contents()` once every page number is known. */
  reserveContents(): void {
    const { exhibits } = this.data;
    // Statement, orders, coverage, audit, appendix, declaration and evidence; a line per category used and per exhibit.
    const lines = 6 + (exhibits.length > 0 ? 1 : 0) + new Set(exhibits.map((x) => x.category)).size + exhibits.length;
    const perPage = Math.floor((A4[1] - MARGIN.top - MARGIN.bottom - 50) / TOC_LINE);
    for (let i = 0; i < Math.ceil(lines / perPage); i++) this.tocPages.push(this.ts.newPage());
  }

  statement(): void {
    const { ts, text } = this;
    ts.newPage();
    this.entry(text.b('sections.statement'));
    ts.heading(text.b('sections.statement'));
    ts.text(this.data.statement, { size: 11, lineHeight: 1.7 });
  }

  orders(): void {
    const { ts, text, data } = this;
    const { b } = text;
    ts.newPage();
    const orders = this.entry(b('sections.orders'));
    ts.heading(b('sections.orders'));
    if (data.flaggedOrders.length === 0) ts.text(b('orders.none'));
    else
      ts.table(
        [b('orders.orderNo'), b('orders.orderedAt'), b('orders.amount'), b('orders.item'), b('orders.logistics'), b('orders.exhibits')],
        data.flaggedOrders.map((o) => [o.orderNo, chinaTime(o.orderedAt), money(o.amountCents), o.itemTitle, [o.carrier, o.trackingNo].filter(Boolean).join(' '), o.exhibitIds.join(' ')]),
        { widths: [2.3, 1.6, 1, 2.4, 2.2, 1.5], size: 8 },
      );
    ts.gap(14);
    ts.ensure(80);
    this.entry(b('sections.coverage'), orders);
    ts.heading(b('sections.coverage'), 13);
    ts.text(b('orders.coverageIntro'), { size: 9, color: MUTED });
    if (data.flaggedOrders.length > 0)
      ts.table(
        [b('orders.orderNo'), ...EVIDENCE_KINDS.map(text.coverageKind)],
        data.flaggedOrders.map((o) => [o.orderNo, ...EVIDENCE_KINDS.map((k) => (o.coverage.has[k] ? b('orders.yes') : b('orders.no')))]),
        { widths: [2.4, 1, 1, 1, 1, 1], size: 8.5 },
      );
  }

  audit(): void {
    const { ts, text, data } = this;
    const { b } = text;
    ts.newPage();
    this.entry(b('sections.audit'));
    ts.heading(b('sections.audit'));
    if (data.findings.length === 0) {
      ts.text(b('audit.none'));
      return;
    }
    ts.text(b('audit.intro'), { size: 9.5, color: MUTED });
    ts.gap(6);
    const shownPerRule = new Map<string, number>();
    for (const [i, f] of data.findings.entries()) {
      const shown = shownPerRule.get(f.rule) ?? 0;
      shownPerRule.set(f.rule, shown + 1);
      if (shown >= FINDINGS_PER_RULE) continue;
      const words = text.findings[i] as BundleText['findings'][number];
      ts.ensure(70);
      ts.text(`${words.title}  ·  ${b('audit.severity', { level: words.severity })}`, { size: 11, bold: true });
      ts.text(words.detail, { size: 10 });
      if (f.explainedByPromotion) ts.text(b('audit.promotion'), { size: 9.5, color: MUTED });
      ts.text(`${b('audit.orders', { count: f.orderNos.length })}: ${f.orderNos.slice(0, 40).join(' ')}${f.orderNos.length > 40 ? ' …' : ''}`, { size: 8.5, color: MUTED });
      ts.text(`${b('audit.explanation')}: ${f.explanation.trim() || b('audit.noExplanation')}`, { size: 10, indent: 12 });
      ts.gap(8);
    }
    for (const [rule, count] of shownPerRule) {
      const title = text.findings[data.findings.findIndex((f) => f.rule === rule)]?.title ?? rule;
      if (count > FINDINGS_PER_RULE) ts.text(`${title}: ${b('audit.more', { count: count - FINDINGS_PER_RULE })}`, { size: 9, color: MUTED });
    }
  }

  /** The exhibits, a divider page per category; a volume's cover goes before its first exhibit. */
  async evidence(prepared: Prepared[], store: BlobStore, onExhibit: (x: Exhibit) => Promise<void> | void): Promise<void> {
    const { ts, text } = this;
    let group: Entry | undefined;
    let volume = 1;
    const startVolume = (v: number) => {
      if (v <= volume) return;
      volume = v;
      this.cover(volume);
    };
    for (const category of EVIDENCE_CATEGORIES) {
      const items = prepared.filter((p) => p.exhibit.category === category);
      if (items.length === 0) continue;
      startVolume(items[0]?.volume ?? volume);
      this.currentExhibit = undefined;
      ts.newPage();
      group ??= this.entry(text.b('sections.evidence'));
      const section = this.entry(`${EXHIBIT_LETTER[category]}  ${text.categoryName(category)}`, group);
      ts.gap(200);
      ts.text(EXHIBIT_LETTER[category], { size: 60, bold: true, color: MUTED, lineHeight: 1.1 });
      ts.text(text.categoryName(category), { size: 26, bold: true });
      ts.text(text.b('divider.exhibits', { count: items.length }), { size: 12, color: MUTED });
      ts.gap(12);
      for (const p of items) ts.text(`${p.exhibit.exhibitId}  ${p.exhibit.title}`, { size: 10 });

      for (const p of items) {
        startVolume(p.volume);
        await onExhibit(p.exhibit);
        this.currentExhibit = p.exhibit.exhibitId;
        ts.newPage();
        this.entry(`${p.exhibit.exhibitId}  ${p.exhibit.title}`, section);
        this.caption(p.exhibit);
        await this.exhibit(p, store);
      }
    }
    this.currentExhibit = undefined;
  }

  private caption(x: Exhibit): void {
    const { ts } = this;
    const { b, categoryName } = this.text;
    ts.text(`${x.exhibitId}  ${x.title}`, { size: 14, bold: true, lineHeight: 1.35 });
    ts.gap(2);
    ts.fields(
      [
        [b('caption.exhibitId'), x.exhibitId],
        [b('caption.title'), x.title],
        [b('caption.category'), categoryName(x.category)],
        [b('caption.documentDate'), chinaDate(x.documentDate) || b('caption.none')],
        [b('caption.orders'), x.orderNos.join(' ') || b('caption.none')],
        [b('caption.originalName'), x.originalName],
        [b('caption.sha256'), x.sha256],
        ...(x.description.trim() ? [[b('caption.description'), x.description] as [string, string]] : []),
      ],
      { size: 8.5, labelWidth: 80 },
    );
    ts.rule();
    ts.gap(4);
  }

  private async exhibit({ exhibit: x, content }: Prepared, store: BlobStore): Promise<void> {
    const { ts } = this;
    const { b } = this.text;
    switch (content.kind) {
      case 'pdf': {
        const pages = await this.copyPdf(content.unlocked ?? (await read(store, x.storageKey)));
        if (typeof pages === 'string') return this.placeholder(x, pages);
        ts.text(b('caption.pages', { count: pages.length }), { size: 9, color: MUTED });
        if (content.unlocked) ts.text(b('caption.unlocked'), { size: 8, color: MUTED });
        // As they are (size, rotation), shrunk slightly so the stamps cover nothing.
        for (const page of pages) {
          makeStampRoom(page);
          this.doc.addPage(page);
          this.pageExhibit.push(this.currentExhibit);
        }
        return;
      }
      case 'images': {
        ts.text(b('caption.derived'), { size: 8, color: MUTED });
        const [first, ...rest] = content.images;
        if (first) {
          // A long caption (many orders, a description) leaves less room than planned: the image
          // shrinks to fit below it down to half its planned size, else it starts the next page.
          if (ts.y - 6 - MARGIN.bottom < first.drawHeight * 0.5) ts.newPage();
          const scale = Math.min(1, (ts.y - 6 - MARGIN.bottom) / first.drawHeight);
          await this.image({ ...first, drawWidth: first.drawWidth * scale, drawHeight: first.drawHeight * scale }, ts.y - 6);
        }
        for (const image of rest) {
          ts.newPage();
          await this.image(image, ts.y);
        }
        return;
      }
      case 'chat':
        return renderChat(ts, content.messages);
      case 'text':
        return renderPlainText(ts, content.text);
      case 'sheets':
        return renderSheets(ts, content.sheets, { sheet: (name) => name, omitted: (count) => b('caption.omittedRows', { count }) });
      case 'placeholder':
        return this.placeholder(x, content.reason);
    }
  }

  /** The PDF's pages copied into the bundle, or why they cannot be. */
  private async copyPdf(bytes: Uint8Array | null): Promise<PDFPage[] | PlaceholderReason> {
    if (!bytes) return 'missing';
    try {
      const source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
      const pages = await this.doc.copyPages(source, source.getPageIndices());
      return pages.length > 0 ? pages : 'corrupt';
    } catch (error) {
      // Unreadable, or a page tree pdf-lib can read but not copy (broken references).
      return /encrypt/i.test(String(error)) ? 'encrypted' : 'corrupt';
    }
  }

  private async image(image: PageImage, top: number): Promise<void> {
    const embedded = await this.doc.embedJpg(image.jpeg);
    const x = MARGIN.left + (IMAGE_BOX.width - image.drawWidth) / 2;
    this.ts.page.drawImage(embedded, { x, y: top - image.drawHeight, width: image.drawWidth, height: image.drawHeight });
  }

  private placeholder(x: Exhibit, reason: PlaceholderReason): void {
    const { ts } = this;
    const { b } = this.text;
    this.warnings.push({ exhibitId: x.exhibitId, reason });
    ts.gap(20);
    const top = ts.y;
    ts.text(b('placeholder.title'), { size: 15, bold: true, indent: 14 });
    ts.gap(4);
    ts.fields(
      [
        [b('placeholder.reason'), b(`placeholder.reasons.${reason}`)],
        [b('caption.originalName'), x.originalName],
        [b('placeholder.size'), `${fileSize(x.size)} (${x.size} B)`],
        [b('caption.sha256'), x.sha256],
      ],
      { size: 10, labelWidth: 100 },
    );
    ts.text(b('placeholder.intro'), { size: 9.5, color: MUTED, indent: 14 });
    ts.page.drawRectangle({ x: MARGIN.left - 6, y: ts.y - 8, width: ts.width + 12, height: top - ts.y + 8, borderColor: MUTED, borderWidth: 1, borderDashArray: [4, 3] });
  }

  /** The manifest of every exhibit, then the declaration with room to sign. */
  appendix(attachedOriginals: boolean): void {
    const { ts, data } = this;
    const { b } = this.text;
    ts.newPage();
    this.entry(b('sections.appendix'));
    ts.heading(b('sections.appendix'));
    ts.text(b('appendix.intro'), { size: 9, color: MUTED });
    ts.gap(4);
    ts.table(
      [b('appendix.exhibitId'), b('appendix.title'), b('appendix.originalName'), b('appendix.type'), b('appendix.size'), b('appendix.sha256'), b('appendix.uploadedAt')],
      data.exhibits.map((x) => [x.exhibitId, x.title, x.originalName, x.mime, fileSize(x.size), x.sha256, chinaTime(x.uploadedAt)]),
      { widths: [0.8, 1.7, 1.8, 1.2, 0.8, 2.6, 1.3], size: 7 },
    );
    if (attachedOriginals) ts.text(b('attachments'), { size: 9, color: MUTED });
    ts.gap(16);
    ts.ensure(230);
    this.entry(b('sections.declaration'));
    ts.heading(b('sections.declaration'), 14);
    ts.text(b('declaration.text'), { size: 11, lineHeight: 1.8 });
    ts.gap(12);
    ts.text(b('declaration.name', { name: data.case.contactName }), { size: 11 });
    ts.text(b('declaration.shop', { shop: data.case.shopName }), { size: 11 });
    ts.text(b('declaration.date', { date: chinaDate(this.now) }), { size: 11 });
    ts.gap(36);
    ts.text(`${b('declaration.signature')} ________________________`, { size: 11 });
    ts.gap(24);
    ts.text(`${b('declaration.signDate')} ________________________`, { size: 11 });
  }

  /** "第 X 页 / 共 Y 页" on every page, the exhibit id on evidence pages. */
  stamp(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => stampPage(page, this.fonts.regular, this.text.b('footer', { page: i + 1, total: pages.length }), this.pageExhibit[i]));
  }

  volumeOf(pageIndex: number): number {
    return this.volumeStarts.filter((start) => start <= pageIndex).length;
  }

  /** Writes the contents lines; returns the links to make (only to pages in volume 1, where the contents are). */
  contents(): ContentsLink[] {
    const { ts, fonts } = this;
    const { b } = this.text;
    const lines: Array<{ entry: Entry; level: number }> = [];
    const walk = (list: Entry[], level: number) => list.forEach((entry) => (lines.push({ entry, level }), walk(entry.children, level + 1)));
    walk(this.entries, 0);
    const links: ContentsLink[] = [];
    const right = A4[0] - MARGIN.right;
    let line = 0;
    for (const [i, page] of this.tocPages.entries()) {
      const top = A4[1] - MARGIN.top - (i === 0 ? 40 : 0);
      if (i === 0) ts.draw(b('toc.title'), { x: MARGIN.left, y: A4[1] - MARGIN.top - 22, size: 18, font: fonts.bold }, page);
      const capacity = Math.floor((top - MARGIN.bottom) / TOC_LINE);
      for (let n = 0; n < capacity && line < lines.length; n++, line++) {
        const { entry, level } = lines[line] as (typeof lines)[number];
        const y = top - (n + 1) * TOC_LINE;
        const indent = level * 16;
        const volume = this.volumeOf(entry.pageIndex);
        const pageText = volume !== 1 ? b('toc.inVolume', { n: this.text.volume(volume), page: entry.pageIndex + 1 }) : b('toc.page', { page: entry.pageIndex + 1 });
        const size = level === 0 ? 11 : 10;
        const font = level < 2 ? fonts.bold : fonts.regular;
        const pageWidth = ts.measure.width(pageText, fonts.regular, size);
        ts.draw(ts.measure.fit(entry.title, right - MARGIN.left - indent - pageWidth - 24, font, size), { x: MARGIN.left + indent, y, size, font }, page);
        ts.draw(pageText, { x: right - pageWidth, y, size, font: fonts.regular }, page);
        if (volume === 1) links.push({ tocPage: this.doc.getPages().indexOf(page), rect: { x: MARGIN.left + indent, y: y - 4, width: right - MARGIN.left - indent, height: TOC_LINE }, target: entry.pageIndex });
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
