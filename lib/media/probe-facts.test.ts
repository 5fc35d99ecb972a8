import { describe, expect, it } from 'vitest';
import { ffprobeOutput, parseIso6709, videoFacts } from './probe-facts';

const stream = { codec_type: 'video', codec_name: 'hevc', width: 1920, height: 1080 };
const facts = (input: unknown) => videoFacts(ffprobeOutput.parse(input));

describe('parseIso6709', () => {
  it('reads Apple and ffmpeg location strings', () => {
    expect(parseIso6709('+31.2304+121.4737+004.000/')).toEqual({ latitude: 31.2304, longitude: 121.4737 });
    expect(parseIso6709('-33.8688+151.2093/')).toEqual({ latitude: -33.8688, longitude: 151.2093 });
  });

  it('refuses what is not a point', () => {
    expect(parseIso6709('')).toBeNull();
    expect(parseIso6709('Shanghai')).toBeNull();
    expect(parseIso6709('+95.0+10.0/')).toBeNull();
  });
});

describe('videoFacts', () => {
  it('swaps width and height for a quarter turn, from the display matrix or the old rotate tag', () => {
    const matrix = facts({ streams: [{ ...stream, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }], format: { duration: '4.2' } });
    expect(matrix).toMatchObject({ width: 1080, height: 1920, rotation: 90, durationSeconds: 4.2, codec: 'hevc' });
    const tag = facts({ streams: [{ ...stream, tags: { rotate: '270' } }] });
    expect(tag).toMatchObject({ width: 1080, height: 1920, rotation: 270 });
    const upsideDown = facts({ streams: [{ ...stream, side_data_list: [{ rotation: 180 }] }] });
    expect(upsideDown).toMatchObject({ width: 1920, height: 1080, rotation: 180 });
  });

  it('prefers Apple keys for place and time, and flags a location', () => {
    const f = facts({
      streams: [stream],
      format: { tags: { 'com.apple.quicktime.location.ISO6709': '+22.5431+114.0579/', 'com.apple.quicktime.creationdate': '2026-11-20T16:30:00+0800', creation_time: '2026-11-21T00:00:00.000000Z' } },
    });
    expect(f).toMatchObject({ hasLocation: true, location: { latitude: 22.5431, longitude: 114.0579 }, createdAt: '2026-11-20T08:30:00.000Z' });
  });

  it('has no location and no time when the tags say nothing usable', () => {
    expect(facts({ streams: [{ ...stream, tags: { location: 'unknown', creation_time: 'yesterday' } }] })).toMatchObject({ hasLocation: false, location: null, createdAt: null, durationSeconds: 0 });
  });

  it('is null for a file without a picture stream', () => {
    expect(facts({ streams: [{ codec_type: 'audio', codec_name: 'aac' }], format: { duration: '3' } })).toBeNull();
  });
});
