import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { copyHashed, hashFile } from './copy';
import { DATABASE, MANIFEST, manifestSchema, safeRelative, type BackupEntry } from './manifest';

export type RestoreTarget = { dataDir: string; databaseFile: string };
export type RestoreSummary = { files: number; bytes: number; originalsVerified: number; missing: string[]; seconds: number };

/** Copies one entry and fails on a size or hash that differs from the manifest's. */
async function copyChecked(from: string, to: string, entry: BackupEntry): Promise<void> {
  const written = await copyHashed(from, to, entry.path);
  if (written.sha256 !== entry.sha256 || written.bytes !== entry.bytes) throw new Error(`${entry.path}: its bytes differ from the backup's manifest (damaged backup)`);
}

/** Every original the restored database names exists with the SHA-256 recorded at upload. */
async function verifyOriginals({ dataDir, databaseFile }: RestoreTarget, knownMissing: ReadonlySet<string>): Promise<number> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the restored database fails SQLite's integrity check: ${String(integrity)}`);
    const rows = db.prepare('SELECT storageKey, sha256 FROM Evidence').all() as Array<{ storageKey: string; sha256: string }>;
    for (const row of rows) {
      if (knownMissing.has(`files/${row.storageKey}`)) continue;
      const file = path.join(dataDir, 'files', row.storageKey);
      if (!existsSync(file)) throw new Error(`files/${row.storageKey}: named by the database, not in the backup`);
      if ((await hashFile(file, row.storageKey)).sha256 !== row.sha256) throw new Error(`files/${row.storageKey}: not the bytes uploaded (SHA-256 differs)`);
    }
    return rows.length - rows.filter((row) => knownMissing.has(`files/${row.storageKey}`)).length;
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into an empty data folder (and a database file that does not exist yet),
 * checking every file against the manifest as it is copied, then the database's integrity and
 * every original against the hash recorded when it was uploaded. Any difference stops with the
 * file named: a restore that cannot be trusted is not a restore.
 */
export async function restore(from: string, target: RestoreTarget): Promise<RestoreSummary> {
  const started = performance.now();
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(from, MANIFEST), 'utf8')));
  if (manifest.engine !== 'sqlite') throw new Error('this backup is of a PostgreSQL database: restore it with DATABASE_URL=postgresql://… naming an empty database');
  const unsafe = manifest.files.find((f) => !safeRelative(f.path));
  if (unsafe) throw new Error(`the manifest names a path outside the data folder: ${unsafe.path}`);
  await mkdir(target.dataDir, { recursive: true });
  if ((await readdir(target.dataDir)).length > 0) throw new Error(`restore needs an empty data folder: ${target.dataDir} is not empty`);
  if (existsSync(target.databaseFile)) throw new Error(`restore would overwrite the database ${target.databaseFile}`);
  await copyChecked(path.join(from, DATABASE), target.databaseFile, manifest.database);
  for (const entry of manifest.files) await copyChecked(path.join(from, 'data', entry.path), path.join(target.dataDir, entry.path), entry);
  const originalsVerified = await verifyOriginals(target, new Set(manifest.missing));
  const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  return { files: manifest.files.length, bytes, originalsVerified, missing: manifest.missing, seconds: (performance.now() - started) / 1000 };
}
