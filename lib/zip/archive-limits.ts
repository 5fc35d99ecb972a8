import { createInflateRaw } from 'node:zlib';
import { MalformedZip, readCentralDirectory, type ZipEntry } from './central-directory';

export type ArchiveLimits = {
  maxEntries: number;
  /** Sum of every entry's uncompressed size. */
  maxTotalBytes: number;
  /** Largest uncompressed:compressed ratio of an entry bigger than `ratioFromBytes`. */
  maxRatio: number;
  ratioFromBytes: number;
};

export type ArchiveVerdict =
  | { ok: true; entries: number; totalBytes: number }
  | { ok: false; reason: 'tooManyEntries' | 'tooLarge' | 'ratio' | 'sizeLie' | 'malformed' };

const DEFLATE = 8;

/**
 * Judges a ZIP archive before a reader unpacks it: first by what its central directory declares
 * (entry count, total size, compression ratios), then by inflating each deflated entry into a
 * counter, nothing kept, stopping the moment it passes its declared size. Declared sizes are only
 * claims; after this pass they are facts, so a reader unpacking the same bytes later cannot get more.
 */
export async function checkArchive(bytes: Uint8Array, limits: ArchiveLimits): Promise<ArchiveVerdict> {
  let entries: ZipEntry[];
  try {
    const directory = readCentralDirectory(bytes, limits.maxEntries);
    if (!directory.entries) return { ok: false, reason: 'tooManyEntries' };
    entries = directory.entries;
  } catch (error) {
    if (error instanceof MalformedZip) return { ok: false, reason: 'malformed' };
    throw error;
  }
  // A stored entry yields its compressed bytes whatever it declares.
  const sizeOf = (entry: ZipEntry) => (entry.method === DEFLATE ? entry.uncompressedSize : Math.max(entry.uncompressedSize, entry.compressedSize));
  const totalBytes = entries.reduce((sum, entry) => sum + sizeOf(entry), 0);
  if (totalBytes > limits.maxTotalBytes) return { ok: false, reason: 'tooLarge' };
  const absurd = (entry: ZipEntry) => entry.uncompressedSize > limits.ratioFromBytes && entry.uncompressedSize > limits.maxRatio * entry.compressedSize;
  if (entries.some(absurd)) return { ok: false, reason: 'ratio' };

  for (const entry of entries) {
    if (entry.method !== DEFLATE) continue;
    const end = entry.dataOffset + entry.compressedSize;
    if (end > bytes.length) return { ok: false, reason: 'malformed' };
    const inflated = await inflatedSize(bytes.subarray(entry.dataOffset, end), entry.uncompressedSize).catch(() => null);
    if (inflated === null) return { ok: false, reason: 'malformed' };
    if (inflated > entry.uncompressedSize) return { ok: false, reason: 'sizeLie' };
  }
  return { ok: true, entries: entries.length, totalBytes };
}

/** Bytes the raw deflate data inflates to, counted chunk by chunk (off the main thread) and dropped; stops past `stopAfter`. */
async function inflatedSize(data: Uint8Array, stopAfter: number): Promise<number> {
  const inflate = createInflateRaw();
  inflate.end(data);
  let size = 0;
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Leaving the loop destroys the stream: nothing more is inflated.
    if (size > stopAfter) break;
  }
  return size;
}
