import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeVideo } from './probe-video';
import { makeTestVideo } from './test-videos';

const dir = mkdtempSync(path.join(os.tmpdir(), 'media-probe-'));

describe('probeVideo', () => {
  it('reads duration, size, codec and creation time of an H.264 clip', async () => {
    const file = makeTestVideo(dir, '-打包 视频.mp4', { seconds: 3, tags: { creation_time: '2026-11-20T08:30:00Z' } });
    const result = await probeVideo(file);
    expect(result.ok && result.facts).toMatchObject({ width: 320, height: 240, rotation: 0, codec: 'h264', hasLocation: false, createdAt: '2026-11-20T08:30:00.000Z' });
    expect(result.ok && result.facts.durationSeconds).toBeCloseTo(3, 1);
  });

  it('gives the upright size of a clip rotated by its metadata', async () => {
    // The 2018 static ffmpeg stores `rotate=90` as a matrix turning a quarter counter-clockwise
    // (it reads its own file back as rotate=270): 270 clockwise is what the file says.
    const result = await probeVideo(makeTestVideo(dir, 'rotated.mp4', { rotate: 90 }));
    expect(result.ok && result.facts).toMatchObject({ width: 240, height: 320, rotation: 270 });
  });

  it('names the codec of an HEVC clip', async () => {
    const result = await probeVideo(makeTestVideo(dir, 'hevc.mov', { codec: 'hevc', seconds: 1 }));
    expect(result.ok && result.facts.codec).toBe('hevc');
  });

  it('flags a location tag, ffmpeg style and Apple style', async () => {
    const plain = await probeVideo(makeTestVideo(dir, 'xyz.mov', { tags: { location: '+37.3349-122.0090+010.000/' } }));
    expect(plain.ok && plain.facts).toMatchObject({ hasLocation: true, location: { latitude: 37.3349, longitude: -122.009 } });
    const apple = await probeVideo(makeTestVideo(dir, 'iphone.mov', { tags: { 'com.apple.quicktime.location.ISO6709': '+31.2304+121.4737+004.000/' } }));
    expect(apple.ok && apple.facts.hasLocation).toBe(true);
  });

  it('answers clearly for an unreadable file, a missing file and a missing ffprobe', async () => {
    const junk = path.join(dir, 'junk.mp4');
    writeFileSync(junk, 'not a video at all');
    expect(await probeVideo(junk)).toEqual({ ok: false, reason: 'unreadable' });
    expect(await probeVideo(path.join(dir, 'absent.mp4'))).toEqual({ ok: false, reason: 'unreadable' });
    expect(await probeVideo(junk, null)).toEqual({ ok: false, reason: 'no-tool' });
  });
});
