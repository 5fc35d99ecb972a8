import { describe, expect, it } from 'vitest';
import type { Exhibit } from './collect';
import { derivedScan, planDerivedScans, SCAN_STEPS } from './derived-scan';
import type { Content, Prepared } from './prepare';

const MB = 1024 * 1024;
const prepared = (kind: string, size: number, content: Content): Prepared => ({ exhibit: { kind, size } as Exhibit, content, estimate: size, volume: 1 });

describe('derivedScan', () => {
  it('leaves a PDF that fits a volume as it is', () => {
    expect(derivedScan(5 * MB, 20 * MB)).toBeNull();
    expect(derivedScan(18 * MB, 20 * MB)).toBeNull();
  });

  it('makes a reduced copy of one too big for a volume, aiming below what could be merged', () => {
    const scan = derivedScan(54 * MB, 20 * MB);
    expect(scan).toEqual({ limit: 20 * MB, target: Math.floor(16 * MB), steps: [...SCAN_STEPS] });
    // Just over the share a merged PDF may take.
    expect(derivedScan(18.5 * MB, 20 * MB)).not.toBeNull();
  });

  it('tries the steps best first and never below 100 DPI', () => {
    const dpis = SCAN_STEPS.map((s) => s.dpi);
    expect(dpis).toEqual([...dpis].sort((a, b) => b - a));
    expect(Math.min(...dpis)).toBe(100);
    expect(Math.min(...SCAN_STEPS.map((s) => s.quality))).toBeGreaterThanOrEqual(60);
  });
});

describe('planDerivedScans', () => {
  it('marks only big PDFs that can be read, and counts them at the copy size', () => {
    const list = [
      prepared('pdf', 54 * MB, { kind: 'pdf', active: [] }),
      prepared('pdf', 54 * MB, { kind: 'cached', facts: { imagePixels: 0, imageWeight: 0, imageFormat: '', estimate: 54 * MB, attachable: true } }),
      prepared('pdf', 54 * MB, { kind: 'placeholder', reason: 'corrupt' }),
      prepared('pdf', 2 * MB, { kind: 'pdf', active: [] }),
      prepared('tiff', 54 * MB, { kind: 'images', images: [] }),
    ];
    planDerivedScans(list, 20 * MB);
    expect(list.map((p) => !!p.scan)).toEqual([true, true, false, false, false]);
    expect(list.map((p) => p.estimate / MB)).toEqual([16, 16, 54, 2, 54]);
  });
});
