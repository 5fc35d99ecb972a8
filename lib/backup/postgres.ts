import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { BlobStore } from '@/lib/storage/types';
import type { BackupSummary } from './backup';
import { hashFile, listFiles, writeHashed } from './copy';
import { MANIFEST, PG_DUMP, type BackupEntry, type BackupManifest } from './manifest';
import { findPgTool, runPgTool } from './pg-tools';

export type PostgresSource = { databaseUrl: string; dataDir: string; store: BlobStore };

const ROUNDS = 3;
/** What the store holds that a backup needs: everything rows name lives under cases/ (cached exhibit pages are not named, and are rebuilt). */
export const STORED_PREFIX = 'cases/';

/** Keys of the stored objects the Evidence rows name, as seen by the open transaction. */
async function namedKeys(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<Record<string, string | null>>('SELECT "storageKey", "previewKey", "thumbnailKey" FROM "Evidence"');
  return rows.flatMap((row) => Object.values(row).filter((key): key is string => !!key));
}

/**
 * A consistent backup on PostgreSQL in `target` (a new or empty folder): pg_dump (custom format)
 * of a snapshot exported by a repeatable-read transaction, which also reads the keys the dump's
 * rows name; then every stored object under cases/ from the configured store (disk or bucket),
 * hashed as it is written; the data folder's own files (the auth secret); the manifest last. An
 * object the snapshot names but deleted before its copy makes a new snapshot, up to three rounds;
 * one never in the store is listed as missing.
 */
export async function backupPostgres(source: PostgresSource, target: string, now = new Date()): Promise<BackupSummary> {
  const started = performance.now();
  findPgTool('pg_dump'); // Before any work: a missing tool is the commonest failure.
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0) throw new Error(`the backup folder is not empty: ${target}`);
  const dump = path.join(target, PG_DUMP);
  const copied = new Map<string, BackupEntry>();
  const client = new pg.Client({ connectionString: source.databaseUrl });
  await client.connect();
  let missing: string[] = [];
  let round = 0;
  try {
    while (round++ < ROUNDS) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      const named = await namedKeys(client);
      await rm(dump, { force: true });
      // The transaction stays open until pg_dump is done: it holds the exported snapshot.
      await runPgTool('pg_dump', source.databaseUrl, ['--format=custom', `--snapshot=${rows[0]?.snapshot ?? ''}`, '--no-owner', '--no-privileges', `--file=${dump}`]);
      await client.query('COMMIT');
      for (const key of await source.store.list(STORED_PREFIX)) {
        const file = `files/${key}`;
        if (copied.has(file)) continue;
        const body = await source.store.get(key);
        if (!body) continue; // Deleted since the listing: needed only if the snapshot names it (below).
        copied.set(file, await writeHashed(() => body, path.join(target, 'data', file), file));
      }
      missing = named.map((key) => `files/${key}`).filter((file) => !copied.has(file));
      if (missing.length === 0) break;
    }
  } finally {
    await client.end();
  }
  // The data folder's own files; its files/ folder, if the store is on disk, came through the store.
  for (const file of await listFiles(source.dataDir, new Set(['files', 'app.db', 'app.db-wal', 'app.db-shm']))) {
    copied.set(file, await writeHashed(() => createReadStream(path.join(source.dataDir, file)), path.join(target, 'data', file), file));
  }
  const database = await hashFile(dump, PG_DUMP);
  const files = [...copied.values()].sort((a, b) => a.path.localeCompare(b.path));
  const manifest: BackupManifest = { format: 'appeal-pack-backup/1', createdAt: now.toISOString(), engine: 'postgresql', database, files, missing };
  await writeFile(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files: files.length, bytes, databaseBytes: database.bytes, missing, rounds: Math.min(round, ROUNDS), seconds: (performance.now() - started) / 1000 };
}
