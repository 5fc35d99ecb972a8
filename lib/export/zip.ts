import 'server-only';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { BlobStore } from '@/lib/storage';
import type { BundleData } from './collect';
import { manifestCsv, manifestJson, manifestRows } from './manifest';

/** Text and uncompressed TIFF shrink; JPEG, PNG, PDF, XLSX, DOCX… are compressed already and are stored as they are. */
const deflates = (mime: string) => mime.startsWith('text/') || mime === 'image/tiff';

/**
 * Every exhibit's original, byte for byte and named as in the manifest, then manifest.csv and
 * manifest.json, as a ZIP stream. Originals are read one at a time as the consumer pulls, so memory
 * stays flat whatever the case holds. An original missing from storage is left out and marked
 * `missing` in the manifests rather than failing the whole download; any other read error fails it.
 */
export async function zipOriginals(data: BundleData, store: BlobStore, now = new Date()): Promise<Readable> {
  // archiver builds on readable-stream; hand callers a core stream, and let its teardown reach the archive.
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  const ended = new AbortController();
  pipeline(archive, out)
    .catch(() => undefined)
    .finally(() => ended.abort());

  const rows = manifestRows(data.exhibits);
  const write = async () => {
    for (const [i, exhibit] of data.exhibits.entries()) {
      const row = rows[i]!;
      // Stays in storage untouched; only this download leaves it out.
      if (row.omitted) continue;
      const source = await store.get(exhibit.storageKey);
      if (!source) {
        row.missing = true;
        continue;
      }
      // Wait for each entry before opening the next: one file handle at a time, and none left open if the download stops.
      const added = once(archive, 'entry', { signal: ended.signal });
      archive.append(source, { name: row.fileName, date: exhibit.uploadedAt, store: !deflates(exhibit.mime) });
      await added.catch((error: unknown) => {
        source.destroy();
        throw error;
      });
    }
    const meta = { caseTitle: data.case.title, shopName: data.case.shopName, platform: data.case.platform, generatedAt: now.toISOString() };
    archive.append(manifestCsv(rows, data.language), { name: 'manifest.csv', date: now });
    archive.append(manifestJson(rows, meta), { name: 'manifest.json', date: now });
    await archive.finalize();
  };
  write().catch((error: unknown) => {
    if (!ended.signal.aborted) archive.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
