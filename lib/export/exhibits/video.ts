import 'server-only';
import sharp from 'sharp';
import { sheetLabels, type SheetLabel } from '@/lib/media/sheet-labels';
import { fittedImage, type PageImage } from '../images';
import type { Exhibit } from '../collect';

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

/** Reads a video exhibit's sheet; without one (no ffmpeg, an unreadable video, a lost preview) says why. */
export async function prepareVideo(x: Exhibit, read: (key: string) => Promise<Buffer | null>): Promise<VideoContent> {
  if (!x.previewKey || !x.video) return noSheet(x);
  const bytes = await read(x.previewKey);
  if (!bytes) return noSheet(x);
  try {
    const { width, height } = await sharp(bytes).metadata();
    if (!width || !height) return noSheet(x);
    const { labels, times } = sheetLabels(x.video, { width, height });
    // Fitted below the caption like a photo, encoded at the step the size fitting chooses; read again then.
    const load = async () => (await read(x.previewKey as string)) ?? Promise.reject(new Error(`the contact sheet of ${x.exhibitId} vanished during the export`));
    return { kind: 'video', sheet: { image: fittedImage({ load, page: 0, rotate: false, format: 'jpeg', bytesPerPixel: bytes.length / (width * height) }, width, height), labels, times } };
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
