import 'server-only';
import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { unlockPdf } from '@/lib/export/unlock-pdf';
import { blobStore, casePrefix } from '@/lib/storage';
import { inspectHeic } from './heic';
import { VIDEO_KINDS, type FileKind } from './file-kind';
import { inspectImage, makeDerivedPreview, makeThumbnail } from './image';
import { inspectPdf } from './pdf-check';
import { renderFirstPage } from './pdf-preview';
import { storedVideoFacts } from './video-facts';

export type StoredFacts = {
  checkStatus: string; checkReason: string; pageCount?: number; documentDate?: Date; thumbnailKey?: string; previewKey?: string; hasLocation: boolean;
  videoSeconds?: number; videoWidth?: number; videoHeight?: number; videoCodec?: string; videoCreatedAt?: Date;
};
export type StoredFactsArgs = { caseId: string; key: string; kind: string };

const IMAGE_KINDS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heic']);

/**
 * What a stored original tells about itself, and its labelled derived copies: a PDF opened and
 * counted (pdf-lib parses a 50 MB file for seconds), an image decoded for its thumbnail and
 * preview. Runs on a task thread (lib/jobs/tasks.ts), reading the original from the store.
 * An image the decoder refuses is refused as an upload (its reason); derived copies are stored
 * under fresh names, so a replacement never overwrites those of the file it replaces.
 */
export async function storedFacts({ caseId, key, kind }: StoredFactsArgs): Promise<{ ok: true; facts: StoredFacts } | { ok: false; reason: 'tooManyPixels' | 'undecodable' }> {
  const facts: StoredFacts = { checkStatus: 'ok', checkReason: '', hasLocation: false };
  const store = blobStore();
  const derivedKey = (suffix: string) => `${casePrefix(caseId)}derived/${randomUUID()}-${suffix}`;
  // Before the read below: a video may be 500 MB and is never held in memory.
  if (VIDEO_KINDS.has(kind as FileKind)) return { ok: true, facts: await storedVideoFacts(store, key, derivedKey) };
  if (kind !== 'pdf' && !IMAGE_KINDS.has(kind)) return { ok: true, facts };
  const stream = await store.get(key);
  const bytes = stream ? new Uint8Array(await buffer(stream)) : new Uint8Array();
  if (kind === 'pdf') {
    const pdf = await inspectPdf(bytes);
    // Encrypted or unreadable PDFs are kept as originals, flagged. Encryption that only restricts
    // permissions opens without a password: the bundle merges an unlocked, labelled copy, so the
    // item must say that, not promise an explanation page.
    const unlocked = pdf.status === 'encrypted' ? await unlockPdf(bytes) : null;
    const readable = unlocked ? await inspectPdf(unlocked) : pdf;
    const checkReason = unlocked ? 'ownerEncrypted' : pdf.status === 'ok' ? '' : pdf.status;
    Object.assign(facts, { checkStatus: pdf.status === 'ok' ? 'ok' : 'flagged', checkReason, pageCount: readable.pageCount, documentDate: readable.documentDate });
    const firstPage = readable.status === 'ok' ? await renderFirstPage(unlocked ?? bytes) : null;
    if (firstPage) {
      facts.thumbnailKey = derivedKey('thumb.webp');
      await store.put(facts.thumbnailKey, (await makeThumbnail(firstPage)).data);
    }
    return { ok: true, facts };
  }
  const heic = kind === 'heic' ? await inspectHeic(bytes) : null;
  const image = heic ?? (await inspectImage(bytes));
  if (image.status === 'refused') return { ok: false, reason: image.reason };
  // sharp cannot decode HEVC: a HEIC's derived copies are made from the pixels libheif-js decoded.
  const source = heic?.status === 'ok' ? heic.pixels : bytes;
  const thumbnailKey = derivedKey('thumb.webp');
  const previewKey = derivedKey('preview.jpg');
  await store.put(thumbnailKey, (await makeThumbnail(source)).data);
  await store.put(previewKey, (await makeDerivedPreview(source)).data);
  return { ok: true, facts: { ...facts, documentDate: image.takenAt, thumbnailKey, previewKey, hasLocation: image.hasGps } };
}
