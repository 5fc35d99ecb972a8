import 'server-only';
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { db } from '@/lib/db/client';
import { IMPORT_JOB, JOB_HANDLERS } from './handlers';
import { markFailed, runJob } from './run-job';
import { ThreadPool } from './thread-pool';
import type { JobHandler, WorkerRequest } from './types';

export type { JobContext, JobHandler } from './types';

/** Kinds a crash may restart from the beginning: running them twice is the same as once. */
const RESUMABLE_KINDS: ReadonlySet<string> = new Set([IMPORT_JOB]);

/**
 * The one seam for long work: enqueue a row, run it, record progress and the outcome on the row.
 * Jobs of one case run one after another, in the order queued (an audit queued after an import
 * sees its orders); a queue worker on another machine can claim the same rows instead.
 */
export abstract class JobRunner {
  private readonly chains = new Map<string, Promise<void>>();

  async enqueue(caseId: string, kind: string, input: unknown = {}): Promise<string> {
    if (!this.knows(kind)) throw new Error(`no handler for job kind ${kind}`);
    const job = await db.job.create({ data: { caseId, kind, input: JSON.stringify(input) } });
    const chain = (this.chains.get(caseId) ?? Promise.resolve()).then(() => this.execute(job.id)).catch(() => markFailed(job.id, 'workerFailed').catch(() => {}));
    this.chains.set(caseId, chain);
    void chain.then(() => {
      if (this.chains.get(caseId) === chain) this.chains.delete(caseId);
    });
    return job.id;
  }

  /** Resolves once every job queued so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all(this.chains.values());
  }

  /**
   * Jobs a crash left 'running' or 'queued' can never finish: they are marked failed ('interrupted').
   * Kinds that are safe to run again from the start (an order import: its saves are upserts keyed by
   * order number, so a second run leaves exactly the orders one whole run would) are queued again
   * with the same input, naming the job they resume; the rest wait for the merchant's retry.
   */
  async recover(): Promise<number> {
    const stuck = await db.job.findMany({ where: { status: { in: ['running', 'queued'] } }, select: { id: true, caseId: true, kind: true, input: true }, orderBy: { createdAt: 'asc' } });
    if (stuck.length === 0) return 0;
    await db.job.updateMany({ where: { id: { in: stuck.map((job) => job.id) } }, data: { status: 'failed', error: 'interrupted' } });
    for (const job of stuck.filter((j) => RESUMABLE_KINDS.has(j.kind) && this.knows(j.kind))) {
      const input: unknown = JSON.parse(job.input);
      await this.enqueue(job.caseId, job.kind, { ...(input && typeof input === 'object' ? input : {}), resumes: job.id });
    }
    return stuck.length;
  }

  /** Whether this runner has a handler for the kind. */
  protected knows(kind: string): boolean {
    return JOB_HANDLERS.has(kind);
  }

  protected abstract execute(jobId: string): Promise<void>;
}

/** Runs jobs on this thread: unit tests, benchmarks and scripts, which have no bundled worker. */
export class InProcessJobRunner extends JobRunner {
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
export class ThreadJobRunner extends JobRunner {
  constructor(private readonly pool: ThreadPool) {
    super();
  }

  protected execute(jobId: string): Promise<void> {
    return this.pool.run<void>({ type: 'job', jobId } satisfies WorkerRequest);
  }
}

/** How many jobs run at once: JOB_WORKERS, else 2 (an export need not wait behind another case's import). */
function jobWorkers(): number {
  const n = Number(process.env.JOB_WORKERS);
  return Number.isInteger(n) && n > 0 ? n : Math.min(2, os.availableParallelism());
}

/** Memory a worker may use before it is stopped (its job fails; the server lives on). */
const WORKER_HEAP_MB = Number(process.env.JOB_WORKER_HEAP_MB) || 1536;

export function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/**
 * Worker threads exist only in the production Next.js server, whose bundler builds
 * lib/jobs/worker.ts; the dev server, unit tests and scripts (and a worker itself) run work in place.
 */
export const threadsAvailable = (): boolean => isMainThread && process.env.NEXT_RUNTIME === 'nodejs' && process.env.NODE_ENV === 'production';

const globalForJobs = globalThis as unknown as { jobRunner?: JobRunner; taskPool?: ThreadPool };

/** The process's runner (one per server process, kept across dev reloads). */
export function jobRunner(): JobRunner {
  globalForJobs.jobRunner ??= threadsAvailable() ? new ThreadJobRunner(new ThreadPool(spawnWorker, jobWorkers())) : new InProcessJobRunner();
  return globalForJobs.jobRunner;
}

/**
 * Two threads for requests' own heavy reads (an import preview, a 50,000-order listing): never
 * queued behind a long job, and one merchant's second-long preview leaves the other thread free.
 */
export function taskPool(): ThreadPool {
  globalForJobs.taskPool ??= new ThreadPool(spawnWorker, 2);
  return globalForJobs.taskPool;
}
