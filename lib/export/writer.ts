import 'server-only';
import type { PDFDocument } from 'pdf-lib';
import { EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { MUTED, Typesetter, type Fonts } from '@/lib/pdf/layout';
import { stampPage } from '@/lib/pdf/page-marks';
import { formatCalendarDate } from '@/lib/schemas/dates';
import { toChinaDate } from '@/lib/schemas/china-time';
import { chinaTime, money, type BundleText } from './bundle-text';
import { PdfAuditCharts } from './charts-pdf';
import { Contents, type ContentsLink, type Entry } from './contents';
import type { BundleData } from './collect';
import type { ExhibitWarning } from './exhibit-pages';
import type { OrderMentions } from './chat-mentions';
import { dossierContentsLines, writeDossiers } from './dossier-pages';
import { PageRefs } from './page-refs';
import { writeStatement } from './statement-pages';
import type { Prepared } from './prepare';

export type BundleWarning = { exhibitId: string } & ExhibitWarning;
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
  readonly contents = new Contents();
  readonly volumeStarts: number[] = [];
  readonly warnings: BundleWarning[] = [];
  /** The exhibit each page belongs to (undefined for the rest): its stamp, and the unit its bytes are measured in. */
  readonly pageExhibit: Array<string | undefined> = [];
  /** Page labels of exhibits, reserved on pages laid out before them (checklist, dossiers), drawn with the contents. */
  readonly refs: PageRefs;
  /** The exhibit the pages opened now belong to. */
  currentExhibit: string | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly data: BundleData,
    readonly text: BundleText,
    private readonly volumeCount: number,
    readonly now: Date,
  ) {
    this.ts = new Typesetter(doc, fonts, () => this.pageExhibit.push(this.currentExhibit));
    this.refs = new PageRefs(this.ts);
  }

  /** The cursor's page, as an entry of the contents. */
  entry(title: string, parent?: Entry): Entry {
    return this.contents.add(title, this.doc.getPageCount() - 1, parent);
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
      [b('cover.generatedAt'), toChinaDate(this.now)],
    ]);
  }

  /** Blank pages for the contents, written once every page number is known. */
  reserveContents(): void {
    const { exhibits } = this.data;
    // Checklist, notice, statement, orders, coverage, audit, appendix, declaration and evidence; a line per category used and per exhibit, and the dossiers'.
    const notice = (this.data.case.noticeText ? 1 : 0) + (this.data.checklist ? 1 : 0);
    const lines = notice + 6 + (exhibits.length > 0 ? 1 : 0) + new Set(exhibits.map((x) => x.category)).size + exhibits.length + dossierContentsLines(this.data);
    this.contents.reserve(this.ts, lines);
  }

  /** A later volume's own contents: the evidence heading, its categories and exhibits, the appendix and declaration. */
  reserveVolumeContents(volume: number, prepared: Prepared[]): void {
    const held = prepared.filter((p) => p.volume === volume);
    this.contents.reserve(this.ts, 3 + new Set(held.map((p) => p.exhibit.category)).size + held.length, volume);
  }

  /** The contents lines and the exhibits' page labels, with the volume of pages outside volume 1; the links to make. */
  writeContents(): ContentsLink[] {
    const { b, volume } = this.text;
    const page = (v: number, n: number, here: number) => (v !== here ? b('toc.inVolume', { n: volume(v), page: n }) : b('toc.page', { page: n }));
    const volumeOf = (i: number) => this.volumeOf(i);
    // An exhibit's first page: the first one stamped with its id.
    const starts = new Map<string, number>();
    this.pageExhibit.forEach((id, i) => id !== undefined && !starts.has(id) && starts.set(id, i));
    return [...this.contents.write(this.ts, { title: b('toc.title'), page }, volumeOf), ...this.refs.write(page, (id) => starts.get(id), volumeOf)];
  }

  /** The notice as the merchant pasted it, so the reviewer reads what is being answered; left out when empty. */
  notice(): void {
    const { ts, text } = this;
    const pasted = this.data.case.noticeText;
    if (!pasted) return;
    ts.newPage();
    this.entry(text.b('sections.notice'));
    ts.heading(text.b('sections.notice'));
    ts.text(text.b('notice.intro'), { size: 9, color: MUTED });
    ts.gap(8);
    ts.text(pasted.replace(/\t/g, '    '), { size: 10.5, lineHeight: 1.7 });
  }

  /** The statement, its references printed with their exhibits' pages and linked (lib/export/statement-pages.ts). */
  statement(): void {
    writeStatement({ ts: this.ts, refs: this.refs, text: this.text, entry: (title) => this.entry(title), volumes: this.volumeCount }, this.data);
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

  /** After the orders and coverage: a page per flagged order, or one compact table past the limit (lib/export/dossier-pages.ts). */
  dossiers(mentions: Map<string, OrderMentions>): void {
    writeDossiers({ ts: this.ts, refs: this.refs, text: this.text, entry: (title, parent) => this.entry(title, parent) }, this.data, mentions);
  }

  /** The self-audit by rule: each rule's explanation once, then its findings, with overrides where they differ. */
  audit(): void {
    const { ts, text, data } = this;
    const { b } = text;
    ts.newPage();
    this.entry(b('sections.audit'));
    ts.heading(b('sections.audit'));
    if (data.audit.length === 0) {
      ts.text(b('audit.none'));
      return;
    }
    ts.text(b('audit.intro'), { size: 9.5, color: MUTED });
    ts.gap(6);
    const charts = new PdfAuditCharts(ts, data.charts, text.chart);
    data.audit.forEach((group, i) => this.auditRule(group, text.audit[i] as BundleText['audit'][number], charts));
  }

  private auditRule(group: BundleData['audit'][number], words: BundleText['audit'][number], charts: PdfAuditCharts): void {
    const { ts } = this;
    const { b } = this.text;
    // The picture goes above the first rule it explains (bursts, price outliers).
    charts.before(group.rule);
    ts.ensure(110);
    ts.text(words.title, { size: 13, bold: true });
    ts.text(b('audit.ruleSummary', { findings: group.findings.length, orders: group.orderCount }), { size: 9, color: MUTED });
    ts.gap(2);
    ts.text(b('audit.labelled', { label: b('audit.ruleExplanation', { count: group.findings.length }), text: group.explanation || b('audit.noExplanation') }), { size: 10.5, lineHeight: 1.6 });
    ts.gap(6);
    // Findings with their own explanation are always printed; the rest up to a limit, since their
    // explanation is the rule's, already printed once above.
    let plain = 0;
    group.findings.forEach((f, j) => {
      if (!f.explanation && plain++ >= FINDINGS_PER_RULE) return;
      const w = words.findings[j];
      ts.ensure(50);
      ts.text(`${w?.detail ?? ''}  ·  ${b('audit.severity', { level: w?.severity ?? '' })}`, { size: 10, indent: 8 });
      if (f.explainedByPromotion) ts.text(b('audit.promotion'), { size: 9, color: MUTED, indent: 8 });
      ts.text(b('audit.labelled', { label: b('audit.orders', { count: f.orderNos.length }), text: `${f.orderNos.slice(0, 40).join(' ')}${f.orderNos.length > 40 ? ' …' : ''}` }), { size: 8.5, color: MUTED, indent: 8 });
      if (f.explanation) ts.text(b('audit.labelled', { label: b('audit.ownExplanation'), text: f.explanation }), { size: 10, indent: 20 });
      ts.gap(5);
    });
    if (plain > FINDINGS_PER_RULE) ts.text(b('audit.more', { count: plain - FINDINGS_PER_RULE }), { size: 9, color: MUTED, indent: 8 });
    ts.gap(12);
  }

  /** "第 X 页 / 共 Y 页" on every page, the exhibit id on evidence pages. */
  stamp(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => stampPage(page, this.fonts.regular, this.text.b('footer', { page: i + 1, total: pages.length }), this.pageExhibit[i], this.ts));
  }

  volumeOf(pageIndex: number): number {
    return this.volumeStarts.filter((start) => start <= pageIndex).length;
  }
}
