import type { Readable } from 'node:stream';
import type { ByteRange } from '@/lib/http/byte-range';

/**
 * The one storage seam: bytes by key. Local disk is the embedded default;
 * an S3-compatible bucket implements the same four calls.
 * Keys are built by the app (see keys.ts), never from user-supplied names.
 */
export type BlobStore = {
  /** Writes the whole stream under `key`; the key appears only once complete. */
  put(key: string, body: Readable | Uint8Array): Promise<{ size: number }>;
  /** A read stream (of `range` only, if given: inclusive offsets), or null when the key does not exist. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  delete(key: string): Promise<void>;
  /** Removes every key starting with `prefix` (which must end with '/'). */
  deletePrefix(prefix: string): Promise<void>;
};
