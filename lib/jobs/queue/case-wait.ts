import 'server-only';
import { db } from '@/lib/db/client';
import { JOB_QUEUE, sendJob, type QueueMessage } from './boss';

/** How long a job waiting for its case first waits (doubling each time it finds the case still busy), and at most. */
export type CaseWait = { firstSeconds: number; maxSeconds: number };

/**
 * The cap is only the fallback: a job is woken as soon as the one before it releases the case.
 * It matters when the wake was missed: the releasing worker died, or the case's lock was held by
 * a job another worker is still recovering.
 */
export const DEFAULT_CASE_WAIT: CaseWait = { firstSeconds: 1, maxSeconds: 30 };

/** The wait before a job's look at its case, after it has waited `waits` times already. */
export function waitSeconds(waits: number, wait: CaseWait = DEFAULT_CASE_WAIT): number {
  return Math.min(wait.maxSeconds, wait.firstSeconds * 2 ** waits);
}

/**
 * Sends a job whose case is busy (or has older jobs unfinished) again for later, each time twice
 * as much later: a case whose export runs for minutes costs its waiting jobs a few sends, not one
 * a second. It does not hold its claim meanwhile, so other cases' jobs are never stuck behind it.
 */
export async function deferJob(message: QueueMessage, wait: CaseWait = DEFAULT_CASE_WAIT): Promise<void> {
  const waits = message.waits ?? 0;
  await sendJob({ ...message, waits: waits + 1 }, waitSeconds(waits, wait));
}

/**
 * Called whenever a worker lets go of a case: the case's oldest unfinished job, if its message is
 * waiting out a deferral, may be claimed now. Only that one: the jobs behind it would only find it
 * unfinished and wait again (jobs of a case run in the order queued). A job of the case that is
 * still 'running' (its worker died; the reaper hands it back) has no waiting message: nothing wakes.
 * pg-boss has no call to bring a deferred job forward: its own table is updated, as the reaper reads it.
 */
export async function wakeCase(caseId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE pgboss.job SET start_after = now()
    WHERE name = ${JOB_QUEUE} AND state = 'created' AND start_after > now()
      AND data->>'jobId' = (SELECT j.id FROM "Job" j WHERE j."caseId" = ${caseId} AND j.status IN ('queued', 'running') ORDER BY j."createdAt", j.id LIMIT 1)`;
}
