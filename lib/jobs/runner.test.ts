import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { InProcessJobRunner } from './runner';

let caseId: string;
beforeEach(async () => {
  const user = await makeUser();
  caseId = (await createCase(user.id, { title: 't', platform: 'tmall', appealDeadline: null })).id;
});

describe('InProcessJobRunner', () => {
  it('runs a job, recording progress, the current item and the result', async () => {
    const runner = new InProcessJobRunner();
    const seen: number[] = [];
    runner.register('count', async ({ input, progress, jobId }) => {
      const { n } = input as { n: number };
      for (let i = 1; i <= n; i++) {
        await progress(i / n, `item ${i}`);
        seen.push((await db.job.findUniqueOrThrow({ where: { id: jobId } })).progress);
      }
      return { total: n };
    });
    const id = await runner.enqueue(caseId, 'count', { n: 4 });
    await runner.idle();
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'done', progress: 1, currentItem: '', result: '{"total":4}' });
  });

  it('goes on with the next job when the case of a running one is deleted', async () => {
    const runner = new InProcessJobRunner();
    const user = await makeUser();
    const doomed = (await createCase(user.id, { title: 'gone', platform: 'tmall', appealDeadline: null })).id;
    runner.register('slow', async () => {
      await db.case.delete({ where: { id: doomed } });
      return 'done';
    });
    runner.register('ok', async () => 'fine');
    await runner.enqueue(doomed, 'slow');
    const next = await runner.enqueue(caseId, 'ok');
    await runner.idle();
    expect(await db.job.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ status: 'done' });
  });

  it('marks the job failed when its own thread could not record the outcome, never leaving it running', async () => {
    const runner = new InProcessJobRunner();
    runner.register('boom', async () => {
      throw new Error('font missing');
    });
    // The job's connection fails as it records the failure; the runner's next write gets through.
    const lost = vi.spyOn(db.job, 'updateMany').mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
    try {
      const id = await runner.enqueue(caseId, 'boom');
      await runner.idle();
      expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'failed', error: 'workerFailed' });
      expect(lost).toHaveBeenCalledTimes(2);
    } finally {
      lost.mockRestore();
    }
  });

  it('records a failure on the job and goes on with the next one', async () => {
    const runner = new InProcessJobRunner();
    runner.register('boom', async () => {
      throw new Error('font missing');
    });
    runner.register('ok', async () => 'fine');
    const failed = await runner.enqueue(caseId, 'boom');
    const next = await runner.enqueue(caseId, 'ok');
    await runner.idle();
    expect(await db.job.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({ status: 'failed', error: 'font missing' });
    expect(await db.job.findUniqueOrThrow({ where: { id: next } })).toMatchObject({ status: 'done' });
  });

  it('refuses a kind nobody handles, and marks jobs a crash interrupted as failed', async () => {
    const runner = new InProcessJobRunner();
    await expect(runner.enqueue(caseId, 'unknown')).rejects.toThrow(/no handler/);
    const stuck = await db.job.create({ data: { caseId, kind: 'export-pdf', status: 'running' } });
    expect(await runner.recover()).toBeGreaterThanOrEqual(1);
    expect(await db.job.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: 'failed', error: 'interrupted' });
  });

  it('runs the jobs of one case in the order queued, without making another case wait', async () => {
    const runner = new InProcessJobRunner();
    const other = (await createCase((await makeUser()).id, { title: 'o', platform: 'tmall', appealDeadline: null })).id;
    const events: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    runner.register('slow', async () => {
      events.push('slow:start');
      await gate;
      events.push('slow:end');
    });
    runner.register('note', async ({ input }) => {
      events.push(String((input as { name: string }).name));
      if ((input as { name: string }).name === 'other') release();
    });
    await runner.enqueue(caseId, 'slow');
    await runner.enqueue(caseId, 'note', { name: 'after-slow' });
    await runner.enqueue(other, 'note', { name: 'other' });
    await runner.idle();
    expect(events).toEqual(['slow:start', 'other', 'slow:end', 'after-slow']);
  });
});
