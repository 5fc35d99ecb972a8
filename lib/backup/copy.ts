import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BackupEntry } from './manifest';

/** Copies a file while hashing the bytes that pass, so the hash is of what was written. */
export async function copyHashed(from: string, to: string, relative: string): Promise<BackupEntry> {
  return writeHashed(() => createReadStream(from), to, relative);
}

/**
 * Writes a stream (a file, or an object from the store) to a new file, hashing the bytes that pass.
 * The stream is opened only once the folder exists: a file stream opened earlier would report a
 * missing file before anyone listens.
 */
export async function writeHashed(open: () => Readable, to: string, relative: string): Promise<BackupEntry> {
  await mkdir(path.dirname(to), { recursive: true });
  const { tap, result } = hashingTap();
  await pipeline(open(), tap, createWriteStream(to, { flags: 'wx' }));
  return { path: relative, ...result() };
}

/** A pass-through stream that hashes what goes through it; `result` once it has ended. */
export function hashingTap(): { tap: Transform; result: () => { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/** SHA-256 and size of a file, read as a stream. */
export async function hashFile(file: string, relative: string): Promise<BackupEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest('hex') };
}

/** Every regular file under `root`, as '/'-separated paths relative to it, skipping `skip` (top-level names). */
export async function listFiles(root: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (!prefix && skip.has(entry.name)) continue;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) out.push(relative);
    }
  };
  await walk(root, '');
  return out;
}
