import 'server-only';
import { db } from '@/lib/db/client';
import { markFailed } from '../run-job';
import { boss, DEAD_QUEUE, JOB_QUEUE, type QueueMessage } from './boss';
import { CaseLocks } from './case-locks';
import { type CaseWait, deferJob, wakeCase } from './case-wait';
import { reapOnce } from './reaper';

export type QueueWorkerOptions = {
  /** Runs one Job row to its end, recording the outcome on the row (a worker thread, or in place). */
  execute: (jobId: string) => Promise<void>;
  /** Jobs this process runs at once (each of another case). */
  concurrency: number;
  /** This process lost its database connection for case locks: its running jobs are no longer guarded. */
  onLocksLost?: (error: Error) => void;
  pollSeconds?: number;
  reapSeconds?: number;
  /** How long a claimed job may go without its case lock before it counts as its worker's loss. */
  claimGraceSeconds?: number;
  /** This process's case locks (tests pass their own, to cut its connection as a dying worker would). */
  locks?: CaseLocks;
  /** How long a job waiting for its busy case waits between looks (case-wait.ts). */
  caseWait?: CaseWait;
};

export type QueueWorker = {
  /** Claims nothing more and, unless abandoning them (tests play a dying worker), lets running jobs finish. */
  stop: (options?: { abandon?: boolean }) => Promise<void>;
  reap: () => Promise<number>;
};

/**
 * Claims queued jobs from pg-boss and runs them, a case at a time across every worker (a case
 * lock) and in the order they were queued (a job waits while an older Job row of its case is
 * unfinished: an audit queued after an import sees its orders). A waiting job is sent again for
 * later instead of holding its claim, so it never blocks other cases' jobs behind it; each wait
 * is twice the last, and the worker that lets go of a case wakes the case's next job at once.
 * pg-boss's `singleton` policy was tried on paper and rejected: a claim refused by its unique
 * index returns nothing at all, so one busy case would stall the whole queue.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const instance = await boss();
  const locks = options.locks ?? (await CaseLocks.open(options.onLocksLost ?? ((error) => console.error('[queue] case locks lost:', error.message))));
  const workIds: string[] = [];
  const running = new Set<Promise<void>>();

  async function claim(message: QueueMessage): Promise<void> {
    const { jobId, caseId } = message;
    if (!(await locks.tryLock(caseId))) {
      await deferJob(message, options.caseWait);
      // The case's job may have ended between the try and the send, its wake finding nothing yet.
      if (!(await locks.busy(caseId))) await wakeCase(caseId);
      return;
    }
    try {
      // Read under the lock: a copy of this message may have run the job since it was sent.
      const row = await db.job.findUnique({ where: { id: jobId }, select: { status: true, createdAt: true } });
      // Already run (a message sent twice) or its case deleted: nothing to do.
      if (!row || row.status === 'done' || row.status === 'failed') return;
      const older = await db.job.count({ where: { caseId, status: { in: ['queued', 'running'] }, createdAt: { lt: row.createdAt } } });
      if (older > 0) return await deferJob(message, options.caseWait);
      await options.execute(jobId).catch(() => markFailed(jobId, 'workerFailed'));
    } finally {
      await locks.unlock(caseId);
      // The case is free: its next job need not wait out its deferral.
      await wakeCase(caseId).catch((error: unknown) => console.error('[queue] wake:', error));
    }
  }

  const workOptions = { batchSize: 1, pollingIntervalSeconds: options.pollSeconds ?? 1 };
  for (let i = 0; i < options.concurrency; i++) {
    const id = await instance.work<QueueMessage>(JOB_QUEUE, workOptions, async ([job]) => {
      if (!job) return;
      const run = claim(job.data);
      running.add(run);
      try {
        await run;
      } finally {
        running.delete(run);
      }
    });
    workIds.push(id);
  }
  // Retries spent (the job's worker died each time): the row says so, and the page offers a retry.
  workIds.push(
    await instance.work<QueueMessage>(DEAD_QUEUE, workOptions, async (jobs) => {
      for (const job of jobs) await markFailed(job.data.jobId, 'interrupted');
    }),
  );

  let reaping: Promise<number> = Promise.resolve(0);
  const reap = () => (reaping = reaping.then(() => reapOnce(instance, locks, options.claimGraceSeconds).catch((error: unknown) => (console.error('[queue] reaper:', error), 0))));
  void reap();
  const timer = setInterval(() => void reap(), (options.reapSeconds ?? 5) * 1000);
  timer.unref();

  return {
    reap,
    stop: async ({ abandon = false } = {}) => {
      clearInterval(timer);
      // By id: other workers of this process (tests run several) share its pg-boss.
      await Promise.all(workIds.map((id) => instance.offWork({ id })));
      if (abandon) return;
      await Promise.allSettled([...running, reaping]);
      await locks.close();
    },
  };
}
