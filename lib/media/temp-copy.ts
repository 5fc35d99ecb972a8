import 'server-only';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * ffmpeg seeks, so it needs a file, while originals live in the blob store (possibly not on this
 * disk). Streams the original into a private temp folder, runs `work` on it, and removes the
 * folder whatever happens. The name is fixed: ffmpeg tells the format by content, and the
 * merchant's file name never reaches a command line.
 */
export async function withTempCopy<T>(source: Readable, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'appeal-media-'));
  try {
    const file = path.join(dir, 'original');
    await pipeline(source, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
