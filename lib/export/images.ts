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
export const LEVELS: readonly ImageLevel[] = [0, 1, 2, 3];

/** Where an image may go on its page: below the caption on an exhibit's first page, the whole area after. */
export const IMAGE_BOX = { width: A4[0] - MARGIN.left - MARGIN.right, height: A4[1] - MARGIN.top - MARGIN.bottom } as const;
/** Height the caption takes on an image exhibit's first page (points). */
export const CAPTION_ROOM = 230;

/**
 * The file an image is drawn from: read again when it is encoded, so no decoded or encoded copy
 * waits in memory. Its format and bytes per pixel tell the size fitting how detailed it is (a grainy
 * photo takes more bytes at any step than a flat one), see lib/export/image-step.ts.
 */
export type ImageSource = { load: () => Promise<Uint8Array>; page: number; rotate: boolean; format: string; bytesPerPixel: number };

/**
 * One page's worth of an image. Only its geometry is known until `encodeImages` encodes it at the
 * step the size fitting chose, straight from the source (never from another step's JPEG).
 */
export type PageImage = {
  source: ImageSource;
  /** Rows of the upright image scaled to `width` (step 0) that this page shows: a long screenshot's slice. */
  slice?: { top: number; height: number; wholeHeight: number };
  /** Pixels at step 0 (200 DPI where the source has them). */
  width: number;
  height: number;
  /** Points on the page. */
  drawWidth: number;
  drawHeight: number;
  /** The JPEG at the chosen step, once encoded, and that step. */
  jpeg?: Buffer;
  jpegLevel?: ImageLevel;
};

// libvips keeps up to 50 MB of recent operations for reuse; an export never asks for the same one
// twice (each source is encoded once, at one step), so the cache only adds to its peak memory.
sharp.cache(false);

const inches = (points: number) => points / 72;
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

/** An image fitted below the caption, at most 200 DPI for the size it is drawn at. */
export function fittedImage(source: ImageSource, w: number, h: number): PageImage {
  const scale = Math.min(IMAGE_BOX.width / w, FIRST_BOX_HEIGHT / h);
  const drawWidth = w * scale;
  const drawHeight = h * scale;
  const width = Math.min(w, Math.round(inches(drawWidth) * IMAGE_LEVELS[0].dpi));
  return { source, width, height: Math.round((h * width) / w), drawWidth, drawHeight };
}

/**
 * The pages an image needs: one, fitted below the caption, or for a long
 * screenshot (a scrolled chat is often 1080 × 20,000 px) page-high slices at
 * page width, so the text stays readable instead of shrinking to a stripe.
 * Reads headers only; `load` gives the bytes again when they are encoded.
 */
export async function pageImages(bytes: Uint8Array, load: () => Promise<Uint8Array> = async () => bytes): Promise<PageImage[]> {
  // A scanned fax or multi-page scan is one TIFF of many pages: each page gets its own (up to 100).
  const { pages = 1, format = 'unknown', width = 1, height = 1, compression } = await open(bytes).metadata();
  // sharp reads a HEIC's header but cannot decode HEVC: such a photo is shown through its preview or explained.
  if (format === 'heif' && compression !== 'av1') throw new Error('HEVC cannot be decoded here');
  const count = format === 'tiff' ? Math.min(pages, 100) : 1;
  const bytesPerPixel = bytes.length / (width * height * (format === 'tiff' ? pages : 1));
  const out: PageImage[] = [];
  for (let page = 0; page < count; page++) {
    const { w, h } = await uprightSize(bytes, page);
    const source = { load, page, rotate: true, format, bytesPerPixel };
    out.push(...(isLong(w, h) ? slices(source, w, h) : [fittedImage(source, w, h)]));
  }
  return out;
}

/** A long image at page width, cut into slices as high as a page (the first below the caption). */
function slices(source: ImageSource, w: number, h: number): PageImage[] {
  const width = Math.min(w, Math.round(inches(IMAGE_BOX.width) * IMAGE_LEVELS[0].dpi));
  const wholeHeight = Math.round((h * width) / w);
  const pxPerPoint = width / IMAGE_BOX.width;
  const out: PageImage[] = [];
  for (let top = 0; top < wholeHeight; ) {
    const height = Math.min(wholeHeight - top, Math.floor((out.length === 0 ? FIRST_BOX_HEIGHT : IMAGE_BOX.height) * pxPerPoint));
    out.push({ source, slice: { top, height, wholeHeight }, width, height, drawWidth: IMAGE_BOX.width, drawHeight: height / pxPerPoint });
    top += height;
  }
  return out;
}

/** Pixel width at a step: step 0's scaled by the step's DPI. */
const widthAt = (image: PageImage, level: ImageLevel) => Math.max(1, Math.round((image.width * IMAGE_LEVELS[level].dpi) / IMAGE_LEVELS[0].dpi));

/** Pixels an image has at a step, for estimating its bytes before encoding it. */
export function pixelsAt(pixels: number, level: ImageLevel): number {
  return pixels * (IMAGE_LEVELS[level].dpi / IMAGE_LEVELS[0].dpi) ** 2;
}

/** Upright, scaled to `width`, on white: the pipeline every encoding starts from. */
function upright(bytes: Uint8Array, image: PageImage, width: number) {
  const pipeline = open(bytes, image.source.page);
  return (image.source.rotate ? pipeline.rotate() : pipeline).resize({ width, withoutEnlargement: true }).flatten({ background: '#ffffff' });
}

/**
 * Encodes each image at `level`, from its source, and returns the JPEGs (also kept on the image
 * unless `keep` is false); one kept at that step already (the size fitting's sample) is not encoded
 * again. A long image is scaled once and cut into all its slices; the slices' rows follow step 0's, scaled.
 */
export async function encodeImages(images: PageImage[], level: ImageLevel, keep = true): Promise<Buffer[]> {
  const { quality } = IMAGE_LEVELS[level];
  const out = new Map<PageImage, Buffer>();
  const groups = new Map<ImageSource, PageImage[]>();
  for (const image of images) {
    if (image.jpeg && image.jpegLevel === level) out.set(image, image.jpeg);
    else groups.set(image.source, [...(groups.get(image.source) ?? []), image]);
  }
  // A multi-page TIFF's pages share one file: read it once per call, not once a page.
  const files = new Map<ImageSource['load'], Promise<Uint8Array>>();
  const bytesOf = (source: ImageSource) => {
    let bytes = files.get(source.load);
    if (!bytes) files.set(source.load, (bytes = source.load()));
    return bytes;
  };
  for (const group of groups.values()) {
    const [first] = group as [PageImage];
    const bytes = await bytesOf(first.source);
    if (!first.slice) {
      for (const image of group) out.set(image, await upright(bytes, image, widthAt(image, level)).jpeg({ quality }).toBuffer());
      continue;
    }
    const { data, info } = await upright(bytes, first, widthAt(first, level)).raw().toBuffer({ resolveWithObject: true });
    const row = (top: number) => Math.round((top * info.height) / first.slice!.wholeHeight);
    for (const image of group) {
      const { top, height } = image.slice!;
      const from = row(top);
      const to = top + height >= image.slice!.wholeHeight ? info.height : row(top + height);
      const raw = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      out.set(image, await raw.extract({ left: 0, top: from, width: info.width, height: Math.max(1, to - from) }).jpeg({ quality }).toBuffer());
    }
  }
  return images.map((image) => {
    const jpeg = out.get(image) as Buffer;
    if (keep) Object.assign(image, { jpeg, jpegLevel: level });
    return jpeg;
  });
}

/** The JPEG to draw; an image drawn before the size fitting encoded it is a bug. */
export function encoded(image: PageImage): Buffer {
  if (!image.jpeg) throw new Error('an image is drawn before it was encoded at the chosen step');
  return image.jpeg;
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
