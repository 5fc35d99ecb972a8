import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noisyPhoto } from '@/lib/testing/bundle-case';
import { IMAGE_BOX, encodeImages, pageImages, type ImageLevel } from './images';

/** Each page image of `bytes` encoded at `level`. */
async function pagesAt(bytes: Buffer, level: ImageLevel = 0) {
  const images = await pageImages(bytes);
  await encodeImages(images, level);
  return images.map((image) => ({ ...image, jpeg: image.jpeg as Buffer }));
}

const A4_WIDTH_INCHES = IMAGE_BOX.width / 72;

describe('pageImages', () => {
  it('turns a photo upright by its EXIF orientation and keeps it at no more than 200 DPI', async () => {
    // Stored landscape, orientation 6: the phone was held upright, so the page shows it portrait.
    const [image, ...rest] = await pagesAt(await noisyPhoto(2000, 1500, 6));
    expect(rest).toHaveLength(0);
    expect(image!.height).toBeGreaterThan(image!.width);
    expect(image!.drawHeight).toBeGreaterThan(image!.drawWidth);
    expect(image!.width / (image!.drawWidth / 72)).toBeLessThanOrEqual(200.5);
    const meta = await sharp(image!.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([image!.width, image!.height]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it('gives every page of a multi-page TIFF scan its own page image', async () => {
    const page = (background: string) => sharp({ create: { width: 300, height: 400, channels: 3, background } }).png().toBuffer();
    const tiff = await sharp([await page('#ff0000'), await page('#0000ff'), await page('#00ff00')], { join: { animated: true } }).tiff().toBuffer();
    const images = await pagesAt(tiff);
    expect(images).toHaveLength(3);
    const { dominant } = await sharp(images[1]!.jpeg).stats();
    expect(dominant.b).toBeGreaterThan(200);
    expect(dominant.r).toBeLessThan(60);
  });

  it('never enlarges a small image', async () => {
    const [image] = await pageImages(await noisyPhoto(300, 200));
    expect(image!.width).toBe(300);
  });

  it('cuts a long screenshot into page-high slices at page width instead of shrinking it', async () => {
    const slices = await pagesAt(await sharp({ create: { width: 1080, height: 12000, channels: 3, background: '#ffffff' } }).png().toBuffer());
    expect(slices.length).toBeGreaterThanOrEqual(4);
    for (const slice of slices) {
      expect(slice.width).toBe(1080);
      expect(slice.drawWidth).toBeCloseTo(IMAGE_BOX.width);
      expect(slice.drawHeight).toBeLessThanOrEqual(IMAGE_BOX.height + 0.01);
    }
    expect(slices.reduce((sum, s) => sum + s.height, 0)).toBe(12000);
    for (const slice of slices) expect((await sharp(slice.jpeg).metadata()).height).toBe(slice.height);
    expect(1080 / A4_WIDTH_INCHES).toBeLessThanOrEqual(200);
  });
});

describe('image steps', () => {
  it('encodes from the source at lower resolution and quality, each step smaller', async () => {
    const photo = await noisyPhoto(1600, 1200);
    const sizes: number[] = [];
    for (const level of [0, 1, 2, 3] as const) sizes.push((await pagesAt(photo, level))[0]!.jpeg.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const [image] = await pagesAt(photo, 3);
    expect((await sharp(image!.jpeg).metadata()).width).toBe(Math.round((image!.width * 110) / 200));
  });

  it('cuts a long screenshot at a lower step into as many slices, their rows adding up to the scaled whole', async () => {
    const tall = await sharp({ create: { width: 1080, height: 9000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const best = await pagesAt(tall, 0);
    const small = await pagesAt(tall, 2);
    expect(small).toHaveLength(best.length);
    const heights = await Promise.all(small.map(async (s) => (await sharp(s.jpeg).metadata()).height ?? 0));
    expect(heights.reduce((a, b) => a + b, 0)).toBe(Math.round((9000 * Math.round((1080 * 130) / 200)) / 1080));
  });

  it('gives the same bytes every time it encodes the same image at the same step', async () => {
    const photo = await noisyPhoto(1200, 900);
    const [a] = await pagesAt(photo, 1);
    const [b] = await pagesAt(photo, 1);
    expect(Buffer.compare(a!.jpeg, b!.jpeg)).toBe(0);
  });
});
