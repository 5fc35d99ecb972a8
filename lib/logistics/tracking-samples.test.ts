import { describe, expect, it } from 'vitest';
import { checkTracking } from './detect';
import { SAMPLE_CARRIERS, sampleTrackingNumbers } from './tracking-samples';

const warned = (samples: ReturnType<typeof sampleTrackingNumbers>) =>
  samples.filter((s) => checkTracking({ trackingNo: s.trackingNo, carrierName: s.carrierName }).status === 'formatMismatch');

describe('format check on realistic numbers', () => {
  const samples = sampleTrackingNumbers(2000, 7);

  it('knows every carrier the generator writes', () => {
    for (const name of Object.keys(SAMPLE_CARRIERS)) {
      expect(checkTracking({ trackingNo: 'X', carrierName: name }).carrier, name).not.toBeNull();
    }
  });

  // The false-warning rate stated in the README: genuine numbers, named carrier, reported anyway.
  it('warns about fewer than 0.5 % of genuine numbers', () => {
    const rate = warned(samples).length / samples.length;
    expect(samples.length).toBe(20_000);
    expect(rate).toBeLessThan(0.005);
  });

  it('covers each real-world variant on its own', () => {
    const byVariant = new Map<string, number>();
    for (const s of warned(samples)) byVariant.set(`${s.carrierName} ${s.variant}`, (byVariant.get(`${s.carrierName} ${s.variant}`) ?? 0) + 1);
    expect(Object.fromEntries(byVariant)).toEqual({});
  });

  // The check still means something: a number written under another carrier's name is noticed.
  it('notices most numbers filed under the wrong carrier', () => {
    const names = Object.keys(SAMPLE_CARRIERS);
    const swapped = samples.map((s, i) => ({ ...s, carrierName: names[(names.indexOf(s.carrierName) + 1 + (i % (names.length - 1))) % names.length] as string }));
    const rate = warned(swapped).length / swapped.length;
    expect(rate).toBeGreaterThan(0.6);
  });
});
