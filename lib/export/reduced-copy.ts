import 'server-only';
import type { PDFiumDocument } from '@hyzyla/pdfium';
import { PDFPage, type PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { MUTED } from '@/lib/pdf/layout';
import { pdfium } from '@/lib/tools/pdfium';
import { fileSize } from './bundle-text';
import type { Exhibit } from './collect';
import type { ScanSettings, ScanStep } from './derived-scan';
import type { ExhibitContext } from './exhibit-pages';
import type { PlaceholderReason } from './prepare';

/** What a placed page costs beyond its JPEG: page and image dictionaries, a content stream, the stamps. */
const PAGE_OVERHEAD = 1024;
/**
 * PDFium keeps what it parsed of every page it drew until the document closes (about 1.7 MB a
 * page of a 54 MB scan: 50 pages double its memory, which WebAssembly never gives back), so the
 * document is opened again after this many pages.
 */
const PAGES_PER_OPENING = 10;
type Rendered = { jpeg: Buffer; width: number; height: number };
/** A page drawn: RGBA pixels, the page's size as displayed (points), and whether it has text. */
type Drawn = { data: Uint8Array; pixels: [number, number]; width: number; height: number; text: boolean };

const pixelsAt = (d: { width: number; height: number }, dpi: number): [number, number] => [Math.ceil((d.width * dpi) / 72), Math.ceil((d.height * dpi) / 72)];

/** The document in PDFium, opened again every PAGES_PER_OPENING pages drawn. */
class Source {
  private opened: PDFiumDocument | undefined;
  private drawn = 0;
  private constructor(private readonly bytes: Uint8Array) {}

  static async open(bytes: Uint8Array): Promise<Source> {
    const source = new Source(bytes);
    await source.document();
    return source;
  }

  async document(): Promise<PDFiumDocument> {
    if (this.opened && this.drawn >= PAGES_PER_OPENING) this.close();
    this.opened ??= await (await pdfium()).loadDocument(this.bytes);
    return this.opened;
  }

  /** One page drawn by PDFium (WebAssembly: the same pixels on every machine, with or without poppler). */
  async page(index: number, dpi: number): Promise<Drawn> {
    const page = (await this.document()).getPage(index);
    // Before rendering: render() closes the page.
    const text = page.getText().trim() !== '';
    const { originalWidth: width, originalHeight: height } = page.getOriginalSize();
    const [w, h] = pixelsAt({ width, height }, dpi);
    const image = await page.render({ width: w, height: h, render: 'bitmap' });
    this.drawn += 1;
    return { data: image.data, pixels: [image.width, image.height], width, height, text };
  }

  close(): void {
    this.opened?.destroy();
    this.opened = undefined;
    this.drawn = 0;
  }
}

/** A drawn page as JPEG (sharp), scaled first to `size` pixels when given. */
async function encode(page: Drawn, quality: number, size?: [number, number]): Promise<Buffer> {
  let image = sharp(page.data, { raw: { width: page.pixels[0], height: page.pixels[1], channels: 4 } }).removeAlpha();
  if (size && (size[0] !== page.pixels[0] || size[1] !== page.pixels[1])) image = image.resize(size[0], size[1], { fit: 'fill' });
  return image.jpeg({ quality }).toBuffer();
}

/**
 * The best step whose copy looks like it fits, judged on a few pages spread through the document
 * (a cover or a blank first page alone would mislead), each drawn once at the top resolution and
 * scaled down for the others; the last step when none fits.
 */
async function chooseStep(source: Source, count: number, scan: ScanSettings): Promise<number> {
  const sample = [...new Set([0, Math.floor(count / 3), Math.floor((2 * count) / 3), count - 1])];
  const top = Math.max(...scan.steps.map((s) => s.dpi));
  const bytes = scan.steps.map(() => 0);
  for (const index of sample) {
    const page = await source.page(index, top);
    for (const [i, step] of scan.steps.entries()) bytes[i] = (bytes[i] ?? 0) + (await encode(page, step.quality, pixelsAt(page, step.dpi))).length;
  }
  const fits = bytes.findIndex((b) => (b / sample.length + PAGE_OVERHEAD) * count <= scan.target * 0.95);
  return fits === -1 ? scan.steps.length - 1 : fits;
}

/**
 * Every page at one step, one at a time (only the JPEGs are kept); null as soon as they pass the
 * target, unless this is the last step, whose copy is kept whatever it weighs.
 */
async function renderAll(source: Source, count: number, step: ScanStep, target: number | null) {
  const pages: Rendered[] = [];
  let bytes = 0;
  let text = false;
  for (let i = 0; i < count; i++) {
    const page = await source.page(i, step.dpi);
    const jpeg = await encode(page, step.quality);
    text ||= page.text;
    bytes += jpeg.length + PAGE_OVERHEAD;
    if (target !== null && bytes > target) return null;
    pages.push({ jpeg, width: page.width, height: page.height });
  }
  return { pages, text };
}

/**
 * A reduced copy of a PDF too big for a volume on its own (lib/export/derived-scan.ts): each page
 * rendered as an image at the best step that fits and placed one per page, at the page's size. Writes
 * the caption's note saying what was done and what it loses, then returns the pages (not yet added).
 */
export async function reducedCopy(ctx: ExhibitContext, x: Exhibit, bytes: Uint8Array | null, scan: ScanSettings): Promise<PDFPage[] | PlaceholderReason> {
  if (!bytes) return 'missing';
  let source: Source;
  try {
    source = await Source.open(bytes);
  } catch (error) {
    return /password|security/i.test(String(error)) ? 'encrypted' : 'corrupt';
  }
  try {
    const count = (await source.document()).getPageCount();
    if (count === 0) return 'corrupt';
    let index = await chooseStep(source, count, scan);
    let copy = null;
    for (; !copy; index++) copy = await renderAll(source, count, scan.steps[index] as ScanStep, index < scan.steps.length - 1 ? scan.target : null);
    const step = scan.steps[index - 1] as ScanStep;
    const { ts } = ctx;
    const { b } = ctx.text;
    ts.text(b('caption.reduced', { size: fileSize(x.size), bytes: x.size, limit: fileSize(scan.limit), pages: count, dpi: step.dpi, quality: step.quality, sha256: x.sha256 }), { size: 8, color: MUTED });
    if (copy.text) ts.text(b('caption.reducedText'), { size: 8, color: MUTED });
    const pages: PDFPage[] = [];
    for (const rendered of copy.pages) pages.push(await place(ts.doc, rendered));
    return pages;
  } finally {
    source.close();
  }
}

async function place(doc: PDFDocument, { jpeg, width, height }: Rendered): Promise<PDFPage> {
  const page = PDFPage.create(doc);
  page.setSize(width, height);
  page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width, height });
  return page;
}
