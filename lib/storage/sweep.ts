import 'server-only';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { EXPORT_JOB, IMPORT_JOB } from '@/lib/jobs/handlers';
import { namedKeys, sweepDisk, type SweepReport } from './sweep-disk';

const HOUR = 60 * 60 * 1000;
/** Longer than any upload or job takes to write its row after its bytes (a 500 MB video on a slow line). */
export const SAFE_AGE_MS = 6 * HOUR;
/** An order file waits for its confirmation: a merchant may preview today and confirm tomorrow. */
const IMPORT_AGE_MS = 48 * HOUR;
/**
 * Typeset exhibit pages (lib/export/exhibit-cache.ts) serve the re-exports of a working session:
 * a week after they were written they go, and the next export typesets them again.
 */
export const EXPORT_CACHE_AGE_MS = 7 * 24 * HOUR;

/** How long an object no row names may stay (cached pages and facts are never named). */
export function minAgeMs(key: string): number {
  if (/^cases\/[^/]+\/cache\//.test(key)) return EXPORT_CACHE_AGE_MS;
  return /^cases\/[^/]+\/imports\//.test(key) ? IMPORT_AGE_MS : SAFE_AGE_MS;
}

/** Every key a row names (see namedKeys). */
export async function keysInUse(): Promise<Set<string>> {
  const [evidence, exports, pendingImports] = await Promise.all([
    db.evidence.findMany({ select: { storageKey: true, previewKey: true, thumbnailKey: true } }),
    db.job.findMany({ where: { kind: EXPORT_JOB, status: 'done' }, select: { result: true } }),
    db.job.findMany({ where: { kind: IMPORT_JOB, status: { in: ['queued', 'running'] } }, select: { caseId: true, input: true } }),
  ]);
  return namedKeys({ evidence, exportResults: exports.map((job) => job.result), pendingImports });
}

/** Sweeps the local store once: what a crash left behind and what no row names any more. */
export async function sweepStore(now = Date.now()): Promise<SweepReport> {
  const inUse = await keysInUse();
  return sweepDisk(path.join(dataDir(), 'files'), {
    now,
    inUse: (key) => inUse.has(key),
    minAgeMs,
  });
}

/** At start and every hour: logs what was removed (the first keys, and the totals). */
export function startSweeps(): void {
  const run = async () => {
    const report = await sweepStore();
    if (report.removed.length > 0) {
      console.info(`[sweep] removed ${report.temporary} temporary and ${report.orphans} unreferenced file(s), ${(report.bytes / 1024 / 1024).toFixed(1)} MB: ${report.removed.slice(0, 10).join(', ')}${report.removed.length > 10 ? ' …' : ''}`);
    }
  };
  const safely = () => run().catch((error: unknown) => console.error('[sweep] failed:', error));
  void safely();
  setInterval(safely, HOUR).unref();
}
