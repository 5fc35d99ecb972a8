import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyHashed, hashFile, listFiles } from './copy';
import { DATABASE, MANIFEST, type BackupEntry, type BackupManifest } from './manifest';

export type BackupSource = { dataDir: string; databaseFile: string };
export type BackupSummary = { files: number; bytes: number; databaseBytes: number; missing: string[]; rounds: number; seconds: number };

const ROUNDS = 3;

/** The stored files the database names (as data-folder paths): each belongs in the backup. */
export function referencedFiles(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT storageKey, previewKey, thumbnailKey FROM Evidence').all() as Array<Record<string, string | null>>;
    return rows.flatMap((row) => Object.values(row).filter((key): key is string => !!key)).map((key) => `files/${key}`);
  } finally {
    db.close();
  }
}

/** The data folder's files that are not the database (nor its journals) nor unfinished uploads. */
async function dataFiles({ dataDir, databaseFile }: BackupSource): Promise<string[]> {
  const inside = path.dirname(path.resolve(databaseFile)) === path.resolve(dataDir);
  const base = path.basename(databaseFile);
  const skip = new Set(inside ? [base, `${base}-wal`, `${base}-shm`, `${base}-journal`] : []);
  return (await listFiles(dataDir, skip)).filter((file) => !file.startsWith('files/.tmp/'));
}

/**
 * A consistent copy of the data folder in `target` (a new or empty folder): the database through
 * SQLite's online backup (never a file copy under a running writer), every file hashed as it is
 * copied, the manifest last. A file the snapshot names but that was deleted before its copy (an
 * exhibit deleted meanwhile) makes a new snapshot, up to three rounds; files uploaded after the
 * snapshot are kept (the start-up sweep removes what no row names). A file the database names
 * that is not in the data folder at all is listed in the manifest as missing, not silently lost.
 */
export async function backup(source: BackupSource, target: string, now = new Date()): Promise<BackupSummary> {
  const started = performance.now();
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new Error(`the backup folder is not empty: ${target}`);
  const copied = new Map<string, BackupEntry>();
  const snapshot = path.join(target, DATABASE);
  const live = new Database(source.databaseFile, { fileMustExist: true });
  let missing: string[] = [];
  let round = 0;
  try {
    while (round++ < ROUNDS) {
      await live.backup(snapshot);
      for (const file of await dataFiles(source)) {
        if (copied.has(file)) continue;
        try {
          copied.set(file, await copyHashed(path.join(source.dataDir, file), path.join(target, 'data', file), file));
        } catch (error) {
          // Deleted between the listing and the copy: needed only if the snapshot names it (next line).
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      missing = referencedFiles(snapshot).filter((file) => !copied.has(file));
      if (missing.length === 0) break;
    }
  } finally {
    live.close();
  }
  const database = await hashFile(snapshot, DATABASE);
  const files = [...copied.values()].sort((a, b) => a.path.localeCompare(b.path));
  const manifest: BackupManifest = { format: 'appeal-pack-backup/1', createdAt: now.toISOString(), engine: 'sqlite', database, files, missing };
  await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files: files.length, bytes, databaseBytes: database.bytes, missing, rounds: Math.min(round, ROUNDS), seconds: (performance.now() - started) / 1000 };
}
