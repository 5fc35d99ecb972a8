import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { ByteRange } from '@/lib/http/byte-range';
import type { BlobStore } from './types';

const KEY_PATTERN = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+\/?$/;

/** Bytes as files under one root folder; writes are atomic (temp file, fsync, rename). */
export class LocalDiskStore implements BlobStore {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    if (!KEY_PATTERN.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
      throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
    }
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    const target = this.resolve(key);
    const tmpDir = path.join(this.root, '.tmp');
    await Promise.all([mkdir(path.dirname(target), { recursive: true }), mkdir(tmpDir, { recursive: true })]);
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await pipeline(body instanceof Readable ? body : Readable.from([body]), createWriteStream(tmp));
      const handle = await open(tmp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, target);
      return { size: (await stat(target)).size };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    // Open now, not lazily on first read: a missing file is a null here,
    // never an error event on a stream the caller already holds.
    try {
      return (await open(this.resolve(key), 'r')).createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith('/')) throw new Error('prefix must end with /');
    await rm(this.resolve(prefix), { recursive: true, force: true });
  }
}
