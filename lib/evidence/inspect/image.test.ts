import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readExifFacts } from './exif';
import { inspectImage, makeDerivedPreview, makeThumbnail, MAX_INPUT_PIXELS } from './image';
import { photo, pixelBombPng } from './test-fixtures';

const phoneShot = { orientation: 6, takenAt: '2026:11:11 20:05:13', offset: '+08:00', gps: true } as const;

describe('inspectImage', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('reads size, orientation, capture time and GPS from a %s', async (format) => {
    const result = await inspectImage(await photo(format, { width: 400, height: 300, ...phoneShot }));
    expect(result).toEqual({ status: 'ok', width: 400, height: 300, orientation: 6, takenAt: new Date('2026-11-11T12:05:13Z'), hasGps: true });
  });

  it('reads a zone-less capture time as China Standard Time, and honours an explicit zone', async () => {
    const local = await inspectImage(await photo('jpeg', { takenAt: '2026:11:11 20:05:13' }));
    expect(local).toMatchObject({ takenAt: new Date('2026-11-11T12:05:13Z'), hasGps: false });
    const newYork = await inspectImage(await photo('jpeg', { takenAt: '2026:11:11 20:05:13', offset: '-05:00' }));
    expect(newYork).toMatchObject({ takenAt: new Date('2026-11-12T01:05:13Z') });
  });

  it('reports no date, orientation or GPS for images without EXIF', async () => {
    for (const format of ['jpeg', 'gif'] as const) {
      expect(await inspectImage(await photo(format))).toEqual({ status: 'ok', width: 40, height: 20, hasGps: false });
    }
    // libvips always writes a TIFF orientation tag, 1 ("as stored"), and never EXIF into a TIFF.
    expect(await inspectImage(await photo('tiff'))).toEqual({ status: 'ok', width: 40, height: 20, orientation: 1, hasGps: false });
  });

  it('refuses a 30000 × 30000 PNG without decoding it', async () => {
    const bomb = await pixelBombPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200); // the header claims 900 MP; there is one pixel of data
    expect(await inspectImage(bomb)).toEqual({ status: 'refused', reason: 'tooManyPixels' });
    await expect(makeThumbnail(bomb)).rejects.toThrow(/pixel limit/);
  });

  it('draws the pixel line at exactly MAX_INPUT_PIXELS', async () => {
    expect(MAX_INPUT_PIXELS).toBe(100_000_000);
    expect(await inspectImage(await pixelBombPng(10_001, 10_000))).toEqual({ status: 'refused', reason: 'tooManyPixels' });
    // At the limit the header passes; the one pixel of data behind it then fails to decode.
    expect(await inspectImage(await pixelBombPng(10_000, 10_000))).toEqual({ status: 'refused', reason: 'undecodable' });
  });

  it('refuses garbage and a truncated JPEG as undecodable', async () => {
    expect(await inspectImage(Buffer.from('not an image at all'))).toEqual({ status: 'refused', reason: 'undecodable' });
    const jpeg = await photo('jpeg', { width: 400, height: 300 });
    expect(await inspectImage(jpeg.subarray(0, jpeg.length >> 1))).toEqual({ status: 'refused', reason: 'undecodable' });
  });
});

describe('derived copies', () => {
  it('makes an upright preview with every trace of metadata gone, GPS first', async () => {
    const original = await photo('jpeg', { width: 400, height: 200, ...phoneShot });
    const before = createHash('sha256').update(original).digest('hex');
    expect(readExifFacts((await sharp(original).metadata()).exif).hasGps).toBe(true);

    const preview = await makeDerivedPreview(original, { maxSide: 1600 });
    expect(preview).toMatchObject({ derived: true, format: 'jpeg', mime: 'image/jpeg', width: 200, height: 400 });
    const meta = await sharp(preview.data).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(readExifFacts(meta.exif).hasGps).toBe(false);
    expect(createHash('sha256').update(original).digest('hex')).toBe(before);
  });

  it('scales down to maxSide and never enlarges', async () => {
    const wide = await photo('png', { width: 2000, height: 1000 });
    expect(await makeDerivedPreview(wide, { maxSide: 1600 })).toMatchObject({ width: 1600, height: 800 });
    expect(await makeDerivedPreview(await photo('png'))).toMatchObject({ width: 40, height: 20 });
  });

  it('makes a 320 px WebP thumbnail without metadata', async () => {
    const thumb = await makeThumbnail(await photo('webp', { width: 1000, height: 2000, ...phoneShot }));
    // Orientation 6 turns the 1000 × 2000 original on its side: 2000 wide, so 320 × 160.
    expect(thumb).toMatchObject({ derived: true, format: 'webp', mime: 'image/webp', width: 320, height: 160 });
    const meta = await sharp(thumb.data).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.exif).toBeUndefined();
  });

  it('lays transparent areas on white for JPEG', async () => {
    const clear = await sharp({ create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const preview = await makeDerivedPreview(clear);
    const { data } = await sharp(preview.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
  });
});
