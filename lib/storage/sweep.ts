import 'server-only';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { dataDir } from '@/lib/db/data-dir.mjs';
import { EXPORT_JOB, IMPORT_JOB } from '@/lib/jobs/handlers';
import { blobStore } from './index';
import { S3Store } from './s3';
import { namedKeys, sweepDisk, type SweepReport } from './sweep-disk';
import { SAFE_AGE_MS, sweepAgeFor, SWEPT_PREFIXES } from './sweep-owned';
import { sweepBucket } from './sweep-s3';

const HOUR = 60 * 60 * 1000;

/** Every key a row names (see namedKeys). */
export async function keysInUse(): Promise<Set<string>> {
  const [evidence, exports, pendingImports] = await Promise.all([
    db.evidence.findMany({ select: { storageKey: true, previewKey: true, thumbnailKey: true } }),
    db.job.findMany({ where: { kind: EXPORT_JOB, status: 'done' }, select: { result: true } }),
    db.job.findMany({ where: { kind: IMPORT_JOB, status: { in: ['queued', 'running'] } }, select: { caseId: true, input: true } }),
  ]);
  return namedKeys({ evidence, exportResults: exports.map((job) => job.result), pendingImports });
}

/** Sweeps the configured store once (disk or bucket): what a crash left behind and what no row names any more. */
export async function sweepStore(now = Date.now()): Promise<SweepReport> {
  const inUse = await keysInUse();
  const rules = { now, inUse: (key: string) => inUse.has(key), minAgeMs: sweepAgeFor };
  const store = blobStore();
  if (store instanceof S3Store) return sweepBucket(store, { ...rules, uploadAgeMs: SAFE_AGE_MS, prefixes: SWEPT_PREFIXES });
  return sweepDisk(path.join(dataDir(), 'files'), rules);
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
