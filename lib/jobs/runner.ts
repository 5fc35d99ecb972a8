import 'server-only';
import { db } from '@/lib/db/client';

/** What a job handler gets: its input, and a way to report progress the page can show. */
export type JobContext = {
  jobId: string;
  caseId: string;
  input: unknown;
  progress: (fraction: number, currentItem?: string) => Promise<void>;
};
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/**
 * The one seam for long work: enqueue a row, run it, record progress and the
 * outcome on the row. This runner works in-process, one job at a time (a
 * 2-core machine gains nothing from two exports at once); a queue worker on
 * another machine can claim the same rows instead.
 */
export class InProcessJobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private running: Promise<void> = Promise.resolve();

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(caseId: string, kind: string, input: unknown = {}): Promise<string> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const job = await db.job.create({ data: { caseId, kind, input: JSON.stringify(input) } });
    // Chained, so jobs run one after another; a failure is recorded, never thrown at the next job
    // (not even when recording it fails, e.g. because the case and its jobs were deleted meanwhile).
    this.running = this.running.then(() => this.run(job.id)).catch(() => {});
    return job.id;
  }

  /** Resolves once every job queued so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.running;
  }

  /** Jobs a crash left 'running' can never finish: mark them failed so the page offers a retry. */
  async recover(): Promise<number> {
    const { count } = await db.job.updateMany({ where: { status: { in: ['running', 'queued'] } }, data: { status: 'failed', error: 'interrupted' } });
    return count;
  }

  private async run(jobId: string): Promise<void> {
    const job = await db.job.update({ where: { id: jobId }, data: { status: 'running' } });
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const result = await handler({
        jobId,
        caseId: job.caseId,
        input: JSON.parse(job.input) as unknown,
        progress: async (fraction, currentItem = '') => {
          await db.job.update({ where: { id: jobId }, data: { progress: Math.min(1, Math.max(0, fraction)), currentItem } });
        },
      });
      await db.job.update({ where: { id: jobId }, data: { status: 'done', progress: 1, currentItem: '', result: JSON.stringify(result ?? {}) } });
    } catch (error) {
      await db.job.update({ where: { id: jobId }, data: { status: 'failed', error: error instanceof Error ? error.message : String(error) } });
    }
  }
}

const globalForJobs = globalThis as unknown as { jobRunner?: InProcessJobRunner };

/** The process's runner (one per server process, kept across dev reloads). */
export function jobRunner(): InProcessJobRunner {
  globalForJobs.jobRunner ??= new InProcessJobRunner();
  return globalForJobs.jobRunner;
}
