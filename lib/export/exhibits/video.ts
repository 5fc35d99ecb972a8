import 'server-only';
import sharp from 'sharp';
import { frameTimes, layoutSheet, formatTimestamp } from '@/lib/media/sheet-layout';
import { MAX_INPUT_PIXELS } from '@/lib/evidence/inspect/image';
import { IMAGE_LEVELS, IMAGE_BOX, CAPTION_ROOM, type PageImage } from '../images';
import type { Exhibit } from '../collect';

/** A frame's time and where its label band sits, as fractions of the sheet (so any scaling keeps them in place). */
export type SheetLabel = { text: string; x: number; y: number; width: number; height: number };
export type NoSheetReason = 'videoNoTool' | 'videoNoSheet';

/**
 * A video exhibit: its contact sheet (the derived preview made at upload) scaled like photos so the
 * size fitting can step it down, and the frame times to write as real text under each frame. The
 * original itself never goes into the PDF: it travels in the ZIP under its exhibit id.
 */
export type VideoContent = {
  kind: 'video';
  sheet: { image: PageImage; labels: SheetLabel[]; times: string[] } | null;
  noSheet?: NoSheetReason;
};

const noSheet = (x: Exhibit): VideoContent => ({ kind: 'video', sheet: null, noSheet: x.checkReason === 'videoNoTool' ? 'videoNoTool' : 'videoNoSheet' });

/**
 * The frame labels, from the same layout the sheet was drawn with (lib/media/sheet-layout.ts) for
 * the stored duration and upright size. Only when the layout gives exactly the stored picture's
 * size: a sheet made by an older layout gets the times as a list rather than misplaced labels.
 */
export function sheetLabels(video: NonNullable<Exhibit['video']>, size: { width: number; height: number }): { labels: SheetLabel[]; times: string[] } {
  const times = frameTimes(video.seconds);
  const layout = layoutSheet(times, video);
  const fits = layout.width === size.width && layout.height === size.height;
  const labels = fits
    ? layout.cells.map((c) => ({ text: c.label, x: c.labelBox.x / size.width, y: c.labelBox.y / size.height, width: c.labelBox.width / size.width, height: c.labelBox.height / size.height }))
    : [];
  return { labels, times: times.map(formatTimestamp) };
}

/** The sheet at the bundle's best image step (200 DPI for the width it is drawn at), fitted below the caption. */
async function sheetImage(bytes: Buffer, width: number, height: number): Promise<PageImage> {
  const scale = Math.min(IMAGE_BOX.width / width, (IMAGE_BOX.height - CAPTION_ROOM) / height);
  const drawWidth = width * scale;
  const { dpi, quality } = IMAGE_LEVELS[0];
  const targetW = Math.min(width, Math.round((drawWidth / 72) * dpi));
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .resize({ width: targetW, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality })
    .toBuffer({ resolveWithObject: true });
  return { base: data, jpeg: data, width: info.width, height: info.height, drawWidth, drawHeight: height * scale };
}

/** Reads a video exhibit's sheet; without one (no ffmpeg, an unreadable video, a lost preview) says why. */
export async function prepareVideo(x: Exhibit, read: (key: string) => Promise<Buffer | null>): Promise<VideoContent> {
  if (!x.previewKey || !x.video) return noSheet(x);
  const bytes = await read(x.previewKey);
  if (!bytes) return noSheet(x);
  try {
    const { width, height } = await sharp(bytes).metadata();
    if (!width || !height) return noSheet(x);
    return { kind: 'video', sheet: { image: await sheetImage(bytes, width, height), ...sheetLabels(x.video, { width, height }) } };
  } catch {
    return noSheet(x);
  }
}

/** Every character the video page draws beyond the bundle's own words. */
export function videoCharacters(content: VideoContent): string {
  return content.sheet ? content.sheet.times.join('') : '';
}

/** "h264" → "H.264": how a reviewer knows the codecs. */
export function codecName(codec: string): string {
  const known: Record<string, string> = { h264: 'H.264 (AVC)', hevc: 'H.265 (HEVC)', mpeg4: 'MPEG-4 Part 2', av1: 'AV1', vp9: 'VP9' };
  return known[codec.toLowerCase()] ?? codec.toUpperCase();
}
