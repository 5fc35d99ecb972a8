import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export type SweepRules = {
  /** Whether a stored object is named by a row (or otherwise still in use). */
  inUse: (key: string) => boolean;
  /**
   * How old an unnamed object must be before it goes (an upload is stored before its row is
   * written); null for a key outside the prefixes the sweep owns (see sweep-owned.ts): kept.
   */
  minAgeMs: (key: string) => number | null;
  now: number;
};
export type SweepReport = { temporary: number; orphans: number; bytes: number; removed: string[] };

/** The rows that name stored objects, as read from the database. */
export type NamingRows = {
  evidence: ReadonlyArray<{ storageKey: string; previewKey: string | null; thumbnailKey: string | null }>;
  /** Finished exports' results (JSON with `files[].key`). */
  exportResults: readonly string[];
  /** Imports still to run: their case and input (JSON with `importId`). */
  pendingImports: ReadonlyArray<{ caseId: string; input: string }>;
};

/** Every key those rows name: originals and derived copies, the stored bundles, the order files of imports still to run. */
export function namedKeys({ evidence, exportResults, pendingImports }: NamingRows): Set<string> {
  const keys = new Set<string>();
  for (const e of evidence) for (const key of [e.storageKey, e.previewKey, e.thumbnailKey]) if (key) keys.add(key);
  for (const result of exportResults) for (const file of (JSON.parse(result) as { files?: Array<{ key: string }> }).files ?? []) keys.add(file.key);
  for (const job of pendingImports) {
    const { importId } = JSON.parse(job.input) as { importId?: string };
    if (importId) keys.add(`cases/${job.caseId}/imports/${importId}`);
  }
  return keys;
}

/** Files under `dir`, as keys relative to `root` ('/'-separated). */
async function* walk(root: string, dir: string): AsyncGenerator<{ key: string; file: string }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(root, file);
    else if (entry.isFile()) yield { key: path.relative(root, file).split(path.sep).join('/'), file };
  }
}

/**
 * The local store's sweep: temporary files of uploads a crash cut off (under `.tmp`, older than the
 * longest an upload may take) and stored objects no row names, once older than their safe age.
 * Returns what it removed, for the log.
 */
export async function sweepDisk(root: string, rules: SweepRules): Promise<SweepReport> {
  const report: SweepReport = { temporary: 0, orphans: 0, bytes: 0, removed: [] };
  for await (const { key, file } of walk(root, root)) {
    const temporary = key.startsWith('.tmp/');
    if (!temporary && rules.inUse(key)) continue;
    const minAge = rules.minAgeMs(key);
    if (minAge === null) continue;
    const info = await stat(file).catch(() => null);
    if (!info || rules.now - info.mtimeMs < minAge) continue;
    await rm(file, { force: true });
    report.bytes += info.size;
    report.removed.push(key);
    if (temporary) report.temporary += 1;
    else report.orphans += 1;
  }
  return report;
}
