import 'server-only';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { MARGIN, MUTED, type Typesetter } from '@/lib/pdf/layout';
import { makeStampRoom } from '@/lib/pdf/page-marks';
import { activeContent, sanitisePages, type ActiveContent } from '@/lib/pdf/sanitise';
import { OBJECTS_PER_TICK } from '@/lib/pdf/save';
import { toChinaDate } from '@/lib/schemas/china-time';
import { readAll, type BlobStore } from '@/lib/storage';
import { fileSize, type BundleText } from './bundle-text';
import type { Exhibit } from './collect';
import { renderChat, renderPlainText } from './exhibits/text';
import { renderSheets } from './exhibits/sheet';
import { renderVideo } from './exhibits/video-page';
import { encoded, IMAGE_BOX, type PageImage } from './images';
import { lineKey } from './page-refs';
import { attachable, pdfActiveContent, type PlaceholderReason, type Prepared } from './prepare';
import { reducedCopy } from './reduced-copy';
import { withOpenBytes } from './open-bytes';

/** Why the review step mentions an exhibit: it became an explanation page, or its PDF lost its active content. */
export type ExhibitWarning = { reason: PlaceholderReason } | { reason: 'activeRemoved' | 'htmlScripts'; removed: ActiveContent[]; zipOnly: boolean };

/**
 * What an exhibit's pages need from the bundle: the typesetter, the words, a way to add a merged
 * page, and where a chat message's page is recorded for references to it (PageRefs.mark).
 */
export type ExhibitContext = { ts: Typesetter; text: BundleText; addPage: (page: PDFPage) => void; mark?: (key: string) => void };

/** Exhibit id, title, category, date, orders, original name, SHA-256 and note, above the content. */
function caption({ ts, text }: ExhibitContext, x: Exhibit): void {
  const { b, categoryName } = text;
  ts.text(`${x.exhibitId}  ${x.title}`, { size: 14, bold: true, lineHeight: 1.35 });
  ts.gap(2);
  ts.fields(
    [
      [b('caption.exhibitId'), x.exhibitId],
      [b('caption.title'), x.title],
      [b('caption.category'), categoryName(x.category)],
      [b('caption.documentDate'), toChinaDate(x.documentDate) || b('caption.none')],
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

/**
 * One exhibit: its caption, then its content (merged PDF pages, images,
 * a conversation, tables, text), or an explanation page saying why it cannot
 * be shown. Returns what the review step should say about it, if anything.
 */
export async function writeExhibit(ctx: ExhibitContext, { exhibit: x, content, scan }: Prepared, store: BlobStore): Promise<ExhibitWarning | undefined> {
  const { ts } = ctx;
  const { b } = ctx.text;
  caption(ctx, x);
  switch (content.kind) {
    case 'pdf': {
      const source = content.unlocked ?? (await readAll(store, x.storageKey));
      let pages: PDFPage[] | PlaceholderReason;
      if (scan) {
        // Too big for a volume as it is: a reduced copy, whose note replaces "merged as it is".
        // PDFium draws its pages, so what the original carries is read by a load of its own.
        content.active ??= await pdfActiveContent(source);
        pages = await withOpenBytes(source?.length ?? 0, () => reducedCopy(ctx, x, source, scan));
      } else {
        const copied = await copyPdf(ts.doc, source);
        pages = typeof copied === 'string' ? copied : copied.pages;
        // Unreadable or gone: nothing known to be active (its explanation page says why it is not shown).
        content.active ??= typeof copied === 'string' ? [] : copied.active;
      }
      if (typeof pages === 'string') return { reason: placeholder(ctx, x, pages) };
      if (!scan) ts.text(b('caption.pages', { count: pages.length }), { size: 9, color: MUTED });
      if (content.unlocked) ts.text(b('caption.unlocked'), { size: 8, color: MUTED });
      // A reduced copy is images of the pages: what it leaves out was not "removed" from pages shown as they are.
      const warning = activeNote(ctx, content.active, attachable(content), scan ? 'activeNotCopied' : 'activeRemoved');
      // As they are (size, rotation), shrunk slightly so the stamps cover nothing.
      for (const page of pages) {
        makeStampRoom(page);
        ctx.addPage(page);
      }
      return warning;
    }
    case 'images': {
      ts.text(b('caption.derived'), { size: 8, color: MUTED });
      const [first, ...rest] = content.images;
      if (first) {
        // A long caption (many orders, a description) leaves less room than planned: the image
        // shrinks to fit below it down to half its planned size, else it starts the next page.
        if (ts.y - 6 - MARGIN.bottom < first.drawHeight * 0.5) ts.newPage();
        const scale = Math.min(1, (ts.y - 6 - MARGIN.bottom) / first.drawHeight);
        await drawImage(ts, { ...first, drawWidth: first.drawWidth * scale, drawHeight: first.drawHeight * scale }, ts.y - 6);
      }
      for (const image of rest) {
        ts.newPage();
        await drawImage(ts, image, ts.y);
      }
      break;
    }
    case 'chat': {
      const warning = activeNote(ctx, content.active ?? [], attachable(content), 'htmlScripts');
      renderChat(ts, content.messages, (i) => ctx.mark?.(lineKey(x.exhibitId, i)));
      return warning;
    }
    case 'text': {
      const warning = activeNote(ctx, content.active ?? [], attachable(content), 'htmlScripts');
      renderPlainText(ts, content.text);
      return warning;
    }
    case 'sheets':
      renderSheets(ts, content.sheets, { sheet: (name) => name, omitted: (count) => b('caption.omittedRows', { count }), cutCells: (count) => b('caption.cutCells', { count }) });
      break;
    case 'video':
      await renderVideo(ctx, x, content);
      break;
    case 'placeholder':
      return { reason: placeholder(ctx, x, content.reason) };
    case 'cached':
      throw new Error(`exhibit ${x.exhibitId} must be read before its pages are typeset`);
  }
  return undefined;
}

/** The caption lines saying what the bundle left out of the original ("PDF 中的脚本已移除，原件未改动 …"). */
function activeNote({ ts, text }: ExhibitContext, removed: ActiveContent[], canAttach: boolean, key: 'activeRemoved' | 'activeNotCopied' | 'htmlScripts'): ExhibitWarning | undefined {
  if (removed.length === 0) return undefined;
  const { b } = text;
  const items = removed.map((r) => b(`caption.active.${r}`)).join(b('caption.active.separator'));
  ts.text(b(`caption.${key}`, { items }), { size: 8, color: MUTED });
  if (!canAttach) ts.text(b('caption.zipOnly'), { size: 8, color: MUTED });
  // The same to the merchant: the export's list says what the bundle left out.
  return { reason: key === 'activeNotCopied' ? 'activeRemoved' : key, removed, zipOnly: !canAttach };
}

/** The PDF's pages copied into the bundle with what the original carries beyond them, or why they cannot be. */
async function copyPdf(doc: PDFDocument, bytes: Uint8Array | null): Promise<{ pages: PDFPage[]; active: ActiveContent[] } | PlaceholderReason> {
  if (!bytes) return 'missing';
  try {
    const copied = await withOpenBytes(bytes.length, async () => {
      const source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: OBJECTS_PER_TICK });
      // The whole document (its catalog too) before the pages are cleaned: it decides whether the original may be attached.
      const active = activeContent(source);
      // Only pages are copied, never the catalog: cleaning them leaves nothing active to copy.
      sanitisePages(source);
      return { pages: await doc.copyPages(source, source.getPageIndices()), active };
    });
    return copied.pages.length > 0 ? copied : 'corrupt';
  } catch (error) {
    // Unreadable, or a page tree pdf-lib can read but not copy (broken references).
    return /encrypt/i.test(String(error)) ? 'encrypted' : 'corrupt';
  }
}

async function drawImage(ts: Typesetter, image: PageImage, top: number): Promise<void> {
  const embedded = await ts.doc.embedJpg(encoded(image));
  const x = MARGIN.left + (IMAGE_BOX.width - image.drawWidth) / 2;
  ts.page.drawImage(embedded, { x, y: top - image.drawHeight, width: image.drawWidth, height: image.drawHeight });
}

function placeholder({ ts, text }: ExhibitContext, x: Exhibit, reason: PlaceholderReason): PlaceholderReason {
  const { b } = text;
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
  return reason;
}
