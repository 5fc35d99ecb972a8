import 'server-only';
import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from '@/lib/evidence/inspect/image';
import { A4, MARGIN } from '@/lib/pdf/layout';

/**
 * Encoding steps for images in the bundle, best first. The bundle starts at
 * 200 DPI and steps down only when the platform's size limit needs it; the
 * last step (110 DPI, quality 60) still reads receipts and chat screenshots.
 */
export const IMAGE_LEVELS = [
  { dpi: 200, quality: 80 },
  { dpi: 160, quality: 72 },
  { dpi: 130, quality: 66 },
  { dpi: 110, quality: 60 },
] as const;
export type ImageLevel = 0 | 1 | 2 | 3;

/** Where an image may go on its page: below the caption on an exhibit's first page, the whole area after. */
export const IMAGE_BOX = { width: A4[0] - MARGIN.left - MARGIN.right, height: A4[1] - MARGIN.top - MARGIN.bottom } as const;
/** Height the caption takes on an image exhibit's first page (points). */
export const CAPTION_ROOM = 230;

/** One page's worth of an image: the upright best encoding, and the encoding currently chosen. */
export type PageImage = {
  /** 200 DPI, quality 80, EXIF orientation applied, no metadata. */
  base: Buffer;
  jpeg: Buffer;
  /** Pixels of the base encoding. */
  width: number;
  height: number;
  /** Points on the page. */
  drawWidth: number;
  drawHeight: number;
};

const inches = (points: number) => points / 72;

function fitBox(w: number, h: number, boxW: number, boxH: number) {
  const scale = Math.min(boxW / w, boxH / h);
  return { drawWidth: w * scale, drawHeight: h * scale };
}

const FIRST_BOX_HEIGHT = IMAGE_BOX.height - CAPTION_ROOM;

const open = (bytes: Uint8Array, page = 0) => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, page });

/** Width and height as shown (EXIF orientation applied), from the header only. */
async function uprightSize(bytes: Uint8Array, page = 0): Promise<{ w: number; h: number }> {
  const meta = await open(bytes, page).metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const w = (rotated ? meta.height : meta.width) ?? 0;
  const h = (rotated ? meta.width : meta.height) ?? 0;
  if (!w || !h) throw new Error('no image size');
  return { w, h };
}

/** Taller than a page can show legibly in one piece: it will be cut into slices. */
const isLong = (w: number, h: number) => h / w > (FIRST_BOX_HEIGHT / IMAGE_BOX.width) * 1.6;

export async function isLongImage(bytes: Uint8Array): Promise<boolean> {
  const { w, h } = await uprightSize(bytes);
  return isLong(w, h);
}

/**
 * The pages an image needs: one, fitted below the caption, or for a long
 * screenshot (a scrolled chat is often 1080 × 20,000 px) page-high slices at
 * page width, so the text stays readable instead of shrinking to a stripe.
 */
export async function pageImages(bytes: Uint8Array): Promise<PageImage[]> {
  // A scanned fax or multi-page scan is one TIFF of many pages: each page gets its own (up to 100).
  const { pages = 1, format } = await open(bytes).metadata();
  const count = format === 'tiff' ? Math.min(pages, 100) : 1;
  const out: PageImage[] = [];
  for (let page = 0; page < count; page++) out.push(...(await onePage(bytes, page)));
  return out;
}

async function onePage(bytes: Uint8Array, page: number): Promise<PageImage[]> {
  const upright = open(bytes, page).rotate();
  const { w, h } = await uprightSize(bytes, page);
  const { dpi, quality } = IMAGE_LEVELS[0];

  if (!isLong(w, h)) {
    const { drawWidth, drawHeight } = fitBox(w, h, IMAGE_BOX.width, FIRST_BOX_HEIGHT);
    const targetW = Math.min(w, Math.round(inches(drawWidth) * dpi));
    const { data, info } = await upright
      .resize({ width: targetW, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality })
      .toBuffer({ resolveWithObject: true });
    return [{ base: data, jpeg: data, width: info.width, height: info.height, drawWidth, drawHeight }];
  }

  // Long image: page width, cut into slices as high as a page.
  const targetW = Math.min(w, Math.round(inches(IMAGE_BOX.width) * dpi));
  const scaledH = Math.round((h * targetW) / w);
  const { data: whole } = await upright
    .resize({ width: targetW, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pxPerPoint = targetW / IMAGE_BOX.width;
  const slices: PageImage[] = [];
  let top = 0;
  let first = true;
  while (top < scaledH) {
    const sliceH = Math.min(scaledH - top, Math.floor((first ? FIRST_BOX_HEIGHT : IMAGE_BOX.height) * pxPerPoint));
    const data = await sharp(whole, { raw: { width: targetW, height: scaledH, channels: 3 } })
      .extract({ left: 0, top, width: targetW, height: sliceH })
      .jpeg({ quality })
      .toBuffer();
    slices.push({ base: data, jpeg: data, width: targetW, height: sliceH, drawWidth: IMAGE_BOX.width, drawHeight: sliceH / pxPerPoint });
    top += sliceH;
    first = false;
  }
  return slices;
}

/** The image at a lower step, made from its base encoding (never from a previous step). */
export async function atLevel(image: PageImage, level: ImageLevel): Promise<Buffer> {
  if (level === 0) return image.base;
  const { dpi, quality } = IMAGE_LEVELS[level];
  const width = Math.max(1, Math.round((image.width * dpi) / IMAGE_LEVELS[0].dpi));
  return sharp(image.base).resize({ width }).jpeg({ quality }).toBuffer();
}

/**
 * The best step at which all images fit `budget` bytes, judged on a sample
 * (re-encoding 120 photos per step to find out would double the export time).
 * Returns 3, the smallest legible step, when even that does not fit.
 */
export async function chooseLevel(images: PageImage[], budget: number): Promise<ImageLevel> {
  const total = images.reduce((sum, i) => sum + i.base.length, 0);
  if (total <= budget) return 0;
  const step = Math.max(1, Math.floor(images.length / 8));
  const sample = images.filter((_, i) => i % step === 0).slice(0, 8);
  const sampleBase = sample.reduce((sum, i) => sum + i.base.length, 0);
  for (const level of [1, 2, 3] as const) {
    const sizes = await Promise.all(sample.map(async (i) => (await atLevel(i, level)).length));
    const ratio = sizes.reduce((a, b) => a + b, 0) / sampleBase;
    if (total * ratio <= budget) return level;
  }
  return 3;
}

/** Runs `fn` over `items`, `limit` at a time (sharp work is CPU-bound; two cores here). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
