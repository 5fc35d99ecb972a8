import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withTempCopy } from './temp-copy';

describe('withTempCopy', () => {
  it('hands over a copy of the stream and removes it afterwards', async () => {
    let seen = '';
    const result = await withTempCopy(Readable.from([Buffer.from('视频'), Buffer.from(' bytes')]), async (file) => {
      seen = file;
      return readFileSync(file, 'utf8');
    });
    expect(result).toBe('视频 bytes');
    expect(existsSync(path.dirname(seen))).toBe(false);
  });

  it('removes the copy when the work fails', async () => {
    let seen = '';
    await expect(withTempCopy(Readable.from(['x']), async (file) => {
      seen = file;
      throw new Error('ffmpeg crashed');
    })).rejects.toThrow('ffmpeg crashed');
    expect(seen).not.toBe('');
    expect(existsSync(path.dirname(seen))).toBe(false);
  });
});
