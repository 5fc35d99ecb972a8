import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStore } from '@/lib/storage/local-disk';
import { HEAD_BYTES, receiveUpload } from './receive';

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
