import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { checkedKey, checkedPrefix } from './keys';
import type { BlobStore, ByteRange } from './types';

/** Bytes as files under one root folder; writes are atomic (temp file, fsync, rename). */
export class LocalDiskStore implements BlobStore {
  /** Folders known to exist: a put into one makes none (two mkdir calls each, 0.4 s of an export's cache writes). */
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  private async folder(dir: string): Promise<void> {
    if (this.folders.has(dir)) return;
    await mkdir(dir, { recursive: true });
    // A long-running server writes into many cases' folders: forgetting them now and then costs a mkdir each.
    if (this.folders.size >= 10_000) this.folders.clear();
    this.folders.add(dir);
  }

  private resolve(key: string): string {
    return path.join(this.root, checkedKey(key));
  }

  async put(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    try {
      return await this.write(key, body);
    } catch (error) {
      // A folder deleted since it was made (a case deleted, a sweep): made again, once, for bytes not yet streamed.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || body instanceof Readable) throw error;
      this.folders.clear();
      return this.write(key, body);
    }
  }

  private async write(key: string, body: Readable | Uint8Array): Promise<{ size: number }> {
    const target = this.resolve(key);
    const tmpDir = path.join(this.root, '.tmp');
    await Promise.all([this.folder(path.dirname(target)), this.folder(tmpDir)]);
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

  /** One read of the whole file: a stream's 64 KB reads took four times as long for an export's 150 cached exhibits. */
  async read(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.resolve(key));
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
    const dir = this.resolve(checkedPrefix(prefix));
    await rm(dir, { recursive: true, force: true });
    for (const folder of this.folders) if (folder === dir || folder.startsWith(`${dir}${path.sep}`)) this.folders.delete(folder);
  }
}
