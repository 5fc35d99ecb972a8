import { describe, expect, it } from 'vitest';
import { openBytes, withOpenBytes } from './open-bytes';

const MB = 1024 * 1024;

/** Runs jobs of these sizes side by side and records the most bytes ever open at once. */
async function peakOf(sizes: number[]): Promise<number> {
  let peak = 0;
  let release: Array<() => void> = [];
  const runs = sizes.map((size) =>
    withOpenBytes(size, async () => {
      peak = Math.max(peak, openBytes());
      // Held until the test lets go, so overlapping jobs would show.
      await new Promise<void>((resolve) => release.push(resolve));
    }),
  );
  // Let every job that may start start, then finish them one round at a time.
  for (let round = 0; round < sizes.length; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = release;
    release = [];
    now.forEach((r) => r());
  }
  await Promise.all(runs);
  return peak;
}

describe('withOpenBytes', () => {
  it('runs two big scans one after the other', async () => {
    expect(await peakOf([54 * MB, 54 * MB])).toBe(54 * MB);
  });

  it('runs small PDFs side by side', async () => {
    expect(await peakOf([5 * MB, 5 * MB, 5 * MB])).toBe(15 * MB);
  });

  it('never refuses one bigger than the whole allowance', async () => {
    expect(await peakOf([200 * MB])).toBe(200 * MB);
    expect(openBytes()).toBe(0);
  });
});
