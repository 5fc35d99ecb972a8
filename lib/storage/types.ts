import type { Readable } from 'node:stream';

/** Bytes `start` to `end`, both inclusive (as in an HTTP Range header); `end` defaults to the last byte. */
export type ByteRange = { start: number; end?: number };

/**
 * The one storage seam: bytes by key. Local disk is the embedded default; an
 * S3-compatible bucket (s3.ts) implements the same calls, chosen once in index.ts.
 * Keys are built by the app (see keys.ts), never from user-supplied names.
 */
export type BlobStore = {
  /** Writes the whole stream under `key`; the key appears only once complete, and not at all if the stream fails. */
  put(key: string, body: Readable | Uint8Array): Promise<{ size: number }>;
  /**
   * A read stream, or null when the key does not exist. A range must lie within the object
   * (the caller knows the size from its row); the stream then carries only those bytes.
   */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  /**
   * The whole object in one buffer, or null when the key does not exist: for what is read whole
   * anyway (cache entries, previews). Optional: `readAll` (read-all.ts) streams `get` without it.
   */
  read?(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /** Every key starting with `prefix` (which must end with '/'), in no promised order. */
  list(prefix: string): Promise<string[]>;
  /** Removes every key starting with `prefix` (which must end with '/'). */
  deletePrefix(prefix: string): Promise<void>;
};
