import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase } from '@/lib/cases/repository';
import { db, DB_PROVIDER } from '@/lib/db/client';
import { makeUser } from '@/lib/testing/factories';
import { runJob } from '../run-job';
import { InProcessJobRunner, jobRunner, usesQueue } from '../runner';
import type { JobHandler } from '../types';
import { sendJob, stopBoss } from './boss';
import { CaseLocks } from './case-locks';
import type { CaseWait } from './case-wait';
import { startQueueWorker, type QueueWorker } from './consumer';
import { QueueJobRunner } from './queue-runner';

/** The app's side in these tests: queues any kind the test's workers know. */
class TestQueueRunner extends QueueJobRunner {
  protected override knows(): boolean {
    return true;
  }
}

const newCase = async () => (await createCase((await makeUser()).id, { title: 't', platform: 'tmall', appealDeadline: null })).id;
const until = async (check: () => Promise<boolean>) => expect.poll(check, { timeout: 25_000, interval: 100 }).toBe(true);
const statusOf = async (id: string) => (await db.job.findUniqueOrThrow({ where: { id } })).status;

// The queue exists on PostgreSQL only; on SQLite the in-process runner stays (asserted below).
if (DB_PROVIDER === 'postgresql') {
  describe('pg-boss queue (PostgreSQL)', () => {
    const workers: QueueWorker[] = [];
    const start = async (handlers: Record<string, JobHandler>, extra: { locks?: CaseLocks; caseWait?: CaseWait } = {}) => {
      const map = new Map(Object.entries(handlers));
      const worker = await startQueueWorker({ execute: (id) => runJob(id, map), concurrency: 2, pollSeconds: 0.5, reapSeconds: 1, claimGraceSeconds: 1, ...extra });
      workers.push(worker);
      return worker;
    };
    let caseId: string;
    beforeEach(async () => {
      caseId = await newCase();
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((w) => w.stop()));
    });
    afterAll(stopBoss);

    it('queues from the app and a worker claims the job, with progress and the result on the Job row', async () => {
      const progressSeen: number[] = [];
      await start({
        count: async ({ jobId, progress }) => {
          await progress(0.5, '一半');
          progressSeen.push((await db.job.findUniqueOrThrow({ where: { id: jobId } })).progress);
          return { ok: 1 };
        },
      });
      const id = await new TestQueueRunner().enqueue(caseId, 'count');
      await until(async () => (await statusOf(id)) === 'done');
      expect(progressSeen).toEqual([0.5]);
      expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ progress: 1, result: '{"ok":1}' });
    });

    it('runs one job of a case at a time across two workers, in the order queued, without holding up other cases', async () => {
      const other = await newCase();
      let running = 0;
      let most = 0;
      const order: string[] = [];
      let otherDone!: () => void;
      const otherFinished = new Promise<void>((resolve) => (otherDone = resolve));
      const handlers: Record<string, JobHandler> = {
        step: async ({ input }) => {
          running++;
          most = Math.max(most, running);
          // The first step waits for the other case's job: it could never finish if that one were queued behind this case.
          if ((input as { n: number }).n === 1) await otherFinished;
          await new Promise((resolve) => setTimeout(resolve, 50));
          order.push(String((input as { n: number }).n));
          running--;
        },
        other: async () => otherDone(),
      };
      await start(handlers);
      await start(handlers);
      const runner = new TestQueueRunner();
      const ids: string[] = [];
      for (const n of [1, 2, 3, 4]) ids.push(await runner.enqueue(caseId, 'step', { n }));
      const otherId = await runner.enqueue(other, 'other');
      await until(async () => (await db.job.count({ where: { id: { in: [...ids, otherId] }, status: 'done' } })) === 5);
      expect(most).toBe(1);
      expect(order).toEqual(['1', '2', '3', '4']);
    });

    it('never runs one Job row twice at once, even when its message arrives twice (a deferral and a retry)', async () => {
      let runs = 0;
      const handlers: Record<string, JobHandler> = {
        slow: async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 1500));
        },
      };
      await start(handlers);
      await start(handlers);
      const id = (await db.job.create({ data: { caseId, kind: 'slow' } })).id;
      await Promise.all([sendJob({ jobId: id, caseId }), sendJob({ jobId: id, caseId })]);
      await until(async () => (await statusOf(id)) === 'done');
      // The second message finds the case locked, comes back later and finds the job done.
      await until(async () => (await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE data->>'jobId' = ${id} AND state < 'completed'`)[0]?.n === BigInt(0));
      expect(runs).toBe(1);
    });

    /** The queue messages sent for a Job row, oldest first, with how long each was deferred (s). */
    const messagesOf = (id: string) =>
      db.$queryRaw<Array<{ deferred: number }>>`SELECT extract(epoch FROM start_after - created_on)::float8 AS deferred FROM pgboss.job WHERE data->>'jobId' = ${id} ORDER BY created_on`;

    it('waits twice as long each time it finds its case busy, up to a cap, instead of every second', async () => {
      // Another worker runs a job of the case (and never says when it is done).
      const elsewhere = await CaseLocks.open(() => {});
      expect(await elsewhere.tryLock(caseId)).toBe(true);
      try {
        await start({ quick: async () => ({}) }, { caseWait: { firstSeconds: 1, maxSeconds: 2 } });
        const id = await new TestQueueRunner().enqueue(caseId, 'quick');
        await until(async () => (await messagesOf(id)).length >= 4);
        // The first message, then three sends: 1 s, 2 s, then the cap.
        expect((await messagesOf(id)).slice(0, 4).map((m) => Math.round(m.deferred))).toEqual([0, 1, 2, 2]);
        expect(await statusOf(id)).toBe('queued');
      } finally {
        await elsewhere.close();
      }
    });

    it('wakes the next job of a case the moment the job before it ends, however long its wait', async () => {
      let ended = 0;
      let started = 0;
      const handlers: Record<string, JobHandler> = {
        first: async () => {
          await new Promise((resolve) => setTimeout(resolve, 3000));
          ended = Date.now();
        },
        second: async () => void (started = Date.now()),
      };
      // A wait this long would make the second job's start 20 s late without the wake.
      await start(handlers, { caseWait: { firstSeconds: 20, maxSeconds: 20 } });
      await start(handlers, { caseWait: { firstSeconds: 20, maxSeconds: 20 } });
      const runner = new TestQueueRunner();
      const first = await runner.enqueue(caseId, 'first');
      const second = await runner.enqueue(caseId, 'second');
      await expect.poll(async () => (await statusOf(second)) === 'done', { timeout: 12_000, interval: 100 }).toBe(true);
      expect(await statusOf(first)).toBe('done');
      expect(started).toBeGreaterThanOrEqual(ended);
      // Deferred once or twice while the first ran (20 s each), then woken: not sent every second.
      expect((await messagesOf(second)).length).toBeLessThanOrEqual(3);
    });

    it('gives a dead worker’s job to another worker, which finishes it', async () => {
      let attempts = 0;
      const handlers: Record<string, JobHandler> = {
        // The first attempt never ends: its worker "dies" with it.
        build: async () => (++attempts === 1 ? new Promise(() => {}) : { attempt: attempts }),
      };
      const doomedLocks = await CaseLocks.open(() => {});
      await start(handlers, { locks: doomedLocks });
      const id = await new TestQueueRunner().enqueue(caseId, 'build');
      await until(async () => (await statusOf(id)) === 'running');
      // What a killed process leaves: its job claimed and 'running', its connection (and locks) gone.
      await workers.shift()?.stop({ abandon: true });
      await doomedLocks.close();
      await start(handlers);
      await until(async () => (await statusOf(id)) === 'done');
      expect(attempts).toBe(2);
      expect(JSON.parse((await db.job.findUniqueOrThrow({ where: { id } })).result)).toEqual({ attempt: 2 });
    });

    it('fails a row left running after its queue job ended, once its case is free', async () => {
      // What a run that could record nothing leaves: the row 'running', its pg-boss job completed.
      const long = new Date(Date.now() - 5 * 60_000);
      const stranded = (await db.job.create({ data: { caseId, kind: 'build', status: 'running', createdAt: long, updatedAt: long } })).id;
      // One whose case a worker still holds is left alone, however quiet.
      const other = await newCase();
      const busy = (await db.job.create({ data: { caseId: other, kind: 'build', status: 'running', createdAt: long, updatedAt: long } })).id;
      const elsewhere = await CaseLocks.open(() => {});
      expect(await elsewhere.tryLock(other)).toBe(true);
      try {
        await start({});
        await until(async () => (await statusOf(stranded)) === 'failed');
        expect(await db.job.findUniqueOrThrow({ where: { id: stranded } })).toMatchObject({ error: 'interrupted' });
        expect(await statusOf(busy)).toBe('running');
      } finally {
        await elsewhere.close();
      }
    });

    it('leaves the jobs of other instances alone when an app instance starts', async () => {
      const id = (await db.job.create({ data: { caseId, kind: 'build', status: 'running' } })).id;
      expect(await new TestQueueRunner().recover()).toBe(0);
      expect(await statusOf(id)).toBe('running');
    });

    it('is what the Next.js server uses on PostgreSQL; tests and scripts still run jobs in place', () => {
      expect(usesQueue('nodejs')).toBe(true);
      expect(usesQueue(undefined)).toBe(false);
    });
  });
} else {
  describe('job runner on SQLite', () => {
    it('stays in-process, in the server too: no queue, no worker', () => {
      expect(usesQueue('nodejs')).toBe(false);
      expect(jobRunner()).toBeInstanceOf(InProcessJobRunner);
    });
  });
}
