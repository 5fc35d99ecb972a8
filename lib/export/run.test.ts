import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { jobRunner } from '@/lib/jobs/runner';
import { blobStore } from '@/lib/storage';
import { bundleCase } from '@/lib/testing/bundle-case';
import { latestExport, startExport, type ExportOptions } from './run';

async function finished(caseId: string, options: ExportOptions = {}) {
  const started = await startExport(caseId, options);
  await jobRunner().idle();
  return { started, done: await latestExport(caseId) };
}

describe('export jobs', () => {
  it('runs in the background, stores the bundle, reuses it while the case is unchanged and makes a new one after any edit', async () => {
    const { caseId } = await bundleCase();
    expect(await latestExport(caseId)).toBeNull();

    const { started, done } = await finished(caseId);
    expect(['queued', 'running']).toContain(started.status);
    expect(done).toMatchObject({ id: started.id, status: 'done', progress: 1, current: true });
    const file = done!.result!.files[0]!;
    expect(file).toMatchObject({ volume: 1, firstPage: 1, pages: done!.result!.pages });
    expect((await blobStore().get(file.key))?.destroy()).toBeDefined();
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('exported');
    expect(done!.result!.overLimit).toEqual([]);

    // Unchanged: the stored bundle at once, no new job.
    const again = await startExport(caseId, {});
    expect(again).toMatchObject({ id: started.id, status: 'done', current: true });
    expect(await db.job.count({ where: { caseId } })).toBe(1);

    // What the merchant says about a file is part of the bundle: changing it outdates the bundle.
    await db.evidence.updateMany({ where: { caseId, category: 'chat' }, data: { description: '买家主动咨询，非刷单。' } });
    expect(await latestExport(caseId)).toMatchObject({ id: started.id, current: false });
    const { started: second, done: secondDone } = await finished(caseId);
    expect(second.id).not.toBe(started.id);
    expect(secondDone).toMatchObject({ id: second.id, status: 'done', current: true });
    // The outdated bundle is gone from storage.
    expect(await blobStore().get(file.key)).toBeNull();

    // Another option is another bundle.
    const { started: third } = await finished(caseId, { attachOriginals: true });
    expect(third.id).not.toBe(second.id);
    expect((await latestExport(caseId))?.result).toMatchObject({ attachOriginals: true, attachedOriginals: true });
  }, 60_000);

  it('does not start a second job while one is running', async () => {
    const { caseId } = await bundleCase();
    const first = await startExport(caseId, {});
    const second = await startExport(caseId, {});
    expect(second.id).toBe(first.id);
    await jobRunner().idle();
    expect(await db.job.count({ where: { caseId } })).toBe(1);
  }, 60_000);

  it('reports volumes that still exceed a limit too small for them', async () => {
    const { caseId } = await bundleCase();
    const { done } = await finished(caseId, { maxBundleMB: 0.05 });
    expect(done?.result?.files.length).toBeGreaterThan(1);
    expect(done?.result?.overLimit).toContain(1);
  }, 60_000);

  it('fails with storageFull when the disk fills between volumes, leaving no partial bundle and the last whole one in place', async () => {
    const { caseId } = await bundleCase();
    const { done: first } = await finished(caseId);
    const kept = first!.result!.files[0]!.key;
    await db.evidence.updateMany({ where: { caseId, category: 'chat' }, data: { description: '改了说明，需要重新生成。' } });

    const store = blobStore();
    const put = store.put.bind(store);
    const written: string[] = [];
    // The second volume finds the disk full (the first one was written).
    const spy = vi.spyOn(store, 'put').mockImplementation(async (key, body) => {
      if (!key.includes('/exports/')) return put(key, body);
      if (written.length === 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      written.push(key);
      return put(key, body);
    });
    try {
      const { done } = await finished(caseId, { maxBundleMB: 0.05 });
      expect(done).toMatchObject({ status: 'failed', error: 'storageFull' });
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(await store.get(written[0]!)).toBeNull();
    const stillThere = await store.get(kept);
    expect(stillThere).not.toBeNull();
    stillThere?.destroy();
  }, 60_000);
});
