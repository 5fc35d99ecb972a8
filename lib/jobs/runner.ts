import 'server-only';
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { DB_PROVIDER } from '@/lib/db/client';
import { JOB_HANDLERS } from './handlers';
import { POOL_THREAD_DATA } from './parent-call';
import { QUEUE_PARENT_CALLS } from './queue/boss';
import { QueueJobRunner } from './queue/queue-runner';
import { JobRunner } from './runner-base';
import { markFailed, runJob } from './run-job';
import { ThreadPool } from './thread-pool';
import type { JobHandler, WorkerRequest } from './types';

export type { JobContext, JobHandler } from './types';
export { JobRunner } from './runner-base';

/**
 * Runs jobs in this process, one case's jobs after another in the order queued: the embedded
 * default (SQLite), and tests and scripts on either database.
 */
export abstract class LocalJobRunner extends JobRunner {
  private readonly chains = new Map<string, Promise<void>>();

  protected async schedule(caseId: string, jobId: string): Promise<void> {
    const chain = (this.chains.get(caseId) ?? Promise.resolve()).then(() => this.execute(jobId)).catch(() => markFailed(jobId, 'workerFailed').catch(() => {}));
    this.chains.set(caseId, chain);
    void chain.then(() => {
      if (this.chains.get(caseId) === chain) this.chains.delete(caseId);
    });
  }

  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
  }

  protected abstract execute(jobId: string): Promise<void>;
}

/** Runs jobs on this thread: unit tests, benchmarks and scripts, which have no bundled worker. */
export class InProcessJobRunner extends LocalJobRunner {
  private readonly handlers = new Map(JOB_HANDLERS);

  /** Adds or replaces a kind's handler (tests). */
  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  protected override knows(kind: string): boolean {
    return this.handlers.has(kind);
  }

  protected execute(jobId: string): Promise<void> {
    return runJob(jobId, this.handlers);
  }
}

/** Runs jobs in worker threads (lib/jobs/worker.ts): an export or a 50,000-order import never blocks a page. */
export class ThreadJobRunner extends LocalJobRunner {
  constructor(private readonly pool: ThreadPool) {
    super();
  }

  protected execute(jobId: string): Promise<void> {
    return this.pool.run<void>({ type: 'job', jobId } satisfies WorkerRequest);
  }
}

/**
 * How many jobs run at once in this process: JOB_WORKERS, else 2 (an export need not wait behind
 * another case's import). JOB_WORKERS=external (PostgreSQL): none, workers elsewhere run them.
 */
export function jobWorkers(): number {
  const n = Number(process.env.JOB_WORKERS);
  return Number.isInteger(n) && n > 0 ? n : Math.min(2, os.availableParallelism());
}

/** Memory a worker may use before it is stopped (its job fails; the server lives on). */
const WORKER_HEAP_MB = Number(process.env.JOB_WORKER_HEAP_MB) || 1536;

export function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: POOL_THREAD_DATA });
}

/**
 * Worker threads exist only in the production Next.js server, whose bundler builds
 * lib/jobs/worker.ts; the dev server, unit tests and scripts (and a worker itself) run work in place.
 */
export const threadsAvailable = (): boolean => isMainThread && process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production';

/**
 * The Next.js server (and its worker threads) on PostgreSQL queues jobs for workers (pg-boss,
 * lib/jobs/queue/); unit tests and scripts run them in place on either database.
 */
// `process.env.NEXT_RUNTIME` spelled out: the bundler replaces that expression at build time (the
// variable itself is not set in the server's environment), so it cannot be read through a variable.
export const usesQueue = (runtime: string | undefined = process.env.NEXT_RUNTIME): boolean => DB_PROVIDER === 'postgresql' && runtime === 'nodejs';

const globalForJobs = globalThis as unknown as { jobRunner?: JobRunner; taskPool?: ThreadPool };

function createRunner(): JobRunner {
  if (usesQueue()) return new QueueJobRunner();
  return threadsAvailable() ? new ThreadJobRunner(new ThreadPool(spawnWorker, jobWorkers(), QUEUE_PARENT_CALLS)) : new InProcessJobRunner();
}

/** The process's runner, chosen once (one per server process, kept across dev reloads). */
export function jobRunner(): JobRunner {
  globalForJobs.jobRunner ??= createRunner();
  return globalForJobs.jobRunner;
}

/**
 * Two threads for requests' own heavy reads (an import preview, a 50,000-order listing): never
 * queued behind a long job, and one merchant's second-long preview leaves the other thread free.
 */
export function taskPool(): ThreadPool {
  globalForJobs.taskPool ??= new ThreadPool(spawnWorker, 2, QUEUE_PARENT_CALLS);
  return globalForJobs.taskPool;
}
