import 'server-only';
import PgBoss from 'pg-boss';
import { databaseUrl } from '@/lib/db/data-dir.mjs';
import { callParent, inPoolThread } from '../parent-call';

/**
 * The job queue on PostgreSQL: pg-boss (not graphile-worker). Both keep jobs in the app's own
 * database and claim them with SKIP LOCKED; pg-boss is plain JavaScript with no build step or
 * CLI of its own, so it runs inside the production bundle and under Vitest as it is, and its
 * retry, expiry and dead-letter queue are options rather than code we write. graphile-worker's
 * per-key queues would give per-case order, but here the Job row is the record of order anyway.
 *
 * The pg-boss message carries only the Job row's id: the row stays the record of progress and
 * outcome that pages read, whichever process runs it.
 */
export const JOB_QUEUE = 'appeal-pack-jobs';
/** Jobs whose retries ran out (their worker died each time): their rows are marked failed. */
export const DEAD_QUEUE = 'appeal-pack-jobs-dead';

export type QueueMessage = {
  jobId: string;
  caseId: string;
  /** How often the job already waited for its case (lib/jobs/queue/case-wait.ts); absent the first time. */
  waits?: number;
};

/** A worker's death is noticed by its lost case lock (reaper.ts); expiry only stops a hung job. */
const EXPIRE_SECONDS = Number(process.env.JOB_EXPIRE_SECONDS) || 60 * 60;
/** Runs after a worker died; a job that killed three workers is probably the cause, not the victim. */
const RETRY_LIMIT = 3;

const globalForBoss = globalThis as unknown as { pgBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss, started once (its schema is created or upgraded by the first process to
 * start, under pg-boss's own advisory lock). `supervise` runs its maintenance (expiry, archive):
 * every process may, pg-boss lets one of them at a time.
 */
export function boss(): Promise<PgBoss> {
  globalForBoss.pgBoss ??= (async () => {
    const instance = new PgBoss({ connectionString: databaseUrl(), max: 4, application_name: 'appeal-pack-queue', schedule: false, maintenanceIntervalSeconds: 30 });
    instance.on('error', (error: Error) => console.error('[queue]', error.message));
    await instance.start();
    await instance.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE });
    await instance.createQueue(JOB_QUEUE, { name: JOB_QUEUE, retryLimit: RETRY_LIMIT, retryDelay: 2, expireInSeconds: EXPIRE_SECONDS, deadLetter: DEAD_QUEUE });
    return instance;
  })();
  return globalForBoss.pgBoss;
}

/**
 * Queues a Job row for whichever worker claims it first; `startAfter` (seconds) defers it. From a
 * worker thread (a job queueing a follow-up one) it goes through the thread's parent, whose
 * pg-boss sends it: one pg-boss and its pool of connections per process, not one per thread.
 */
export async function sendJob(message: QueueMessage, startAfter?: number): Promise<void> {
  if (inPoolThread()) {
    await callParent(SEND_JOB, { message, startAfter } satisfies SendJobArgs);
    return;
  }
  await (await boss()).send(JOB_QUEUE, message, startAfter ? { startAfter } : {});
}

const SEND_JOB = 'sendJob';
type SendJobArgs = { message: QueueMessage; startAfter?: number };

/** What a ThreadPool's parent answers for its threads (lib/jobs/parent-call.ts): their sends. */
export const QUEUE_PARENT_CALLS = {
  // Only this process's own worker threads post these (lib/jobs/thread-pool.ts), so the shape is ours.
  [SEND_JOB]: async (args: unknown) => sendJob((args as SendJobArgs).message, (args as SendJobArgs).startAfter),
};

/** Stops this process's pg-boss (tests, shutdown); the next boss() starts a new one. */
export async function stopBoss(): Promise<void> {
  const started = globalForBoss.pgBoss;
  globalForBoss.pgBoss = undefined;
  if (started) await (await started).stop({ graceful: false, wait: true });
}
