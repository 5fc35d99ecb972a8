import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inspectHeic } from './heic';
import { makeDerivedPreview, makeThumbnail } from './image';
import { readExifFacts } from './exif';
import { heicPhoto } from './test-fixtures';

/** Stored 48 × 32 landscape with a red top-left quarter, irot 3 and EXIF orientation 6 (the same turn twice). */
const portrait = heicPhoto('iphone-portrait.heic');

async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}
const isRed = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;

describe('inspectHeic', () => {
  it('decodes an iPhone-style HEIC upright, turned once by the container, with its date and GPS', async () => {
    const image = await inspectHeic(portrait);
    expect(image).toMatchObject({ status: 'ok', width: 32, height: 48, takenAt: new Date('2026-11-11T12:05:13Z'), hasGps: true });
    expect(image).not.toHaveProperty('orientation');
  });

  it('makes the derived copies upright exactly once and without any metadata', async () => {
    const image = await inspectHeic(portrait);
    if (image.status !== 'ok') throw new Error(image.reason);
    const preview = await makeDerivedPreview(image.pixels);
    // 90° clockwise: portrait, and the stored top-left corner is now top-right. Applying EXIF 6
    // again would give a 48 × 32 landscape with red at the bottom right.
    expect(preview).toMatchObject({ format: 'jpeg', width: 32, height: 48 });
    expect(isRed(await pixel(preview.data, 28, 4))).toBe(true);
    expect(isRed(await pixel(preview.data, 4, 4))).toBe(false);
    expect(isRed(await pixel(preview.data, 28, 44))).toBe(false);
    const meta = await sharp(preview.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(readExifFacts(meta.exif).hasGps).toBe(false);
    expect(await makeThumbnail(image.pixels)).toMatchObject({ format: 'webp', width: 32, height: 48 });
  });

  it('decodes the primary image of a multi-image file, not the first one stored', async () => {
    // The first image is a 48 × 32 blue and red frame; the primary is a 16 × 64 green one.
    const image = await inspectHeic(heicPhoto('burst-second-primary.heic'));
    if (image.status !== 'ok') throw new Error(image.reason);
    expect([image.width, image.height]).toEqual([16, 64]);
    const [r, g, b] = await pixel((await makeDerivedPreview(image.pixels)).data, 8, 32);
    expect(g).toBeGreaterThan(150);
    expect(r! + b!).toBeLessThan(100);
  });

  it.each([0.9, 0.6, 0.3])('refuses a HEIC cut to %s of its length as undecodable', async (share) => {
    expect(await inspectHeic(portrait.subarray(0, Math.floor(portrait.length * share)))).toEqual({ status: 'refused', reason: 'undecodable' });
  });

  it('refuses a HEIC whose header claims more pixels than the limit, before decoding', async () => {
    expect(await inspectHeic(withIspe(portrait, 20_000, 10_000))).toEqual({ status: 'refused', reason: 'tooManyPixels' });
  });
});

/** The same file with its image size property (ispe) claiming width × height: what a bomb's header says. */
function withIspe(bytes: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(bytes);
  const at = out.indexOf('ispe', 0, 'latin1');
  // ispe: type, version and flags (4), then width and height as 32-bit numbers.
  out.writeUInt32BE(width, at + 8);
  out.writeUInt32BE(height, at + 12);
  return out;
}
