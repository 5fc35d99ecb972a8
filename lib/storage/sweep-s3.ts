import type { S3Store } from './s3';
import type { SweepReport, SweepRules } from './sweep-disk';

export type BucketRules = SweepRules & {
  /** How long ago an unfinished multipart upload must have begun before it is aborted. */
  uploadAgeMs: number;
  /** The prefixes the sweep owns (sweep-owned.ts): only these are listed. */
  prefixes: readonly string[];
};

/**
 * The bucket's sweep, the disk sweep's twin: multipart uploads a killed process abandoned (begun
 * longer ago than the longest an upload may take) are aborted, which frees their parts; objects no
 * row names are deleted once older than their safe age. Returns what it removed, for the log.
 */
export async function sweepBucket(store: S3Store, rules: BucketRules): Promise<SweepReport> {
  const report: SweepReport = { temporary: 0, orphans: 0, bytes: 0, removed: [] };
  for await (const upload of store.pendingUploads()) {
    if (rules.now - upload.initiated.getTime() < rules.uploadAgeMs) continue;
    await store.abortUpload(upload);
    report.temporary += 1;
    report.removed.push(`upload ${upload.key} (${upload.uploadId})`);
  }
  for (const prefix of rules.prefixes) {
    for await (const object of store.objects(prefix)) {
      if (rules.inUse(object.key)) continue;
      const minAge = rules.minAgeMs(object.key);
      if (minAge === null || rules.now - object.modified.getTime() < minAge) continue;
      await store.delete(object.key);
      report.orphans += 1;
      report.bytes += object.size;
      report.removed.push(object.key);
    }
  }
  return report;
}
