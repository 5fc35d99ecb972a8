import 'server-only';
import { buildContactSheet } from '@/lib/media/contact-sheet';
import { findMediaTool } from '@/lib/media/ffmpeg';
import { probeVideo } from '@/lib/media/probe-video';
import { withTempCopy } from '@/lib/media/temp-copy';
import type { BlobStore } from '@/lib/storage/types';
import { makeDerivedPreview, makeThumbnail } from './image';
import type { StoredFacts } from './stored-facts';

/** Why a kept video has no sheet: no ffmpeg/ffprobe on this server, or one it could not read. */
export type VideoNote = 'videoNoTool' | 'videoNoSheet';

/**
 * A stored video's facts and derived copies: ffprobe's duration, upright size, creation time
 * and location; the contact sheet (12 to 24 frames) as the preview and its thumbnail. A video is
 * never refused here: without ffmpeg, or when ffmpeg cannot read it, it is kept and hashed like
 * any original, and checkReason says why there is no sheet. The original is copied to a private
 * temp file because ffmpeg seeks; it is never read into memory.
 */
export async function storedVideoFacts(store: BlobStore, key: string, derivedKey: (suffix: string) => string): Promise<StoredFacts> {
  const kept = (checkReason: VideoNote): StoredFacts => ({ checkStatus: 'ok', checkReason, hasLocation: false });
  const tools = { ffmpeg: findMediaTool('ffmpeg'), ffprobe: findMediaTool('ffprobe') };
  if (!tools.ffmpeg || !tools.ffprobe) return kept('videoNoTool');
  const source = await store.get(key);
  if (!source) return kept('videoNoSheet');
  return withTempCopy(source, async (file) => {
    const probe = await probeVideo(file, tools.ffprobe);
    if (!probe.ok) return kept('videoNoSheet');
    const { facts } = probe;
    const known: StoredFacts = {
      checkStatus: 'ok',
      checkReason: '',
      hasLocation: facts.hasLocation,
      ...(facts.createdAt ? { documentDate: new Date(facts.createdAt), videoCreatedAt: new Date(facts.createdAt) } : {}),
      videoSeconds: facts.durationSeconds,
      videoWidth: facts.width,
      videoHeight: facts.height,
      videoCodec: facts.codec,
    };
    const built = await buildContactSheet(file, tools);
    if (!built.ok) return { ...known, checkReason: 'videoNoSheet' };
    const thumbnailKey = derivedKey('thumb.webp');
    const previewKey = derivedKey('sheet.jpg');
    await store.put(thumbnailKey, (await makeThumbnail(built.sheet.jpeg)).data);
    await store.put(previewKey, (await makeDerivedPreview(built.sheet.jpeg, { maxSide: Math.max(built.sheet.width, built.sheet.height) })).data);
    return { ...known, thumbnailKey, previewKey };
  });
}
