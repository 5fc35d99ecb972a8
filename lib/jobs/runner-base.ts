import 'server-only';
import { db } from '@/lib/db/client';
import { IMPORT_JOB, JOB_HANDLERS } from './handlers';

/** Kinds a crash may restart from the beginning: running them twice is the same as once. */
const RESUMABLE_KINDS: ReadonlySet<string> = new Set([IMPORT_JOB]);

/**
 * The one seam for long work: enqueue a row, run it, record progress and the outcome on the row.
 * Jobs of one case run one after another, in the order queued (an audit queued after an import
 * sees its orders). Where they run is the subclass's business: this process (lib/jobs/runner.ts)
 * or a queue that workers on other machines claim from (lib/jobs/queue/).
 */
export abstract class JobRunner {
  async enqueue(caseId: string, kind: string, input: unknown = {}): Promise<string> {
    if (!this.knows(kind)) throw new Error(`no handler for job kind ${kind}`);
    const job = await db.job.create({ data: { caseId, kind, input: JSON.stringify(input) } });
    await this.schedule(caseId, job.id);
    return job.id;
  }

  /** Resolves once every job queued so far has finished (tests, shutdown). */
  abstract idle(): Promise<void>;

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

  /** Hands a freshly written Job row to whatever runs it. */
  protected abstract schedule(caseId: string, jobId: string): Promise<void>;
}
