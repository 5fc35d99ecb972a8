import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageRefusal } from '@/lib/quota/storage';
import type { BlobStore } from '@/lib/storage/types';
import { isStorageFull } from '@/lib/storage/errors';

/** Bytes kept from the start of an upload, for content sniffing: enough for every magic number we check. */
export const HEAD_BYTES = 64 * 1024;

export type Received = { ok: true; sha256: string; size: number; head: Uint8Array };
export type NotReceived = { ok: false; reason: 'empty' | 'tooLarge' | 'aborted' | 'storageFull' | StorageRefusal };

/** Asked before bytes pass beyond what is already covered: null lets them through. */
export type CoverBytes = (total: number) => Promise<StorageRefusal | null>;

class TooLarge extends Error {}
class OverQuota extends Error {
  constructor(readonly refusal: StorageRefusal) {
    super(refusal);
  }
}

/**
 * Hashes, counts and samples bytes as they pass, and stops the stream the
 * moment the limit is crossed: an oversize upload is refused while it is
 * still arriving, not after it has filled the disk.
 */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headSize = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly cover?: CoverBytes,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new TooLarge());
    if (!this.cover) return this.pass(chunk, done);
    // The next chunk waits (backpressure) until the quota covers this one: nothing is stored uncovered.
    this.cover(this.size).then(
      (refusal) => (refusal ? done(new OverQuota(refusal)) : this.pass(chunk, done)),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private pass(chunk: Buffer, done: TransformCallback) {
    this.hash.update(chunk);
    if (this.headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headSize);
      this.headChunks.push(part);
      this.headSize += part.length;
    }
    done(null, chunk);
  }

  head(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.headChunks));
  }
}

/**
 * Streams an upload into the store under `key`, never holding it whole in
 * memory. The store writes a temporary file and renames it into place only
 * when complete, so an interrupted or refused upload leaves nothing behind.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | Readable, key: string, store: BlobStore, maxBytes: number, cover?: CoverBytes): Promise<Received | NotReceived> {
  const source = toReadable(body);
  const meter = new Meter(maxBytes, cover);
  let overQuota: StorageRefusal | undefined;
  // pipe() does not pass a dropped connection on: forward it so the store's write fails and cleans up.
  source.once('error', (error) => meter.destroy(error));
  // Bytes flow as soon as they are piped, before the store attaches its own listeners: an early
  // refusal must not surface as an uncaught error. The store's write still fails on it.
  meter.on('error', (error) => {
    if (error instanceof OverQuota) overQuota = error.refusal;
  });
  try {
    await store.put(key, source.pipe(meter));
  } catch (error) {
    source.destroy();
    await store.delete(key);
    if (overQuota || error instanceof OverQuota) return { ok: false, reason: overQuota ?? (error as OverQuota).refusal };
    if (isStorageFull(error)) return { ok: false, reason: 'storageFull' };
    return { ok: false, reason: error instanceof TooLarge || meter.size > maxBytes ? 'tooLarge' : 'aborted' };
  }
  if (meter.size === 0) {
    await store.delete(key);
    return { ok: false, reason: 'empty' };
  }
  return { ok: true, sha256: meter.hash.digest('hex'), size: meter.size, head: meter.head() };
}

export type ReadBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'empty' | 'tooLarge' | 'aborted' };

/**
 * Reads a request body into memory, but never more than `maxBytes` of it: the count is of bytes
 * as they arrive, so a chunked body or a lying Content-Length is refused at the limit, and the
 * source is cancelled there rather than drained. For bodies a parser needs whole (order exports).
 */
export async function readBody(body: ReadableStream<Uint8Array> | Readable, maxBytes: number): Promise<ReadBody> {
  const meter = new Meter(maxBytes);
  const chunks: Buffer[] = [];
  try {
    // pipeline destroys every stream on failure: a web stream is cancelled, so nothing more is pulled.
    await pipeline(toReadable(body), meter, async (metered: AsyncIterable<Buffer>) => {
      for await (const chunk of metered) chunks.push(chunk);
    });
  } catch (error) {
    return { ok: false, reason: error instanceof TooLarge || meter.size > maxBytes ? 'tooLarge' : 'aborted' };
  }
  if (meter.size === 0) return { ok: false, reason: 'empty' };
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks, meter.size)) };
}

function toReadable(body: ReadableStream<Uint8Array> | Readable): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
}
