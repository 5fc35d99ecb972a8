import 'server-only';
import { runJob } from '../run-job';
import { JOB_HANDLERS } from '../handlers';
import { jobRunner, jobWorkers, spawnWorker, threadsAvailable } from '../runner';
import { ThreadPool } from '../thread-pool';
import type { WorkerRequest } from '../types';
import { QUEUE_PARENT_CALLS } from './boss';
import { startQueueWorker } from './consumer';
import { QueueJobRunner } from './queue-runner';

/** 'worker': started by `npm run worker` (worker.mjs); 'app': the web server. */
export type ProcessRole = 'app' | 'worker';

/**
 * Starts claiming queued jobs in this process when the jobs go through the queue (PostgreSQL):
 * always in a worker, and in an app instance unless JOB_WORKERS=external says workers elsewhere
 * do it (so one `npm run serve` on PostgreSQL still finishes its exports on its own). On SQLite the
 * app's own runner already runs every job: nothing to start.
 */
export async function startJobWorkers(role: ProcessRole): Promise<void> {
  if (!(jobRunner() instanceof QueueJobRunner)) return;
  if (role === 'app' && process.env.JOB_WORKERS === 'external') return;
  const concurrency = jobWorkers();
  // In the production build a job runs on a worker thread, as on SQLite; elsewhere in place.
  // Its threads queue follow-up jobs through this thread's pg-boss (QUEUE_PARENT_CALLS).
  const pool = threadsAvailable() ? new ThreadPool(spawnWorker, concurrency, QUEUE_PARENT_CALLS) : null;
  const execute = (jobId: string) => (pool ? pool.run<void>({ type: 'job', jobId } satisfies WorkerRequest) : runJob(jobId, JOB_HANDLERS));
  const worker = await startQueueWorker({
    execute,
    concurrency,
    // A worker whose locks are gone could run a case beside another worker: stop, and let the
    // process supervisor start a fresh one; its jobs are retried elsewhere.
    onLocksLost: (error) => {
      console.error('[queue] lost the database connection that holds case locks:', error.message);
      if (role === 'worker') process.exit(1);
    },
  });
  console.log(`[queue] claiming jobs (${concurrency} at a time, ${role})`);
  if (role === 'worker') {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void worker.stop().finally(() => process.exit(0)));
    }
  }
}
