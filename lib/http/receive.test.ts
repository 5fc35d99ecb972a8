import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStore } from '@/lib/storage/local-disk';
import { HEAD_BYTES, readBody, receiveUpload } from './receive';

let root: string;
let store: LocalDiskStore;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'receive-'));
  store = new LocalDiskStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A stream of `chunks` chunks of 64 KB, counting how many were pulled. */
function source(chunks: number, failAt?: number) {
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (failAt !== undefined && pulled === failAt) return void this.destroy(new Error('connection reset'));
      if (pulled === chunks) return void this.push(null);
      pulled += 1;
      this.push(Buffer.alloc(64 * 1024, pulled % 251));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('receiveUpload', () => {
  it('stores the bytes exactly, with their SHA-256, size and head', async () => {
    const bytes = Buffer.concat(Array.from({ length: 3 }, (_, i) => Buffer.alloc(64 * 1024, (i + 1) % 251)));
    const result = await receiveUpload(Readable.from([bytes]), 'cases/c1/evidence/a', store, 1024 * 1024);
    expect(result).toMatchObject({ ok: true, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(result.ok && result.head.length).toBe(HEAD_BYTES);
    expect(readFileSync(path.join(root, 'cases/c1/evidence/a')).equals(bytes)).toBe(true);
  });

  it('accepts a web ReadableStream as a route handler receives it', async () => {
    const web = new Blob([new TextEncoder().encode('聊天记录')]).stream();
    expect(await receiveUpload(web, 'cases/c1/evidence/w', store, 100)).toMatchObject({ ok: true, size: 12 });
  });

  it('refuses an oversize upload while it streams, and keeps nothing', async () => {
    const { stream, pulled } = source(1000);
    expect(await receiveUpload(stream, 'cases/c1/evidence/big', store, 5 * 64 * 1024)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(pulled()).toBeLessThan(20);
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
    expect(await store.get('cases/c1/evidence/big')).toBeNull();
  });

  it('leaves nothing behind when the connection drops', async () => {
    const { stream } = source(10, 3);
    expect(await receiveUpload(stream, 'cases/c1/evidence/cut', store, 10 * 1024 * 1024)).toEqual({ ok: false, reason: 'aborted' });
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
    expect(await store.get('cases/c1/evidence/cut')).toBeNull();
  });

  it('refuses a zero-byte file', async () => {
    expect(await receiveUpload(Readable.from([]), 'cases/c1/evidence/empty', store, 100)).toEqual({ ok: false, reason: 'empty' });
    expect(await store.get('cases/c1/evidence/empty')).toBeNull();
  });
});

/** A chunked request body as a route handler gets it: made on the fly, counting the bytes pulled. */
function webBody(totalBytes: number, chunkBytes = 64 * 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - pulled);
      pulled += size;
      controller.enqueue(new Uint8Array(size).fill(0x41));
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readBody', () => {
  const limit = 1024 * 1024;

  it('returns the whole body when it is within the limit', async () => {
    const { stream } = webBody(limit);
    const result = await readBody(stream, limit);
    expect(result.ok && result.bytes.length).toBe(limit);
    expect(result.ok && result.bytes.every((b) => b === 0x41)).toBe(true);
  });

  it('refuses a chunked body three times the limit at the limit, without draining it', async () => {
    const { stream, pulled } = webBody(3 * limit);
    expect(await readBody(stream, limit)).toEqual({ ok: false, reason: 'tooLarge' });
    // The stream is cancelled: what was pulled is the limit plus what the streams buffer ahead.
    expect(pulled()).toBeGreaterThan(limit);
    expect(pulled()).toBeLessThan(limit + 256 * 1024);
  });

  it('refuses an empty body and reports a dropped connection as aborted', async () => {
    expect(await readBody(Readable.from([]), limit)).toEqual({ ok: false, reason: 'empty' });
    expect(await readBody(source(10, 3).stream, limit)).toEqual({ ok: false, reason: 'aborted' });
  });
});
