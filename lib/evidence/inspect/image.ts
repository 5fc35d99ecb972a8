import 'server-only';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { readExifFacts } from './exif';

/*
 * 100 megapixels. Phones save 12 to 50 MP photos by default and a long scrolling screenshot of a
 * chat is 1080 × 50,000 = 54 MP, so real evidence fits. Decoded, 100 MP of RGBA is 400 MB, the most
 * one upload may cost the server; a PNG or GIF of a few KB can otherwise claim gigapixels (a
 * decompression bomb). The 108/200 MP "full resolution" camera modes are refused: ask for a
 * normal-resolution copy.
 */
export const MAX_INPUT_PIXELS = 100_000_000;

export type ImageInspection =
  | { status: 'ok'; width: number; height: number; orientation?: number; takenAt?: Date; hasGps: boolean }
  | { status: 'refused'; reason: 'tooManyPixels' | 'undecodable' };

/** A copy made from an original: never evidence itself, always rebuildable from the original. */
export type DerivedImage = { derived: true; format: 'jpeg' | 'webp'; mime: string; data: Buffer; width: number; height: number };

export type DerivedOptions = { maxSide?: number; format?: 'jpeg' | 'webp' };

/** Pixels decoded elsewhere (a HEIC, by libheif-js), upright already: sharp takes them as they are. */
export type RawPixels = { data: Uint8Array; width: number; height: number; channels: 4 };
/** An encoded file, or decoded pixels. */
export type ImageSource = Uint8Array | RawPixels;

/** Side of the small probe decode that proves the pixel data is readable, not only the header. */
const PROBE_SIDE = 64;

/**
 * Reads an image's size, orientation, capture time and GPS presence, and proves it decodes. Only the
 * header is read before the pixel limit is enforced, so a bomb is refused without being decoded.
 */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInspection> {
  let metadata: Metadata;
  try {
    metadata = await open(bytes).metadata();
  } catch (error) {
    return { status: 'refused', reason: isPixelLimit(error) ? 'tooManyPixels' : 'undecodable' };
  }
  const { width, height } = metadata;
  if (!width || !height) return { status: 'refused', reason: 'undecodable' };
  // sharp checks the limit itself too; checking here keeps the rule in one readable place.
  if (width * height > MAX_INPUT_PIXELS) return { status: 'refused', reason: 'tooManyPixels' };

  try {
    // JPEG and WebP shrink while decoding, so this costs a fraction of a full decode, yet a
    // truncated or corrupt file still fails here (sharp fails on decoder warnings by default).
    await open(bytes).resize(PROBE_SIDE, PROBE_SIDE, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    return { status: 'refused', reason: isPixelLimit(error) ? 'tooManyPixels' : 'undecodable' };
  }

  // A TIFF's tags are its EXIF: sharp hands no separate block for it, so read the file itself.
  const { takenAt, hasGps } = readExifFacts(metadata.exif ?? (metadata.format === 'tiff' ? bytes : undefined));
  // Reported as stored: width and height before the orientation is applied, as sharp reads them.
  return {
    status: 'ok',
    width,
    height,
    ...(metadata.orientation ? { orientation: metadata.orientation } : {}),
    ...(takenAt ? { takenAt } : {}),
    hasGps,
  };
}

/**
 * A preview for reviewers and the appeal PDF: upright (EXIF orientation applied) and with all
 * metadata gone, GPS included. JPEG by default because pdf-lib embeds only JPEG and PNG.
 * Throws on input inspectImage refuses: call that first.
 */
export function makeDerivedPreview(bytes: ImageSource, { maxSide = 1600, format = 'jpeg' }: DerivedOptions = {}): Promise<DerivedImage> {
  return derive(bytes, maxSide, format);
}

/** A 320 px thumbnail for lists in the browser, where WebP is smaller for the same quality. */
export function makeThumbnail(bytes: ImageSource, { maxSide = 320, format = 'webp' }: DerivedOptions = {}): Promise<DerivedImage> {
  return derive(bytes, maxSide, format);
}

async function derive(bytes: ImageSource, maxSide: number, format: 'jpeg' | 'webp'): Promise<DerivedImage> {
  // No withMetadata/keepExif: sharp then writes no EXIF, XMP or ICC at all, which is what strips GPS.
  const pipeline = open(bytes).rotate().resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
  // JPEG has no alpha: transparent screenshot areas would turn black, so lay them on white.
  const encoded = format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82 }) : pipeline.webp({ quality: 80 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { derived: true, format, mime: format === 'jpeg' ? 'image/jpeg' : 'image/webp', data, width: info.width, height: info.height };
}

function open(source: ImageSource): Sharp {
  if (source instanceof Uint8Array) return sharp(source, { limitInputPixels: MAX_INPUT_PIXELS });
  const { data, width, height, channels } = source;
  return sharp(data, { raw: { width, height, channels }, limitInputPixels: MAX_INPUT_PIXELS });
}

function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}
