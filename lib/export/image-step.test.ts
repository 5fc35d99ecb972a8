import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blobStore } from '@/lib/storage';
import { noisyPhoto } from '@/lib/testing/bundle-case';
import type { Exhibit } from './collect';
import { levelsKey, readLevels } from './exhibit-cache';
import { chooseImageStep } from './image-step';
import { encodeImages, LEVELS, pageImages } from './images';
import { factsOf, type Prepared } from './prepare';

/** An image exhibit as the export reads it: its pages' geometry, nothing encoded yet. */
async function imageExhibit(bytes: Buffer, n: number): Promise<Prepared> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const exhibit = { exhibitId: `E-${String(n).padStart(3, '0')}`, sha256, kind: 'jpeg', size: bytes.length, checkStatus: 'ok', checkReason: '', previewKey: null } as Exhibit;
  return { exhibit, content: { kind: 'images', images: await pageImages(bytes) }, estimate: 2048, volume: 1 };
}

/** What the exhibits' images really take at each step. */
async function realBytes(prepared: Prepared[]): Promise<number[]> {
  const out: number[] = [];
  for (const level of LEVELS) {
    let sum = 0;
    for (const p of prepared) if (p.content.kind === 'images') sum += (await encodeImages(p.content.images, level, false)).reduce((n, jpeg) => n + jpeg.length, 0);
    out.push(sum);
  }
  return out;
}

const flat = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#d8d4c8' } }).jpeg({ quality: 90 }).toBuffer();

describe('chooseImageStep', () => {
  it('takes the best step whose real bytes fit when every exhibit is in the sample, the smallest when none does', async () => {
    const prepared = await Promise.all([noisyPhoto(1400, 1000), noisyPhoto(1000, 1400), flat(1200, 900)].map((b, i) => b.then((bytes) => imageExhibit(bytes, i + 1))));
    const real = await realBytes(prepared);
    const store = blobStore();
    const pick = async (budget: number) => (await chooseImageStep(prepared, (_, bytes) => bytes <= budget, store, randomUUID())).level;
    expect(await pick(real[0]! + 1)).toBe(0);
    expect(await pick(real[0]! - 1)).toBe(1);
    expect(await pick(real[2]! + 1)).toBeLessThanOrEqual(2);
    expect(await pick(real[3]! - 1)).toBe(3);
    expect(await pick(1)).toBe(3);
  }, 60_000);

  it('remembers the sample: a second export of the same files encodes nothing to decide', async () => {
    const caseId = randomUUID();
    const store = blobStore();
    const prepared = await Promise.all([0, 1].map(async (i) => imageExhibit(await noisyPhoto(900 + i * 100, 700), i + 1)));
    const first = await chooseImageStep(prepared, (_, bytes) => bytes <= 1, store, caseId);
    // As a re-export holds them: only the facts stored at the first read.
    const cached = prepared.map((p): Prepared => ({ ...p, content: { kind: 'cached', facts: factsOf(p.exhibit, p.content) } }));
    const again = await chooseImageStep(cached, (_, bytes) => bytes <= 1, store, caseId);
    expect(again.level).toBe(first.level);
    expect(cached.every((p) => p.content.kind === 'cached')).toBe(true);
    expect(again.imageBytes(cached[0]!)).toBeCloseTo(first.imageBytes(prepared[0]!));
  }, 60_000);

  it('encodes the sample only at the steps it tries, and keeps its JPEGs at the step chosen for the pages', async () => {
    const caseId = randomUUID();
    const store = blobStore();
    const prepared = await Promise.all([0, 1].map(async (i) => imageExhibit(await noisyPhoto(900 + i * 100, 700), i + 1)));
    const images = prepared.flatMap((p) => (p.content.kind === 'images' ? p.content.images : []));
    const levels = async () => Promise.all(prepared.map((p) => readLevels(store, levelsKey(caseId, p.exhibit))));
    expect((await chooseImageStep(prepared, () => true, store, caseId)).level).toBe(0);
    expect((await levels()).map((l) => l?.map((n) => n !== null))).toEqual([0, 1].map(() => [true, false, false, false]));
    expect(images.every((image) => image.jpegLevel === 0 && image.jpeg)).toBe(true);
    const kept = images.map((image) => image.jpeg);
    // The pages' encoding at that step takes the sample's JPEGs as they are.
    expect((await encodeImages(images, 0)).every((jpeg, i) => jpeg === kept[i])).toBe(true);
    // A later export that must go one step down learns that step too, and remembers both.
    expect((await chooseImageStep(prepared, (level) => level === 1, store, caseId)).level).toBe(1);
    expect((await levels()).map((l) => l?.map((n) => n !== null))).toEqual([0, 1].map(() => [true, true, false, false]));
    expect(images.every((image) => image.jpegLevel === 1)).toBe(true);
  }, 60_000);

  it('expects more bytes of a grainy photo than of a flat one of the same size outside the sample', async () => {
    const prepared = await Promise.all(Array.from({ length: 10 }, async (_, i) => imageExhibit(i % 2 ? await noisyPhoto(800, 600 + i) : await flat(800, 600 + i), i + 1)));
    const step = await chooseImageStep(prepared, (_, bytes) => bytes <= 1, blobStore(), randomUUID());
    const grainy = prepared.filter((_, i) => i % 2).map(step.imageBytes);
    const plain = prepared.filter((_, i) => i % 2 === 0).map(step.imageBytes);
    expect(Math.min(...grainy)).toBeGreaterThan(Math.max(...plain) * 2);
    // And the estimate stays near the truth at the step chosen.
    const real = (await realBytes(prepared))[step.level]!;
    const estimated = prepared.reduce((sum, p) => sum + step.imageBytes(p), 0);
    expect(Math.abs(estimated - real) / real).toBeLessThan(0.15);
  }, 60_000);
});
