import 'server-only';
import sharp from 'sharp';
import { readExifFacts } from './exif';
import { MAX_INPUT_PIXELS, type ImageInspection, type RawPixels } from './image';

/*
 * libheif-js is libheif with libde265 compiled to WebAssembly: it decodes HEVC, which sharp's
 * prebuilt libvips leaves out for patent reasons. Used directly rather than through heic-decode,
 * whose one-image call decodes the first top-level image: libheif lists those by item id, and the
 * primary (the photo a burst or a Live Photo shows) need not be first.
 */
type HeifImage = { handle: unknown; get_width(): number; get_height(): number; is_primary(): boolean; free(): void };
type Channel = { id: number; width: number; height: number; stride: number; data: Uint8Array };
type LibHeif = {
  HeifDecoder: new () => { decoder: { delete(): void } | null; decode(bytes: Uint8Array): HeifImage[] };
  heif_js_decode_image2(handle: unknown, colorspace: number, chroma: number): Promise<{ code?: number; image: unknown; channels: Channel[] } | null>;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: number };
  heif_chroma: { heif_chroma_interleaved_RGBA: number };
  heif_channel: { heif_channel_interleaved: number };
};

let libheif: Promise<LibHeif> | undefined;
/** Loaded on first use: 1.4 MB of WebAssembly that only a HEIC upload needs. */
const loadLibheif = () => (libheif ??= import('libheif-js/wasm-bundle').then((m) => ((m as { default?: LibHeif }).default ?? m) as LibHeif));

export type HeicInspection = Exclude<ImageInspection, { status: 'ok' }> | (Extract<ImageInspection, { status: 'ok' }> & { pixels: RawPixels });

/**
 * Reads a HEIC/HEIF photo: size, capture time and GPS from its container (sharp parses it, only
 * the decoding is missing), the pixel limit enforced before decoding, then the primary image
 * decoded to RGBA. libheif applies the container's rotation and mirroring (irot/imir) while
 * decoding and the spec says EXIF orientation must then be ignored: the pixels are upright as
 * they are, and no orientation is reported, so nothing downstream turns them again.
 */
export async function inspectHeic(bytes: Uint8Array): Promise<HeicInspection> {
  let exif: Uint8Array | undefined;
  try {
    // No limitInputPixels: metadata decodes nothing, and the limit is checked here with its own reason.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    const { width = 0, height = 0 } = metadata;
    if (Math.max(width * height, largestCodedImage(bytes)) > MAX_INPUT_PIXELS) return { status: 'refused', reason: 'tooManyPixels' };
    exif = metadata.exif;
  } catch {
    return { status: 'refused', reason: 'undecodable' };
  }
  const decoded = await decodePrimary(bytes);
  if ('reason' in decoded) return { status: 'refused', reason: decoded.reason };
  const { takenAt, hasGps } = readExifFacts(exif);
  return { status: 'ok', width: decoded.width, height: decoded.height, ...(takenAt ? { takenAt } : {}), hasGps, pixels: decoded };
}

async function decodePrimary(bytes: Uint8Array): Promise<RawPixels | { reason: 'tooManyPixels' | 'undecodable' }> {
  const lib = await loadLibheif();
  const decoder = new lib.HeifDecoder();
  let images: HeifImage[] = [];
  try {
    images = decoder.decode(bytes);
    const primary = images.find((image) => image.is_primary()) ?? images[0];
    if (!primary) return { reason: 'undecodable' };
    const width = primary.get_width();
    const height = primary.get_height();
    // The header check above read sharp's view of the file; this is the size libheif will allocate.
    if (width * height > MAX_INPUT_PIXELS) return { reason: 'tooManyPixels' };
    // Called directly, not through HeifImage.display, which decodes in a setTimeout callback where
    // a failure would escape every try and take the task thread down with it.
    const decoded = await lib.heif_js_decode_image2(primary.handle, lib.heif_colorspace.heif_colorspace_RGB, lib.heif_chroma.heif_chroma_interleaved_RGBA);
    if (!decoded || decoded.code) return { reason: 'undecodable' };
    try {
      const rgba = decoded.channels.find((c) => c.id === lib.heif_channel.heif_channel_interleaved);
      if (!rgba || rgba.width !== width || rgba.height !== height) return { reason: 'undecodable' };
      return { data: packRows(rgba), width, height, channels: 4 };
    } finally {
      lib.heif_image_release(decoded.image);
    }
  } catch {
    // A file libheif rejects part-way (truncated data, a codec it lacks such as AV1) is unreadable, not a crash.
    return { reason: 'undecodable' };
  } finally {
    for (const image of images) image.free();
    decoder.decoder?.delete();
  }
}

/** Copies the plane out of WebAssembly memory (freed with the image), dropping any row padding. */
function packRows({ data, width, height, stride }: Channel): Uint8Array {
  const row = width * 4;
  if (stride === row) return data.slice(0, row * height);
  const packed = new Uint8Array(row * height);
  for (let y = 0; y < height; y++) packed.set(data.subarray(y * stride, y * stride + row), y * row);
  return packed;
}

/**
 * The most pixels any image item of the file declares (its ispe property). sharp reports the size
 * after cropping (clap), but libheif allocates the coded size first, and a grid photo's tiles
 * are items of their own: the largest declared size is what a decode may cost.
 */
function largestCodedImage(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  let largest = 0;
  for (let at = 0; at + 8 <= bytes.length; ) {
    const size = view.getUint32(at);
    if (size < 8) break;
    // Properties live in the meta box (before the image data): only its bytes are searched.
    if (type(at) === 'meta') {
      for (let p = at + 8; p + 20 <= Math.min(at + size, bytes.length); p++) {
        if (view.getUint32(p) === 20 && type(p) === 'ispe') largest = Math.max(largest, view.getUint32(p + 12) * view.getUint32(p + 16));
      }
    }
    at += size;
  }
  return largest;
}
