import { describe, expect, it } from 'vitest';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { buildBundle } from './bundle';
import { collectBundleData } from './collect';
import { fitKey, readFit, writeFit } from './exhibit-cache';

const MB = 1024 * 1024;
const now = new Date('2026-11-22T04:00:00Z');

describe('the image step near the size limit', () => {
  it('keeps the step an earlier export measured to fit, where the generous estimate alone steps down', async () => {
    const store = blobStore();
    const { caseId } = await bundleCase();
    const data = await collectBundleData(caseId);
    const roomy = await buildBundle(data, store, { maxBytes: 50 * MB, attachOriginals: false, now });
    expect(roomy.imageLevel).toBe(0);
    const size = roomy.volumes[0]!.bytes.length;
    expect(await readFit(store, caseId)).toMatchObject({ level: 0, actual: size });

    // A limit the bundle fits with 3% to spare: what the roomy export measured says step 0 fits.
    const tight = { maxBytes: Math.ceil(size / 0.97), attachOriginals: false, now };
    const kept = await buildBundle(data, store, tight);
    expect(kept.imageLevel).toBe(0);
    expect(kept.volumes).toHaveLength(1);
    expect(Buffer.from(kept.volumes[0]!.bytes).equals(Buffer.from(roomy.volumes[0]!.bytes))).toBe(true);

    // Without the measurement, the estimate (5% spare, the front matter counted high) steps the images down.
    await store.delete(fitKey(caseId));
    const guessed = await buildBundle(data, store, tight);
    expect(guessed.imageLevel).toBeGreaterThan(0);
    expect(guessed.volumes[0]!.bytes.length).toBeLessThan(size);
  });

  it('steps down from a step whose last export came out over the limit', async () => {
    const store = blobStore();
    const { caseId } = await bundleCase();
    const data = await collectBundleData(caseId);
    const roomy = await buildBundle(data, store, { maxBytes: 50 * MB, attachOriginals: false, now });
    const fit = (await readFit(store, caseId))!;
    // As if step 0 had come to just over the limit last time, with the same estimate.
    const maxBytes = roomy.volumes[0]!.bytes.length * 2;
    await writeFit(store, caseId, { ...fit, actual: maxBytes + 1 });
    const out = await buildBundle(data, store, { maxBytes, attachOriginals: false, now });
    expect(out.imageLevel).toBeGreaterThan(0);
    expect(out.volumes).toHaveLength(1);
    // Which the estimate alone would have kept.
    await store.delete(fitKey(caseId));
    expect((await buildBundle(data, store, { maxBytes, attachOriginals: false, now })).imageLevel).toBe(0);
  });
});
