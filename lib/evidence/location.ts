import 'server-only';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { db } from '@/lib/db/client';
import { blobStore } from '@/lib/storage';
import { readExifFacts } from './inspect/exif';

const IMAGE_KINDS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heic'];

/**
 * Fills in hasLocation for files uploaded before the upload checked it (null). A one-off per file:
 * once set it is never checked again, so the evidence page pays for it at most once per old photo.
 * Only the header is parsed (sharp's metadata, no decode); a file that cannot be read counts as
 * having none, the same as the upload check would have found.
 */
export async function checkUncheckedLocations(caseId: string): Promise<void> {
  const unchecked = await db.evidence.findMany({ where: { caseId, hasLocation: null }, select: { id: true, kind: true, storageKey: true } });
  for (const e of unchecked) {
    const hasLocation = IMAGE_KINDS.includes(e.kind) ? await originalHasLocation(e.storageKey) : false;
    await db.evidence.update({ where: { id: e.id }, data: { hasLocation } });
  }
}

async function originalHasLocation(storageKey: string): Promise<boolean> {
  try {
    const stream = await blobStore().get(storageKey);
    if (!stream) return false;
    const bytes = new Uint8Array(await buffer(stream));
    const metadata = await sharp(bytes).metadata();
    // A TIFF's tags are its EXIF, as in inspectImage.
    return readExifFacts(metadata.exif ?? (metadata.format === 'tiff' ? bytes : undefined)).hasGps;
  } catch {
    return false;
  }
}

/**
 * Whether the merchant leaves this original out of the ZIP and the PDF attachments. Only an
 * original that says where it was taken may be left out: every other one is evidence the reviewer
 * gets. Storage keeps it either way. False when the file is not in this case.
 */
export async function setOmitOriginal(caseId: string, evidenceId: string, omit: boolean): Promise<boolean> {
  const { count } = await db.evidence.updateMany({ where: { id: evidenceId, caseId, hasLocation: true }, data: { omitOriginal: omit } });
  return count === 1;
}
