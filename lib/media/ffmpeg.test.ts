import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMediaTool } from './ffmpeg';
import { runTool } from './run-tool';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'media-find-'));
function fakeBinary(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

describe('findMediaTool', () => {
  it('takes the environment variable first', () => {
    const file = fakeBinary(tmp, 'my-ffmpeg');
    expect(findMediaTool('ffmpeg', { FFMPEG_PATH: file, PATH: tmp })).toEqual({ path: file, source: 'env' });
  });

  it('gives null, not a fallback, when the variable names nothing or is empty', () => {
    expect(findMediaTool('ffmpeg', { FFMPEG_PATH: '/nowhere/ffmpeg' })).toBeNull();
    expect(findMediaTool('ffprobe', { FFPROBE_PATH: '' })).toBeNull();
  });

  it('then the system binary on PATH', () => {
    const bin = mkdtempSync(path.join(tmp, 'bin-'));
    const file = fakeBinary(bin, 'ffprobe');
    expect(findMediaTool('ffprobe', { PATH: ['/nowhere', bin].join(path.delimiter) })).toEqual({ path: file, source: 'system' });
  });

  it('then the binary inside the npm package, else null', () => {
    const found = findMediaTool('ffmpeg', { PATH: '' });
    expect(found?.source).toBe('package');
    expect(found?.path).toContain(path.join('node_modules', '@ffmpeg-installer'));
    expect(findMediaTool('ffmpeg', { PATH: '' }, tmp)).toBeNull();
  });
});

describe('runTool', () => {
  it('kills a run past its time limit', async () => {
    expect(await runTool('/bin/sleep', ['5'], 100)).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('reports a failing run and passes arguments verbatim, without a shell', async () => {
    expect(await runTool('/bin/false', [], 5000)).toMatchObject({ ok: false, reason: 'failed' });
    const run = await runTool('/bin/echo', ['$(id) ; 单号'], 5000);
    expect(run.ok && run.stdout.toString('utf8')).toBe('$(id) ; 单号\n');
  });
});
