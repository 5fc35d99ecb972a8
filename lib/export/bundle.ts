import 'server-only';
import path from 'node:path';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';
import { EVIDENCE_CATEGORIES, EXHIBIT_LETTER, type EvidenceCategory } from '@/lib/evidence/categories';
import { EVIDENCE_KINDS } from '@/lib/orders/coverage';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { A4, MARGIN, MUTED, Typesetter } from '@/lib/pdf/layout';
import { addLink, setOutline, setPageLabels, type OutlineItem } from '@/lib/pdf/navigation';
import { makeStampRoom, stampPage } from '@/lib/pdf/page-marks';
import type { BlobStore } from '@/lib/storage';
import { toChinaLocalInput } from '@/lib/schemas/china-time';
import { formatCalendarDate } from '@/lib/schemas/dates';
import type { BundleData, Exhibit } from './collect';
import { renderChat, renderPlainText } from './exhibits/text';
import { renderSheets } from './exhibits/sheet';
import { IMAGE_BOX, atLevel, chooseLevel, mapLimit, type ImageLevel, type PageImage } from './images';
import { contentText, estimate, planVolumes, prepare, read, type PlaceholderReason, type Prepared } from './prepare';

export type BundleWarning = { exhibitId: string; reason: PlaceholderReason };
export type BundleOptions = { maxBytes: number; attachOriginals: boolean; now: Date };
export type Progress = (fraction: number, item: string) => Promise<void> | void;
export type BundleVolume = { bytes: Uint8Array; pages: number; firstPage: number };
export type BundleOutput = {
  volumes: BundleVolume[];
  pages: number;
  warnings: BundleWarning[];
  /** Exhibits that alone exceed the size limit: the merchant must submit them another way. */
  oversized: string[];
  imageLevel: ImageLevel;
  attachedOriginals: boolean;
  /** Seconds per phase, for the benchmark and the logs. */
  timings: Record<string, number>;
  /** Characters the font could not draw (emoji in chat logs): printed as □. */
  missingGlyphs: string[];
};

const MESSAGES = { 'zh-CN': zh, en } as const;

const CN_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function volumeNumeral(n: number, language: 'zh-CN' | 'en'): string {
  if (language === 'en') return String(n);
  if (n <= 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`;
  return String(n);
}

const chinaDate = (d: Date | null) => (d ? toChinaLocalInput(d).slice(0, 10) : '');
const chinaTime = (d: Date | null) => (d ? toChinaLocalInput(d).replace('T', ' ') : '');
const money = (cents: number | null) => (cents === null ? '' : `¥${(cents / 100).toFixed(2)}`);
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type TocEntry = { title: string; level: 0 | 1 | 2; pageIndex: number; outline: OutlineItem[] };

/**
 * Builds the evidence bundle: cover, contents, statement, flagged orders and
 * coverage, self-audit, the exhibits by category, the manifest and the
 * declaration; every page numbered and every evidence page stamped with its
 * exhibit id. Images step down in resolution, then quality, to fit the
 * platform's size limit; what still does not fit is split into volumes.
 */
export async function buildBundle(data: BundleData, store: BlobStore, options: BundleOptions, progress: Progress = () => {}): Promise<BundleOutput> {
  const language = data.language;
  const messages = MESSAGES[language];
  const t = createTranslator({ locale: language, messages: messages as unknown as Record<string, never> }) as unknown as (key: string, params?: Record<string, unknown>) => string;
  const b = (key: string, params?: Record<string, unknown>) => t(`bundle.${key}`, params);
  const categoryName = (c: EvidenceCategory) => t(`evidence.categories.${c}.name`);
  const timings: Record<string, number> = {};
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - phaseStart) / 1000;
    phaseStart = now;
  };

  // 1. Read every exhibit (images are decoded and scaled here, two at a time).
  const total = data.exhibits.length;
  let done = 0;
  const prepared: Prepared[] = await mapLimit(data.exhibits, 2, async (exhibit) => {
    const content = await prepare(exhibit, store);
    done += 1;
    await progress((done / Math.max(1, total)) * 0.45, `${exhibit.exhibitId} ${exhibit.title}`);
    return { exhibit, content, estimate: estimate(exhibit, content), volume: 1 };
  });

  phase('read');

  // 2. Fit the size limit: image steps first, then volumes.
  const findingTexts = data.findings.map((f) => ({
    title: t(`audit.rules.${f.rule}.title`),
    detail: t(`audit.rules.${f.rule}.detail`, f.params),
    severity: t(`audit.severity.${f.severity}`),
  }));
  const allText = [
    JSON.stringify(data),
    JSON.stringify(messages.bundle),
    t(`platforms.${data.case.platform}`),
    ...EVIDENCE_CATEGORIES.map(categoryName),
    ...EVIDENCE_KINDS.map((k) => t(`logistics.coverage.kinds.${k}`)),
    ...findingTexts.flatMap((f) => [f.title, f.detail, f.severity]),
    ...prepared.map((p) => contentText(p.content)),
    '卷〇一二三四五六七八九十…✓○',
  ].join('');
  // Two subset fonts (a CJK glyph is ~300 bytes a weight), the typeset front matter and the PDF structure.
  const front = 120 * 1024 + new Set(allText).size * 600 + data.flaggedOrders.length * 400 + data.exhibits.length * 1500;
  const budget = options.maxBytes * 0.95;
  const images = prepared.flatMap((p) => (p.content.kind === 'images' ? p.content.images : []));
  const otherBytes = prepared.reduce((sum, p) => sum + (p.content.kind === 'images' ? 0 : p.estimate), 0) + front;
  const imageLevel = await chooseLevel(images, budget - otherBytes);
  if (imageLevel > 0) {
    await progress(0.47, '');
    await mapLimit(images, 2, async (image) => {
      image.jpeg = await atLevel(image, imageLevel);
    });
    for (const p of prepared) p.estimate = estimate(p.exhibit, p.content);
  }
  const { volumes: volumeCount, oversized } = planVolumes(prepared, front, budget);
  const originalsBytes = data.exhibits.reduce((sum, x) => sum + x.size, 0);
  const estimated = front + prepared.reduce((sum, p) => sum + p.estimate, 0);
  const attachOriginals = options.attachOriginals && volumeCount === 1 && estimated + originalsBytes <= budget;

  phase('fit');

  // 3. Fonts: a subset holding every character the document draws.
  const doc = await PDFDocument.create();
  const fonts = await embedChineseFonts(doc, allText);
  phase('fonts');
  const pageExhibit: Array<string | undefined> = [];
  let currentExhibit: string | undefined;
  const ts = new Typesetter(doc, fonts, () => {
    pageExhibit.push(currentExhibit);
  });
  const indexOf = (page: PDFPage) => doc.getPages().indexOf(page);
  const toc: TocEntry[] = [];
  const entry = (title: string, level: TocEntry['level']): TocEntry => {
    const e: TocEntry = { title, level, pageIndex: doc.getPageCount() - 1, outline: [] };
    toc.push(e);
    return e;
  };
  const c = data.case;
  const platformName = t(`platforms.${c.platform}`);

  // Cover.
  const volumeStarts: number[] = [];
  const cover = (volume: number) => {
    volumeStarts.push(doc.getPageCount());
    ts.newPage();
    ts.gap(70);
    ts.text(b('documentTitle'), { size: 30, bold: true, lineHeight: 1.3 });
    if (volumeCount > 1) ts.text(b('cover.volumeOf', { n: volumeNumeral(volume, language), total: volumeNumeral(volumeCount, language) }), { size: 16, bold: true, color: MUTED });
    ts.gap(10);
    ts.text(c.title, { size: 16 });
    ts.gap(24);
    ts.rule();
    ts.gap(8);
    ts.fields([
      [b('cover.platform'), platformName],
      [b('cover.shopName'), c.shopName],
      [b('cover.shopId'), c.shopId],
      [b('cover.noticeNumber'), c.noticeNumber],
      [b('cover.noticeDate'), formatCalendarDate(c.noticeDate)],
      [b('cover.appealDeadline'), formatCalendarDate(c.appealDeadline)],
      [b('cover.flaggedOrders'), b('cover.ordersCount', { count: data.flaggedOrders.length })],
      [b('cover.exhibits'), b('cover.count', { count: data.exhibits.length })],
      [b('cover.contact'), c.contactName],
      [b('cover.generatedAt'), chinaDate(options.now)],
    ]);
  };
  cover(1);

  // Contents: pages reserved now, filled in once every page number is known.
  // Statement, orders, coverage, audit, appendix, declaration, evidence; a line per category used and per exhibit.
  const tocLines = 6 + (data.exhibits.length > 0 ? 1 : 0) + new Set(data.exhibits.map((x) => x.category)).size + data.exhibits.length;
  const TOC_LINE = 17;
  const perTocPage = Math.floor((A4[1] - MARGIN.top - MARGIN.bottom - 50) / TOC_LINE);
  const tocPages: PDFPage[] = [];
  for (let i = 0; i < Math.ceil(tocLines / perTocPage); i++) tocPages.push(ts.newPage());

  // Statement.
  ts.newPage();
  const statementEntry = entry(b('sections.statement'), 0);
  ts.heading(b('sections.statement'));
  ts.text(data.statement, { size: 11, lineHeight: 1.7 });

  // Flagged orders and coverage.
  ts.newPage();
  const ordersEntry = entry(b('sections.orders'), 0);
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
  const coverageEntry = entry(b('sections.coverage'), 1);
  ordersEntry.outline.push({ title: coverageEntry.title, page: ts.page });
  ts.heading(b('sections.coverage'), 13);
  ts.text(b('orders.coverageIntro'), { size: 9, color: MUTED });
  if (data.flaggedOrders.length > 0)
    ts.table(
      [b('orders.orderNo'), ...EVIDENCE_KINDS.map((k) => t(`logistics.coverage.kinds.${k}`))],
      data.flaggedOrders.map((o) => [o.orderNo, ...EVIDENCE_KINDS.map((k) => (o.coverage.has[k] ? b('orders.yes') : b('orders.no')))]),
      { widths: [2.4, 1, 1, 1, 1, 1], size: 8.5 },
    );

  // Self-audit.
  ts.newPage();
  const auditEntry = entry(b('sections.audit'), 0);
  ts.heading(b('sections.audit'));
  if (data.findings.length === 0) ts.text(b('audit.none'));
  else {
    ts.text(b('audit.intro'), { size: 9.5, color: MUTED });
    ts.gap(6);
    const shownPerRule = new Map<string, number>();
    for (const [i, f] of data.findings.entries()) {
      const shown = shownPerRule.get(f.rule) ?? 0;
      shownPerRule.set(f.rule, shown + 1);
      if (shown >= 25) continue;
      const text = findingTexts[i] as (typeof findingTexts)[number];
      ts.ensure(70);
      ts.text(`${text.title}  ·  ${b('audit.severity', { level: text.severity })}`, { size: 11, bold: true });
      ts.text(text.detail, { size: 10 });
      if (f.explainedByPromotion) ts.text(b('audit.promotion'), { size: 9.5, color: MUTED });
      ts.text(`${b('audit.orders', { count: f.orderNos.length })}: ${f.orderNos.slice(0, 40).join(' ')}${f.orderNos.length > 40 ? ' …' : ''}`, { size: 8.5, color: MUTED });
      ts.text(`${b('audit.explanation')}: ${f.explanation.trim() || b('audit.noExplanation')}`, { size: 10, indent: 12 });
      ts.gap(8);
    }
    for (const [rule, count] of shownPerRule) {
      const title = findingTexts[data.findings.findIndex((f) => f.rule === rule)]?.title ?? rule;
      if (count > 25) ts.text(`${title}: ${b('audit.more', { count: count - 25 })}`, { size: 9, color: MUTED });
    }
  }

  // Evidence, category by category.
  const warnings: BundleWarning[] = [];
  const captionRows = (x: Exhibit): Array<[string, string]> => [
    [b('caption.exhibitId'), x.exhibitId],
    [b('caption.title'), x.title],
    [b('caption.category'), categoryName(x.category)],
    [b('caption.documentDate'), chinaDate(x.documentDate) || b('caption.none')],
    [b('caption.orders'), x.orderNos.join(' ') || b('caption.none')],
    [b('caption.originalName'), x.originalName],
    [b('caption.sha256'), x.sha256],
    ...(x.description.trim() ? [[b('caption.description'), x.description] as [string, string]] : []),
  ];
  const caption = (x: Exhibit) => {
    ts.text(`${x.exhibitId}  ${x.title}`, { size: 14, bold: true, lineHeight: 1.35 });
    ts.gap(2);
    ts.fields(captionRows(x), { size: 8.5, labelWidth: 80 });
    ts.rule();
    ts.gap(4);
  };
  const placeholder = (x: Exhibit, reason: PlaceholderReason) => {
    warnings.push({ exhibitId: x.exhibitId, reason });
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
  };
  const drawImage = async (image: PageImage, top: number) => {
    const embedded = await doc.embedJpg(image.jpeg);
    const x = MARGIN.left + (IMAGE_BOX.width - image.drawWidth) / 2;
    ts.page.drawImage(embedded, { x, y: top - image.drawHeight, width: image.drawWidth, height: image.drawHeight });
  };

  const evidenceEntries: TocEntry[] = [];
  let evidenceEntry: TocEntry | undefined;
  let placed = 0;
  let volume = 1;
  for (const category of EVIDENCE_CATEGORIES) {
    const items = prepared.filter((p) => p.exhibit.category === category);
    if (items.length === 0) continue;
    if ((items[0]?.volume ?? 1) > volume) {
      volume = items[0]?.volume ?? volume;
      currentExhibit = undefined;
      cover(volume);
    }
    currentExhibit = undefined;
    ts.newPage();
    evidenceEntry ??= entry(b('sections.evidence'), 0);
    const categoryEntry = entry(`${EXHIBIT_LETTER[category]}  ${categoryName(category)}`, 1);
    evidenceEntries.push(categoryEntry);
    ts.gap(200);
    ts.text(EXHIBIT_LETTER[category], { size: 60, bold: true, color: MUTED, lineHeight: 1.1 });
    ts.text(categoryName(category), { size: 26, bold: true });
    ts.text(b('divider.exhibits', { count: items.length }), { size: 12, color: MUTED });
    ts.gap(12);
    for (const p of items) ts.text(`${p.exhibit.exhibitId}  ${p.exhibit.title}`, { size: 10 });

    for (const p of items) {
      const x = p.exhibit;
      if (p.volume > volume) {
        volume = p.volume;
        currentExhibit = undefined;
        cover(volume);
      }
      currentExhibit = x.exhibitId;
      await progress(0.5 + (placed / Math.max(1, total)) * 0.4, `${x.exhibitId} ${x.title}`);
      placed += 1;
      ts.newPage();
      const exhibitEntry = entry(`${x.exhibitId}  ${x.title}`, 2);
      categoryEntry.outline.push({ title: exhibitEntry.title, page: ts.page });
      caption(x);
      let content = p.content;
      if (content.kind === 'pdf') {
        const bytes = content.unlocked ?? (await read(store, x.storageKey));
        let source: PDFDocument | null = null;
        let reason: PlaceholderReason = bytes ? 'corrupt' : 'missing';
        if (bytes) {
          try {
            source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
          } catch (error) {
            if (/encrypt/i.test(String(error))) reason = 'encrypted';
          }
        }
        let pages: PDFPage[] = [];
        try {
          if (source) pages = await doc.copyPages(source, source.getPageIndices());
        } catch {
          // A page tree pdf-lib can read but not copy (broken references): the original stays as it is.
          reason = 'corrupt';
        }
        if (pages.length === 0) content = { kind: 'placeholder', reason };
        else {
          ts.text(b('caption.pages', { count: pages.length }), { size: 9, color: MUTED });
          if (content.unlocked) ts.text(b('caption.unlocked'), { size: 8, color: MUTED });
          for (const page of pages) {
            makeStampRoom(page);
            doc.addPage(page);
            pageExhibit.push(currentExhibit);
          }
          continue;
        }
      }
      switch (content.kind) {
        case 'images': {
          ts.text(b('caption.derived'), { size: 8, color: MUTED });
          const [first, ...rest] = content.images;
          if (first) {
            // A long caption (many orders, a description) leaves less room than planned: the image
            // shrinks to fit below it down to half its planned size, else it starts the next page.
            const room = ts.y - 6 - MARGIN.bottom;
            if (room < first.drawHeight * 0.5) ts.newPage();
            const scale = Math.min(1, (ts.y - 6 - MARGIN.bottom) / first.drawHeight);
            await drawImage({ ...first, drawWidth: first.drawWidth * scale, drawHeight: first.drawHeight * scale }, ts.y - 6);
          }
          for (const image of rest) {
            ts.newPage();
            await drawImage(image, ts.y);
          }
          break;
        }
        case 'chat':
          renderChat(ts, content.messages);
          break;
        case 'text':
          renderPlainText(ts, content.text);
          break;
        case 'sheets':
          renderSheets(ts, content.sheets, { sheet: (name) => name, omitted: (count) => b('caption.omittedRows', { count }) });
          break;
        case 'placeholder':
          placeholder(x, content.reason);
          break;
      }
    }
  }
  currentExhibit = undefined;

  // Appendix: the manifest, then the declaration.
  ts.newPage();
  const appendixEntry = entry(b('sections.appendix'), 0);
  ts.heading(b('sections.appendix'));
  ts.text(b('appendix.intro'), { size: 9, color: MUTED });
  ts.gap(4);
  ts.table(
    [b('appendix.exhibitId'), b('appendix.title'), b('appendix.originalName'), b('appendix.type'), b('appendix.size'), b('appendix.sha256'), b('appendix.uploadedAt')],
    data.exhibits.map((x) => [x.exhibitId, x.title, x.originalName, x.mime, fileSize(x.size), x.sha256, chinaTime(x.uploadedAt)]),
    { widths: [0.8, 1.7, 1.8, 1.2, 0.8, 2.6, 1.3], size: 7 },
  );
  if (attachOriginals) ts.text(b('attachments'), { size: 9, color: MUTED });
  ts.gap(16);
  ts.ensure(230);
  const declarationEntry = entry(b('sections.declaration'), 0);
  ts.heading(b('sections.declaration'), 14);
  ts.text(b('declaration.text'), { size: 11, lineHeight: 1.8 });
  ts.gap(12);
  ts.text(b('declaration.name', { name: c.contactName }), { size: 11 });
  ts.text(b('declaration.shop', { shop: c.shopName }), { size: 11 });
  ts.text(b('declaration.date', { date: chinaDate(options.now) }), { size: 11 });
  ts.gap(36);
  ts.text(`${b('declaration.signature')} ________________________`, { size: 11 });
  ts.gap(24);
  ts.text(`${b('declaration.signDate')} ________________________`, { size: 11 });

  phase('layout');

  // 4. Page numbers and stamps over the whole bundle, so numbering runs on across volumes.
  const pages = doc.getPages();
  const pageCount = pages.length;
  pages.forEach((page, i) => stampPage(page, fonts.regular, b('footer', { page: i + 1, total: pageCount }), pageExhibit[i]));
  await progress(0.92, '');

  const volumeOf = (pageIndex: number) => volumeStarts.filter((s) => s <= pageIndex).length;

  // Contents lines, with links to pages in the same volume.
  const tocLinks: Array<{ tocPage: number; rect: { x: number; y: number; width: number; height: number }; target: number }> = [];
  {
    let line = 0;
    const right = A4[0] - MARGIN.right;
    for (const [i, page] of tocPages.entries()) {
      const y0 = A4[1] - MARGIN.top - (i === 0 ? 40 : 0);
      if (i === 0) ts.draw(b('toc.title'), { x: MARGIN.left, y: A4[1] - MARGIN.top - 22, size: 18, font: fonts.bold }, page);
      const capacity = Math.floor((y0 - MARGIN.bottom) / TOC_LINE);
      for (let n = 0; n < capacity && line < toc.length; n++, line++) {
        const e = toc[line] as TocEntry;
        const y = y0 - (n + 1) * TOC_LINE;
        const indent = e.level * 16;
        const v = volumeOf(e.pageIndex);
        const pageText = volumeCount > 1 && v !== 1 ? b('toc.inVolume', { n: volumeNumeral(v, language), page: e.pageIndex + 1 }) : b('toc.page', { page: e.pageIndex + 1 });
        const size = e.level === 0 ? 11 : 10;
        const font = e.level < 2 ? fonts.bold : fonts.regular;
        const pageWidth = ts.measure.width(pageText, fonts.regular, size);
        const title = ts.measure.fit(e.title, right - MARGIN.left - indent - pageWidth - 24, font, size);
        ts.draw(title, { x: MARGIN.left + indent, y, size, font }, page);
        ts.draw(pageText, { x: right - pageWidth, y, size, font: fonts.regular }, page);
        if (v === 1) tocLinks.push({ tocPage: indexOf(page), rect: { x: MARGIN.left + indent, y: y - 4, width: right - MARGIN.left - indent, height: TOC_LINE }, target: e.pageIndex });
      }
    }
  }

  const outlineFor = (pageMap: (index: number) => PDFPage | undefined): OutlineItem[] => {
    const item = (e: TocEntry, children: OutlineItem[] = []): OutlineItem | undefined => {
      const page = pageMap(e.pageIndex);
      return page ? { title: e.title, page, children } : undefined;
    };
    const kids = (e: TocEntry) => e.outline.map((o) => ({ ...o, page: pageMap(indexOf(o.page)) })).filter((o): o is OutlineItem => !!o.page);
    const evidence = evidenceEntries.map((e) => item(e, kids(e))).filter((o): o is OutlineItem => !!o);
    // In a later volume the evidence heading's page is elsewhere: the group opens at its first category there.
    const evidencePage = (evidenceEntry && pageMap(evidenceEntry.pageIndex)) ?? evidence[0]?.page;
    return [
      item(statementEntry),
      item(ordersEntry, kids(ordersEntry)),
      item(auditEntry),
      evidencePage ? { title: b('sections.evidence'), page: evidencePage, children: evidence } : undefined,
      item(appendixEntry),
      item(declarationEntry),
    ].filter((o): o is OutlineItem => !!o);
  };
  const setMetadata = (target: PDFDocument, volume: number) => {
    const title = `${b('pdfTitle', { shop: c.shopName || c.title })}${volumeCount > 1 ? ` ${b('cover.volume', { n: volumeNumeral(volume, language) })}` : ''}`;
    target.setTitle(title, { showInWindowTitleBar: true });
    target.setAuthor(c.contactName || c.shopName);
    target.setSubject(b('subject', { platform: platformName, shop: c.shopName }));
    target.setKeywords([c.noticeNumber, c.shopId, platformName].filter(Boolean));
    target.setLanguage(language);
    target.setCreator('Appeal Pack 申诉证据包');
    target.setProducer('Appeal Pack (pdf-lib)');
    target.setCreationDate(options.now);
    target.setModificationDate(options.now);
  };

  phase('stamps');
  const volumes: BundleVolume[] = [];
  if (volumeCount === 1) {
    for (const link of tocLinks) addLink(doc, pages[link.tocPage] as PDFPage, link.rect, pages[link.target] as PDFPage);
    setOutline(doc, outlineFor((i) => pages[i]));
    setMetadata(doc, 1);
    if (attachOriginals) {
      for (const x of data.exhibits) {
        const bytes = await read(store, x.storageKey);
        // pdf-lib writes the /F name as a Latin-1 string, which breaks on Chinese: the name is the exhibit id.
        if (bytes) await doc.attach(bytes, `${x.exhibitId}${path.extname(x.originalName).toLowerCase()}`, { mimeType: x.mime, description: `${x.title} (${x.originalName})`, creationDate: x.uploadedAt, modificationDate: x.uploadedAt });
      }
    }
    volumes.push({ bytes: await doc.save(), pages: pageCount, firstPage: 1 });
  } else {
    for (let v = 1; v <= volumeCount; v++) {
      const start = volumeStarts[v - 1] ?? 0;
      const end = volumeStarts[v] ?? pageCount;
      const part = await PDFDocument.create();
      const copied = await part.copyPages(doc, Array.from({ length: end - start }, (_, i) => start + i));
      for (const page of copied) part.addPage(page);
      const map = (i: number) => (i >= start && i < end ? copied[i - start] : undefined);
      for (const link of tocLinks) {
        const from = map(link.tocPage);
        const to = map(link.target);
        if (from && to) addLink(part, from, link.rect, to);
      }
      setOutline(part, outlineFor(map));
      setPageLabels(part, start + 1);
      setMetadata(part, v);
      volumes.push({ bytes: await part.save(), pages: end - start, firstPage: start + 1 });
      await progress(0.92 + (v / volumeCount) * 0.08, '');
    }
  }
  phase('save');
  return { volumes, pages: pageCount, warnings, oversized, imageLevel, attachedOriginals: attachOriginals, timings, missingGlyphs: [...ts.missing] };
}

