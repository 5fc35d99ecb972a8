import 'server-only';
import { db } from '@/lib/db/client';
import { markFailed } from '../run-job';
import { JOB_QUEUE, sendJob, type QueueMessage } from './boss';
import type { CaseLocks } from './case-locks';
import type PgBoss from 'pg-boss';

/** A claimed job takes its case lock within milliseconds; one this old without it lost its worker. */
const CLAIM_GRACE_SECONDS = 10;
/**
 * A Job row queued this long with no queue message lost it (its app died between the two writes);
 * one 'running' this long since its last progress with no message is stranded. Prisma keeps UTC
 * in a column without time zone.
 */
const ORPHAN_SECONDS = 60;

/**
 * One pass of the watch every worker keeps (one of them at a time, under a lock): jobs claimed by
 * a worker that no longer holds their case's lock (it died) are failed back to pg-boss, which
 * retries them on whichever worker polls next, or, with their retries spent, sends them to the
 * dead-letter queue. Job rows whose queue message was never sent get one; rows left 'running' after
 * their message is done, with their case free, are marked failed.
 * Returns how many jobs it handed back.
 */
export async function reapOnce(boss: PgBoss, locks: CaseLocks, graceSeconds = CLAIM_GRACE_SECONDS): Promise<number> {
  if (!(await locks.tryLock('#reaper'))) return 0;
  try {
    const claimed = await db.$queryRaw<Array<{ id: string; data: QueueMessage }>>`
      SELECT id::text AS id, data FROM pgboss.job
      WHERE name = ${JOB_QUEUE} AND state = 'active' AND started_on < now() - make_interval(secs => ${graceSeconds})`;
    let reaped = 0;
    for (const job of claimed) {
      if (await locks.busy(job.data.caseId)) continue;
      await boss.fail(JOB_QUEUE, job.id, { message: 'worker gone' });
      reaped++;
    }
    const orphans = await db.$queryRaw<Array<{ id: string; caseId: string }>>`
      SELECT j.id, j."caseId" FROM "Job" j
      WHERE j.status = 'queued' AND j."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${ORPHAN_SECONDS})
        AND NOT EXISTS (SELECT 1 FROM pgboss.job b WHERE b.name = ${JOB_QUEUE} AND b.data->>'jobId' = j.id AND b.state < 'completed')`;
    for (const orphan of orphans) await sendJob({ jobId: orphan.id, caseId: orphan.caseId });
    // 'running' with no message left to run it and its case free: the run ended without recording
    // how (its thread and the worker's own write both failed). Nothing will finish it.
    const stranded = await db.$queryRaw<Array<{ id: string; caseId: string }>>`
      SELECT j.id, j."caseId" FROM "Job" j
      WHERE j.status = 'running' AND j."updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${ORPHAN_SECONDS})
        AND NOT EXISTS (SELECT 1 FROM pgboss.job b WHERE b.name = ${JOB_QUEUE} AND b.data->>'jobId' = j.id AND b.state < 'completed')`;
    for (const job of stranded) {
      if (!(await locks.busy(job.caseId))) await markFailed(job.id, 'interrupted');
    }
    return reaped;
  } finally {
    await locks.unlock('#reaper');
  }
}
