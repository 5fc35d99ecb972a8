import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { noisyPhoto } from '@/lib/testing/bundle-case';
import { IMAGE_BOX, atLevel, chooseLevel, mapLimit, pageImages } from './images';

const A4_WIDTH_INCHES = IMAGE_BOX.width / 72;

describe('pageImages', () => {
  it('turns a photo upright by its EXIF orientation and keeps it at no more than 200 DPI', async () => {
    // Stored landscape, orientation 6: the phone was held upright, so the page shows it portrait.
    const [image, ...rest] = await pageImages(await noisyPhoto(2000, 1500, 6));
    expect(rest).toHaveLength(0);
    expect(image!.height).toBeGreaterThan(image!.width);
    expect(image!.drawHeight).toBeGreaterThan(image!.drawWidth);
    expect(image!.width / (image!.drawWidth / 72)).toBeLessThanOrEqual(200.5);
    const meta = await sharp(image!.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it('gives every page of a multi-page TIFF scan its own page image', async () => {
    const page = (background: string) => sharp({ create: { width: 300, height: 400, channels: 3, background } }).png().toBuffer();
    const tiff = await sharp([await page('#ff0000'), await page('#0000ff'), await page('#00ff00')], { join: { animated: true } }).tiff().toBuffer();
    const images = await pageImages(tiff);
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
    const slices = await pageImages(await sharp({ create: { width: 1080, height: 12000, channels: 3, background: '#ffffff' } }).png().toBuffer());
    expect(slices.length).toBeGreaterThanOrEqual(4);
    for (const slice of slices) {
      expect(slice.width).toBe(1080);
      expect(slice.drawWidth).toBeCloseTo(IMAGE_BOX.width);
      expect(slice.drawHeight).toBeLessThanOrEqual(IMAGE_BOX.height + 0.01);
    }
    expect(slices.reduce((sum, s) => sum + s.height, 0)).toBe(12000);
    expect(1080 / A4_WIDTH_INCHES).toBeLessThanOrEqual(200);
  });
});

describe('image steps', () => {
  it('re-encodes from the base at lower resolution and quality, each step smaller', async () => {
    const [image] = await pageImages(await noisyPhoto(1600, 1200));
    const sizes = [image!.base.length];
    for (const level of [1, 2, 3] as const) sizes.push((await atLevel(image!, level)).length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const smallest = await sharp(await atLevel(image!, 3)).metadata();
    expect(smallest.width).toBe(Math.round((image!.width * 110) / 200));
  });

  it('picks the best step that fits the budget, the smallest when none does', async () => {
    const images = await mapLimit([0, 1, 2], 2, () => noisyPhoto(1200, 900).then(pageImages).then((pages) => pages[0]!));
    const total = images.reduce((sum, i) => sum + i.base.length, 0);
    expect(await chooseLevel(images, total)).toBe(0);
    expect(await chooseLevel(images, total * 0.75)).toBeGreaterThan(0);
    expect(await chooseLevel(images, 1)).toBe(3);
  });
});
