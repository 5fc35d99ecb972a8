import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { namedKeys, sweepDisk } from '../../lib/storage/sweep-disk';
import { listFiles } from '../../lib/backup/copy';

const HOUR = 3600_000;
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Counts what was checked and what broke, for the run's closing line. */
export class Tally {
  checked = 0;
  readonly violations: string[] = [];

  check(ok: boolean, what: string): void {
    this.checked += 1;
    if (!ok) this.violations.push(what);
  }
}

function open(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'app.db'), { readonly: true, fileMustExist: true, timeout: 10_000 });
}

/** Jobs still queued or running (an interrupted import runs again after the restart). */
export function activeJobs(dataDir: string): number {
  const db = open(dataDir);
  try {
    return (db.prepare("SELECT count(*) AS n FROM Job WHERE status IN ('queued', 'running')").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * After a restart and once its jobs settled: SQLite's integrity check passes; every evidence row's
 * original exists with its hash; no job is left running; and after the sweep (run as if hours had
 * passed) no stored file is without a row and no temporary file is left.
 */
export async function checkStore(dataDir: string, tally: Tally, label: string): Promise<void> {
  const db = open(dataDir);
  let named: Set<string>;
  try {
    tally.check(db.pragma('integrity_check', { simple: true }) === 'ok', `${label}: integrity check failed`);
    const evidence = db.prepare('SELECT storageKey, previewKey, thumbnailKey, sha256 FROM Evidence').all() as Array<{ storageKey: string; previewKey: string | null; thumbnailKey: string | null; sha256: string }>;
    for (const e of evidence) {
      const file = path.join(dataDir, 'files', e.storageKey);
      tally.check(existsSync(file) && sha256(readFileSync(file)) === e.sha256, `${label}: ${e.storageKey} missing or not its hash`);
    }
    const running = (db.prepare("SELECT count(*) AS n FROM Job WHERE status IN ('queued', 'running')").get() as { n: number }).n;
    tally.check(running === 0, `${label}: ${running} job(s) left running`);
    const exportResults = (db.prepare("SELECT result FROM Job WHERE kind = 'export-pdf' AND status = 'done'").all() as Array<{ result: string }>).map((r) => r.result);
    const pendingImports = db.prepare("SELECT caseId, input FROM Job WHERE kind = 'order-import' AND status IN ('queued', 'running')").all() as Array<{ caseId: string; input: string }>;
    named = namedKeys({ evidence, exportResults, pendingImports });
    for (const result of exportResults) {
      for (const f of (JSON.parse(result) as { files: Array<{ key: string }> }).files) tally.check(existsSync(path.join(dataDir, 'files', f.key)), `${label}: finished bundle ${f.key} missing`);
    }
  } finally {
    db.close();
  }
  const files = path.join(dataDir, 'files');
  await sweepDisk(files, { now: Date.now() + 7 * HOUR, inUse: (key) => named.has(key), minAgeMs: () => 6 * HOUR });
  for (const key of await listFiles(files)) tally.check(named.has(key), `${label}: ${key} stored without a row after the sweep`);
}
