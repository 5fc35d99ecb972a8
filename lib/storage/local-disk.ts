import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { checkedKey, checkedPrefix } from './keys';
import type { BlobStore, ByteRange } from './types';

/** Bytes as files under one root folder; writes are atomic (temp file, fsync, rename). */
export class LocalDiskStore implements BlobStore {
  constructor(private readonly root: string) {}

  private resolve(key: string): string {
    return path.join(this.root, checkedKey(key));
  }

  async put(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    const target = this.resolve(key);
    const tmpDir = path.join(this.root, '.tmp');
    await Promise.all([mkdir(path.dirname(target), { recursive: true }), mkdir(tmpDir, { recursive: true })]);
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await pipeline(body instanceof Readable ? body : Readable.from([body]), createWriteStream(tmp));
      const handle = await open(tmp, 'r');
      let size: number;
      try {
        await handle.sync();
        // Of our own file, before the rename: afterwards a concurrent put of the key may own the name.
        size = (await handle.stat()).size;
      } finally {
        await handle.close();
      }
      await rename(tmp, target);
      return { size };
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

  async list(prefix: string): Promise<string[]> {
    const dir = this.resolve(checkedPrefix(prefix));
    try {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => prefix + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    await rm(this.resolve(checkedPrefix(prefix)), { recursive: true, force: true });
  }
}
