import 'server-only';
import { db } from '@/lib/db/client';
import { isStorageFull, STORAGE_FULL } from '@/lib/storage/errors';
import type { JobHandler } from './types';

/**
 * Runs one queued job row with its kind's handler, recording progress and the outcome on the row:
 * the same steps whether it runs in this thread (tests, scripts) or in a worker thread (the server).
 * A failure is recorded, not thrown. A job whose row is gone (its case deleted meanwhile) ends
 * quietly; when the outcome cannot be recorded for any other reason (this thread's connection to
 * the database lost), it throws, and the caller marks the row failed from its own connection: a
 * job never ends with its row still 'running'.
 */
export async function runJob(jobId: string, handlers: ReadonlyMap<string, JobHandler>): Promise<void> {
  try {
    const job = await db.job.update({ where: { id: jobId }, data: { status: 'running' } });
    const handler = handlers.get(job.kind);
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
      // A full disk gets its own reason, which the pages translate; anything else keeps its message.
      await recordFailure(jobId, isStorageFull(error) ? STORAGE_FULL : error instanceof Error ? error.message : String(error));
    }
  } catch (error) {
    // The row is gone (its case was deleted): nothing left to record.
    if (!rowGone(error)) throw error;
  }
}

/** Prisma's "record to update not found". */
const rowGone = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2025';

export async function markFailed(jobId: string, error: string): Promise<void> {
  await db.job.updateMany({ where: { id: jobId, status: { in: ['queued', 'running'] } }, data: { status: 'failed', error } });
}

const RETRY_MS = 5_000;
const RETRIES = 120;

/**
 * Marks the job failed. On a full disk even that small write can fail (SQLite has no page left
 * to grow into), which would leave the job 'running' until the next restart, with its page
 * waiting on it: the write is tried again every few seconds, for ten minutes, so the job shows
 * failed as soon as any room comes back. The case's next jobs wait meanwhile; they would fail too.
 */
export async function recordFailure(jobId: string, reason: string, mark = markFailed, retryMs = RETRY_MS): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await mark(jobId, reason);
    } catch (error) {
      if (!isStorageFull(error) || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
