import 'server-only';
import type { BlobStore } from '@/lib/storage';
import { levelsKey, readLevels, writeLevels, type ExhibitFacts, type Levels } from './exhibit-cache';
import { encodeImages, LEVELS, mapLimit, pixelsAt, type ImageLevel } from './images';
import { contentImages, drawsImages, factsOf, prepare, type Prepared } from './prepare';

/** Exhibits whose images are encoded at every step to learn how the case's images compress. */
const SAMPLE = 8;

/** The chosen step, and the bytes each exhibit's images are expected to take at it. */
export type ImageStep = { level: ImageLevel; imageBytes: (p: Prepared) => number };

const facts = (p: Prepared): ExhibitFacts => factsOf(p.exhibit, p.content);

/**
 * The best step at which the images fit (`fits`, given a step and the images' bytes at it), judged on a sample: up to eight image
 * exhibits (the lowest hashes, so the same files give the same sample), each encoded at the steps
 * tried, best first, and remembered in the case's cache, so a re-export encodes nothing to decide.
 * A sample image keeps its JPEG at the last step tried: at the step chosen, its pages need no other.
 * Each image is expected to take, at a step, its source-weighted pixels (ExhibitFacts.imageWeight) times the
 * ratio its format's sampled images showed: a grainy photo counts for more than a flat one. Returns
 * 3, the smallest legible step, when even that does not fit. The estimate also decides whether the
 * originals may be attached, so it is made even when the images clearly fit.
 */
export async function chooseImageStep(prepared: Prepared[], fits: (level: ImageLevel, imageBytes: number) => boolean, store: BlobStore, caseId: string): Promise<ImageStep> {
  const drawing = prepared.filter((p) => drawsImages(p.content));
  if (drawing.length === 0) return { level: 0, imageBytes: () => 0 };
  const sample = sampleOf(drawing);
  const bytes = await mapLimit(sample, 2, async (p) => (await readLevels(store, levelsKey(caseId, p.exhibit))) ?? LEVELS.map(() => null));
  const learnt = new Set<number>();
  let last: ImageStep | undefined;
  try {
    for (const level of LEVELS) {
      await mapLimit(sample, 2, async (p, i) => {
        const known = bytes[i] as Levels;
        if (known[level] !== null) return;
        const encoded = await encodedBytes(p, level, store);
        known[level] = encoded ?? 0;
        // Not remembered when it failed: a file missing now may be restored (a backup) before the next export.
        if (encoded !== null) learnt.add(i);
      });
      const ratio = ratios(sample, bytes, level);
      const imageBytes = (p: Prepared) => (drawsImages(p.content) ? pixelsAt(facts(p).imageWeight, level) * (ratio.get(facts(p).imageFormat) ?? ratio.get('') ?? 1) : 0);
      last = { level, imageBytes };
      if (fits(level, drawing.reduce((sum, p) => sum + imageBytes(p), 0))) return last;
    }
    return last as ImageStep;
  } finally {
    await mapLimit([...learnt], 2, (i) => writeLevels(store, levelsKey(caseId, (sample[i] as Prepared).exhibit), bytes[i] as Levels));
  }
}

/** The lowest hashes, and the lowest of each format the lowest left out: every kind of image is sampled. */
function sampleOf(drawing: Prepared[]): Prepared[] {
  const sorted = [...drawing].sort((a, b) => (a.exhibit.sha256 < b.exhibit.sha256 ? -1 : a.exhibit.sha256 > b.exhibit.sha256 ? 1 : 0));
  const sample = sorted.slice(0, SAMPLE);
  for (const p of sorted) if (!sample.some((s) => facts(s).imageFormat === facts(p).imageFormat)) sample.push(p);
  return sample;
}

/** Encoded bytes per weighted pixel at a step, per source format ('' pools them all). */
function ratios(sample: Prepared[], bytes: Levels[], level: ImageLevel): Map<string, number> {
  const sums = new Map<string, { bytes: number; weight: number }>();
  sample.forEach((p, i) => {
    for (const format of [facts(p).imageFormat, '']) {
      const sum = sums.get(format) ?? { bytes: 0, weight: 0 };
      sums.set(format, { bytes: sum.bytes + (bytes[i]?.[level] ?? 0), weight: sum.weight + pixelsAt(facts(p).imageWeight, level) });
    }
  });
  return new Map([...sums].map(([format, sum]) => [format, sum.weight > 0 ? sum.bytes / sum.weight : 1]));
}

/**
 * An exhibit's image bytes at one step, encoded now (its content kept for its pages, with the JPEGs);
 * null when it cannot be encoded (broken past its header, or gone): it weighs nothing here, and its
 * pages will explain it (lib/export/exhibit-set.ts).
 */
async function encodedBytes(p: Prepared, level: ImageLevel, store: BlobStore): Promise<number | null> {
  if (p.content.kind === 'cached') p.content = await prepare(p.exhibit, store);
  try {
    return (await encodeImages(contentImages(p.content), level)).reduce((sum, jpeg) => sum + jpeg.length, 0);
  } catch {
    return null;
  }
}
