import 'server-only';
import { db } from '@/lib/db/client';
import { JobRunner } from '../runner-base';
import { markFailed } from '../run-job';
import { sendJob } from './boss';

/**
 * The runner of app instances on PostgreSQL: it only queues. The Job row is written first (pages
 * read it at once), then its message goes to pg-boss for a worker (`npm run worker`, or this
 * process's own, see lib/jobs/queue/start.ts) to claim.
 */
export class QueueJobRunner extends JobRunner {
  protected async schedule(caseId: string, jobId: string): Promise<void> {
    await sendJob({ jobId, caseId }).catch(async (error: unknown) => {
      // The queue is unreachable: the row says so rather than waiting forever.
      await markFailed(jobId, 'workerFailed');
      throw error;
    });
  }

  /** Waits until every job queued so far is done or failed, whoever runs it (tests, scripts). */
  async idle(): Promise<void> {
    while ((await db.job.count({ where: { status: { in: ['queued', 'running'] } } })) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /**
   * Nothing to do at start: another instance's worker may be running the jobs this one sees as
   * 'running'. Jobs of a dead worker are found by their lost case lock (reaper.ts).
   */
  async recover(): Promise<number> {
    return 0;
  }
}
