import 'server-only';
import { PDFDict, PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { drawingFonts } from '@/lib/pdf/fonts';
import { Typesetter } from '@/lib/pdf/layout';
import { savePdf } from '@/lib/pdf/save';
import type { BlobStore } from '@/lib/storage';
import type { BundleText } from './bundle-text';
import type { ExhibitMeta } from './exhibit-cache';
import { writeExhibit } from './exhibit-pages';
import type { Prepared } from './prepare';

/** Names that stand for the bundle's fonts in a cached exhibit's pages, until it is copied into a bundle. */
export const FONT_STAND_INS = { regular: PDFName.of('AppealPackRegular'), bold: PDFName.of('AppealPackBold') } as const;

/**
 * One exhibit's pages as a PDF of their own (caption, content, merged pages), for the cache:
 * typeset with the drawing fonts, which the pages only name (FONT_STAND_INS), so the PDF carries
 * no font; lib/export/exhibit-copy.ts re-encodes them into the bundle's subset. Images are drawn
 * at whatever encoding the size fitting chose (`image.jpeg`).
 */
export async function buildExhibitPages(p: Prepared, text: BundleText, store: BlobStore): Promise<{ bytes: Uint8Array; meta: ExhibitMeta }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await drawingFonts();
  const typeset = new Set<PDFPage>();
  const ts = new Typesetter(doc, fonts, (page) => typeset.add(page));
  const marks: ExhibitMeta['marks'] = [];
  const mark = (key: string) => {
    const page = doc.getPageCount() - 1;
    if (marks[marks.length - 1]?.[1] !== page) marks.push([Number(key.slice(key.lastIndexOf('#') + 1)), page]);
  };
  ts.newPage();
  const warning = await writeExhibit({ ts, text, addPage: (page) => doc.addPage(page), mark }, p, store);

  const indices: number[] = [];
  doc.getPages().forEach((page, i) => {
    if (!typeset.has(page)) return;
    indices.push(i);
    const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [key, value] of dict?.entries() ?? []) {
      if (value === fonts.regular.ref) dict?.set(key, FONT_STAND_INS.regular);
      else if (value === fonts.bold.ref) dict?.set(key, FONT_STAND_INS.bold);
    }
  });
  // In drawing order: re-encoding them in the bundle reports missing characters in the order a reader meets them.
  const codes = (font: typeof fonts.regular) => [...ts.drawnCodes(font)];
  const bytes = await savePdf(doc);
  const meta: ExhibitMeta = {
    pages: doc.getPageCount(),
    size: bytes.length,
    typeset: indices,
    codes: { regular: codes(fonts.regular), bold: codes(fonts.bold) },
    marks,
    missing: [...ts.missing],
    ...(warning ? { warning } : {}),
  };
  return { bytes, meta };
}
