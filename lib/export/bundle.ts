import 'server-only';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { drawingFonts, embedChineseFonts } from '@/lib/pdf/fonts';
import { readAll, type BlobStore } from '@/lib/storage';
import { distinctCharacters } from '@/lib/text/distinct-characters';
import { bundleText, type BundleText } from './bundle-text';
import { chatMentions } from './chat-mentions';
import { planDerivedScans } from './derived-scan';
import type { BundleData, Exhibit } from './collect';
import { readFit, writeFit } from './exhibit-cache';
import { exhibitPages, readExhibits } from './exhibit-set';
import { chooseImageStep } from './image-step';
import type { ImageLevel } from './images';
import { attachable, contentText, type Prepared } from './prepare';
import { writeChecklist } from './checklist-page';
import { measuredUnits, saveVolumes, saveWhole, splitVolumes, type BundleVolume, type LaidOut } from './volumes-save';
import { BundleWriter, type BundleWarning } from './writer';
import { writeAppendix, writeEvidence, type ExhibitPages } from './writer-evidence';

export type { BundleVolume, BundleWarning };
/**
 * `spill`: a split bundle's volumes are handed here as each is saved (stored, say), and only what it
 * returns is kept: forty volumes of 19 MB would otherwise all be held until the end.
 */
export type BundleOptions = { maxBytes: number; attachOriginals: boolean; now: Date; spill?: (volume: BundleVolume, n: number) => Promise<BundleVolume> };
export type Progress = (fraction: number, item: string) => Promise<void> | void;
export type BundleOutput = {
  volumes: BundleVolume[];
  pages: number;
  warnings: BundleWarning[];
  /** Exhibits that alone exceed the size limit: the merchant must submit them another way. */
  oversized: string[];
  /** PDFs too big for a volume as they are, which went in as labelled reduced copies (lib/export/derived-scan.ts). */
  reduced: string[];
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
    /** A count beside the seconds (cacheHits: exhibits whose pages an earlier export had typeset). */
    count(name: string, value: number) {
      timings[name] = value;
    },
  };
}

/**
 * Fits the platform's size limit, on estimates: images step down in
 * resolution, then quality (never below legible). Originals are attached only
 * when they look like they fit too (the saved size decides in the end).
 *
 * The estimate is generous and keeps 5% of the limit spare, except at the step
 * the case's last export saved at: there what that export measured (FitRecord)
 * stands in, plus what changed since, counted 15% high (the images' estimate
 * is that close). Adding a photo to a bundle at 19 of 20 MB then keeps its
 * step instead of re-encoding every image one step down, and an export of an
 * unchanged case keeps the step that fit.
 */
async function fitImages(prepared: Prepared[], store: BlobStore, characters: string, data: BundleData, options: BundleOptions) {
  // Two subset fonts (a CJK glyph is ~300 bytes a weight), the typeset front matter and the PDF structure.
  // A dossier page ~1.2 KB, a row of their compact table ~170 B (bench/dossiers.ts), with room for long timelines.
  const dossiers = data.dossiers.orders.length * (data.dossiers.compact ? 250 : 2000);
  const front = 120 * 1024 + distinctCharacters([characters, ...prepared.map((p) => contentText(p.content))]) * 600 + data.flaggedOrders.length * 400 + data.exhibits.length * 1500 + (data.checklist ? 6 * 1024 : 0) + dossiers;
  // Every estimate but the images', which depend on the step: each image is encoded once, at the step chosen.
  const other = front + prepared.reduce((sum, p) => sum + p.estimate, 0);
  const measured = await readFit(store, data.caseId);
  const fits = (level: ImageLevel, bytes: number) => {
    if (measured?.level !== level) return other + bytes <= options.maxBytes * 0.95;
    const change = other + bytes - measured.estimated;
    return measured.actual + change + Math.abs(change) * 0.15 <= options.maxBytes;
  };
  const step = await chooseImageStep(prepared, fits, store, data.caseId);
  const images = prepared.reduce((sum, p) => sum + step.imageBytes(p), 0);
  /**
   * Whether the originals look like they fit too: asked once every exhibit's pages are typeset, when
   * each PDF is known to carry nothing active (lib/export/exhibit-pages.ts). Only what would be
   * attached counts: a 100 MB video travels in the ZIP and must not keep the others out.
   */
  const originalsFit = () => fits(step.level, images + prepared.reduce((sum, p) => sum + (p.exhibit.omitOriginal || !attachable(p.content) ? 0 : p.exhibit.size), 0));
  return { imageLevel: step.level, estimated: other + images, originalsFit };
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
 * exhibit id; bookmarks mirroring the contents. The size decides on the saved
 * bytes: a bundle that fits is one document; one that does not is measured
 * exhibit by exhibit and laid out again in volumes.
 */
export async function buildBundle(data: BundleData, store: BlobStore, options: BundleOptions, report: Progress = () => {}): Promise<BundleOutput> {
  const clock = stopwatch();
  // Never backwards: a second layout (volumes, no originals) reports over ground already covered.
  let reached = 0;
  const progress: Progress = (fraction, item) => {
    reached = Math.max(reached, fraction);
    return report(reached, item);
  };
  const text = bundleText(data);

  // 1. Read every exhibit (image headers, chat logs, tables; two at a time), or take it from the cache.
  const prepared = await readExhibits(data, store, (done, total, item) => progress((done / total) * 0.45, item));
  planDerivedScans(prepared, options.maxBytes);
  const reduced = prepared.filter((p) => p.scan).map((p) => p.exhibit.exhibitId);
  clock.lap('read');

  // The chat lines naming each flagged order, for its dossier: every chat log read once.
  const mentions = chatMentions(data.flaggedOrders, prepared);

  // 2. Fit the size limit. It mostly waits on libvips: the fonts the exhibits are typeset with load
  // meanwhile (once a process; a failure is left to the first exhibit to report).
  drawingFonts().catch(() => {});
  const fit = await fitImages(prepared, store, text.characters, data, options);
  clock.lap('fit');

  // 3. Each exhibit's pages, typeset apart or taken from the cache; then the bundle around them, with a
  // font subset of every character drawn, its pages numbered and stamped, the contents written.
  const pages = await exhibitPages(data, prepared, text, store, fit.imageLevel, (done, total, item) => progress(0.48 + (done / total) * 0.22, item));
  clock.lap('exhibits');
  const characters = [text.characters, JSON.stringify([...mentions.values()]), ...data.exhibits.flatMap((x) => drawnCharacters(pages.pagesOf(x.exhibitId)))].join('');
  const pagesOf = (x: Exhibit): ExhibitPages => pages.pagesOf(x.exhibitId) ?? unreachable(x);
  const layOut = async (volumes: number, attach: boolean, onExhibit: (x: Exhibit) => Promise<void> | void = () => {}, shown?: (p: Prepared) => boolean): Promise<LaidOut> => {
    const doc = await PDFDocument.create();
    const writer = new BundleWriter(doc, await embedChineseFonts(doc, characters), data, text, volumes, options.now);
    writer.cover(1);
    writer.reserveContents();
    writeChecklist(writer, text, data.checklist, data.exhibits);
    writer.notice();
    writer.statement();
    writer.orders();
    writer.dossiers(mentions);
    writer.audit();
    await writeEvidence(writer, prepared, pagesOf, onExhibit, shown);
    writeAppendix(writer, attach);
    writer.stamp();
    return { doc, writer, links: writer.writeContents() };
  };
  const metadata = (doc: PDFDocument, volume?: number) => setMetadata(doc, data, text, options.now, volume);
  const attachments = (attach: boolean) => async (doc: PDFDocument) => {
    if (!attach) return;
    for (const { exhibit: x, content } of prepared) {
      // Scripted originals travel in the ZIP only: attached here, a viewer could open and run them.
      if (!attachable(content)) continue;
      // Left out by the merchant: the original says where a photo was taken (its hash stays in the manifest).
      if (x.omitOriginal) continue;
      const bytes = await readAll(store, x.storageKey);
      // pdf-lib writes the /F name as a Latin-1 string, which breaks on Chinese: the name is the exhibit id.
      if (bytes) await doc.attach(bytes, `${x.exhibitId}${path.extname(x.originalName).toLowerCase()}`, { mimeType: x.mime, description: `${x.title} (${x.originalName})`, creationDate: x.uploadedAt, modificationDate: x.uploadedAt });
    }
  };
  let placed = 0;
  const total = Math.max(1, data.exhibits.length);
  const placing = (x: Exhibit) => progress(0.7 + (Math.min(placed++, total) / total) * 0.2, `${x.exhibitId} ${x.title}`);
  // Volumes one at a time: each layout holds only its own exhibits' pages (blanks stand in for the rest).
  const volumesOf = async (count: number) => {
    const volumes: BundleVolume[] = [];
    let last: LaidOut | undefined;
    for (let v = 1; v <= count; v++) {
      last = await layOut(count, false, placing, (p) => p.volume === v);
      for (const saved of await saveVolumes(last, metadata, () => progress(0.92 + (v / count) * 0.08, ''), v)) volumes.push(options.spill ? await options.spill(saved, v) : saved);
    }
    return { laid: last as LaidOut, volumes };
  };
  const sizeOf = (id: string) => pages.pagesOf(id)?.meta.size ?? 0;

  // 4a. The exhibits alone exceed the limit: volume breaks from a layout without their pages and their cached sizes.
  if (data.exhibits.reduce((sum, x) => sum + sizeOf(x.exhibitId), 0) > options.maxBytes) {
    const skeleton = await layOut(1, false, () => {}, () => false);
    const units = measuredUnits(skeleton, (await saveWhole(skeleton, metadata, async () => {})).bytes.length, sizeOf);
    clock.lap('layout');
    const split = await splitVolumes(units, options.maxBytes, prepared, volumesOf);
    clock.lap('volumes');
    clock.count('cacheHits', pages.hits);
    if (split.volumes) return output(split.volumes, split.laid, { imageLevel: fit.imageLevel, attachedOriginals: false, oversized: split.oversized, reduced }, clock);
  }

  // 4b. Saved whole; if the originals tip it over the limit, without them.
  let attach = options.attachOriginals && fit.originalsFit();
  let laid = await layOut(1, attach, placing);
  clock.lap('layout');
  await progress(0.92, '');
  let whole = await saveWhole(laid, metadata, attachments(attach));
  if (whole.bytes.length > options.maxBytes && attach) {
    attach = false;
    laid = await layOut(1, false);
    whole = await saveWhole(laid, metadata, attachments(false));
  }
  clock.lap('save');
  clock.count('cacheHits', pages.hits);
  // What the next export's fitting goes by, fit or not; measured without originals only (attached,
  // they would count as the estimate's error).
  if (!attach) await writeFit(store, data.caseId, { level: fit.imageLevel, estimated: fit.estimated, actual: whole.bytes.length });
  if (whole.bytes.length <= options.maxBytes) return output([whole], laid, { imageLevel: fit.imageLevel, attachedOriginals: attach, oversized: [], reduced }, clock);

  // 5. Too big: volume breaks from each exhibit's measured bytes, then laid out and saved volume by volume.
  const split = await splitVolumes(measuredUnits(laid, whole.bytes.length), options.maxBytes, prepared, volumesOf);
  clock.lap('volumes');
  return output(split.volumes ?? [whole], split.laid ?? laid, { imageLevel: fit.imageLevel, attachedOriginals: false, oversized: split.oversized, reduced }, clock);
}

/** The characters an exhibit's cached pages draw, for the bundle's font subset. */
function drawnCharacters(pages: ExhibitPages | undefined): string[] {
  return pages ? [...pages.meta.codes.regular, ...pages.meta.codes.bold].map(([ch]) => ch) : [];
}

function unreachable(x: Exhibit): never {
  throw new Error(`no pages for exhibit ${x.exhibitId}`);
}

type Outcome = Pick<BundleOutput, 'imageLevel' | 'attachedOriginals' | 'oversized' | 'reduced'>;

function output(volumes: BundleVolume[], { doc, writer }: LaidOut, outcome: Outcome, clock: ReturnType<typeof stopwatch>): BundleOutput {
  return { volumes, pages: doc.getPageCount(), warnings: writer.warnings, ...outcome, timings: clock.timings, missingGlyphs: [...writer.ts.missing] };
}
