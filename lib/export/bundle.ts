import 'server-only';
import path from 'node:path';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { addLink, setOutline, setPageLabels } from '@/lib/pdf/navigation';
import type { BlobStore } from '@/lib/storage';
import { bundleText, type BundleText } from './bundle-text';
import type { BundleData } from './collect';
import { atLevel, chooseLevel, mapLimit, type ImageLevel } from './images';
import { contentText, estimate, planVolumes, prepare, read, type Prepared } from './prepare';
import { BundleWriter, type BundleWarning } from './writer';

export type { BundleWarning };
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

function stopwatch() {
  const timings: Record<string, number> = {};
  let start = performance.now();
  return {
    timings,
    lap(name: string) {
      const now = performance.now();
      timings[name] = Math.round(now - start) / 1000;
      start = now;
    },
  };
}

/**
 * Fits the platform's size limit: images step down in resolution, then
 * quality (never below legible); what still does not fit is split into
 * volumes. Originals are attached only when they fit too.
 */
async function fitToLimit(prepared: Prepared[], characters: string, data: BundleData, options: BundleOptions, progress: Progress) {
  // Two subset fonts (a CJK glyph is ~300 bytes a weight), the typeset front matter and the PDF structure.
  const front = 120 * 1024 + new Set(characters).size * 600 + data.flaggedOrders.length * 400 + data.exhibits.length * 1500;
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
  const { volumes, oversized } = planVolumes(prepared, front, budget);
  const estimated = front + prepared.reduce((sum, p) => sum + p.estimate, 0);
  const originals = data.exhibits.reduce((sum, x) => sum + (x.omitOriginal ? 0 : x.size), 0);
  const attachOriginals = options.attachOriginals && volumes === 1 && estimated + originals <= budget;
  return { imageLevel, volumes, oversized, attachOriginals };
}

function setMetadata(doc: PDFDocument, data: BundleData, text: BundleText, now: Date, volume?: number) {
  const c = data.case;
  const { b } = text;
  doc.setTitle(`${b('pdfTitle', { shop: c.shopName || c.title })}${volume ? ` ${b('cover.volume', { n: text.volume(volume) })}` : ''}`, { showInWindowTitleBar: true });
  doc.setAuthor(c.contactName || c.shopName);
  doc.setSubject(b('subject', { platform: text.platformName, shop: c.shopName }));
  doc.setKeywords([c.noticeNumber, c.shopId, text.platformName].filter(Boolean));
  doc.setLanguage(text.language);
  doc.setCreator('Appeal Pack 申诉证据包');
  doc.setProducer('Appeal Pack (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
}

/**
 * Builds the evidence bundle: cover, contents, statement, flagged orders and
 * coverage, self-audit, the exhibits by category, the manifest and the
 * declaration; every page numbered and every evidence page stamped with its
 * exhibit id; bookmarks mirroring the contents; within the size limit, in
 * volumes if need be.
 */
export async function buildBundle(data: BundleData, store: BlobStore, options: BundleOptions, progress: Progress = () => {}): Promise<BundleOutput> {
  const clock = stopwatch();
  const text = bundleText(data);

  // 1. Read every exhibit (images are decoded and scaled here, two at a time).
  let done = 0;
  const total = Math.max(1, data.exhibits.length);
  const prepared: Prepared[] = await mapLimit(data.exhibits, 2, async (exhibit) => {
    const content = await prepare(exhibit, store);
    done += 1;
    await progress((done / total) * 0.45, `${exhibit.exhibitId} ${exhibit.title}`);
    return { exhibit, content, estimate: estimate(exhibit, content), volume: 1 };
  });
  clock.lap('read');

  // 2. Fit the size limit.
  const characters = [text.characters, ...prepared.map((p) => contentText(p.content))].join('');
  const fit = await fitToLimit(prepared, characters, data, options, progress);
  clock.lap('fit');

  // 3. Lay everything out in one document, with a font subset of every character it draws.
  const doc = await PDFDocument.create();
  const fonts = await embedChineseFonts(doc, characters);
  clock.lap('fonts');
  const writer = new BundleWriter(doc, fonts, data, text, fit.volumes, options.now);
  writer.cover(1);
  writer.reserveContents();
  writer.notice();
  writer.statement();
  writer.orders();
  writer.audit();
  let placed = 0;
  await writer.evidence(prepared, store, (x) => progress(0.5 + (placed++ / total) * 0.4, `${x.exhibitId} ${x.title}`));
  writer.appendix(fit.attachOriginals);
  clock.lap('layout');

  // 4. Numbers and stamps over the whole bundle, so numbering runs on across volumes; then the contents.
  writer.stamp();
  const links = writer.writeContents();
  await progress(0.92, '');
  clock.lap('stamps');

  // 5. One document, or one per volume.
  const pages = doc.getPages();
  const volumes: BundleVolume[] = [];
  if (fit.volumes === 1) {
    for (const link of links) addLink(doc, pages[link.tocPage] as PDFPage, link.rect, pages[link.target] as PDFPage);
    setOutline(doc, writer.contents.outline((i) => pages[i]));
    setMetadata(doc, data, text, options.now);
    if (fit.attachOriginals) {
      for (const x of data.exhibits) {
        // Left out by the merchant: the original says where a photo was taken (its hash stays in the manifest).
        if (x.omitOriginal) continue;
        const bytes = await read(store, x.storageKey);
        // pdf-lib writes the /F name as a Latin-1 string, which breaks on Chinese: the name is the exhibit id.
        if (bytes) await doc.attach(bytes, `${x.exhibitId}${path.extname(x.originalName).toLowerCase()}`, { mimeType: x.mime, description: `${x.title} (${x.originalName})`, creationDate: x.uploadedAt, modificationDate: x.uploadedAt });
      }
    }
    volumes.push({ bytes: await doc.save(), pages: pages.length, firstPage: 1 });
  } else {
    for (let v = 1; v <= fit.volumes; v++) {
      const start = writer.volumeStarts[v - 1] ?? 0;
      const end = writer.volumeStarts[v] ?? pages.length;
      const part = await PDFDocument.create();
      const copied = await part.copyPages(doc, Array.from({ length: end - start }, (_, i) => start + i));
      for (const page of copied) part.addPage(page);
      const pageOf = (i: number) => (i >= start && i < end ? copied[i - start] : undefined);
      for (const link of links) {
        const from = pageOf(link.tocPage);
        const to = pageOf(link.target);
        if (from && to) addLink(part, from, link.rect, to);
      }
      setOutline(part, writer.contents.outline(pageOf));
      setPageLabels(part, start + 1);
      setMetadata(part, data, text, options.now, v);
      volumes.push({ bytes: await part.save(), pages: end - start, firstPage: start + 1 });
      await progress(0.92 + (v / fit.volumes) * 0.08, '');
    }
  }
  clock.lap('save');
  return {
    volumes,
    pages: pages.length,
    warnings: writer.warnings,
    oversized: fit.oversized,
    imageLevel: fit.imageLevel,
    attachedOriginals: fit.attachOriginals,
    timings: clock.timings,
    missingGlyphs: [...writer.ts.missing],
  };
}
