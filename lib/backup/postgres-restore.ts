import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import pg from 'pg';
import type { BlobStore } from '@/lib/storage/types';
import { copyHashed, hashFile, hashingTap } from './copy';
import { MANIFEST, manifestSchema, PG_DUMP, safeRelative, type BackupEntry } from './manifest';
import { findPgTool, runPgTool } from './pg-tools';
import { STORED_PREFIX } from './postgres';
import type { RestoreSummary } from './restore';

export type PostgresTarget = { databaseUrl: string; dataDir: string; store: BlobStore };

function mismatch(entry: BackupEntry): Error {
  return new Error(`${entry.path}: its bytes differ from the backup's manifest (damaged backup)`);
}

/** The stream's bytes, passed on unchanged and hashed; an error of the source ends it too. */
function hashed(source: Readable): { stream: Transform; result: () => { sha256: string; bytes: number } } {
  const { tap, result } = hashingTap();
  source.once('error', (error) => tap.destroy(error));
  return { stream: source.pipe(tap), result };
}

/** Puts a backed-up object into the store, and takes it out again if its bytes differ from the manifest's. */
async function putChecked(store: BlobStore, file: string, entry: BackupEntry): Promise<void> {
  const key = entry.path.slice('files/'.length);
  const { stream, result } = hashed(createReadStream(file));
  await store.put(key, stream);
  const written = result();
  if (written.sha256 !== entry.sha256 || written.bytes !== entry.bytes) {
    await store.delete(key);
    throw mismatch(entry);
  }
}

async function emptyDatabase(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()");
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Every original the restored rows name is in the store with the SHA-256 recorded at upload. */
async function verifyOriginals(client: pg.Client, store: BlobStore, knownMissing: ReadonlySet<string>): Promise<number> {
  const { rows } = await client.query<{ storageKey: string; sha256: string }>('SELECT "storageKey", "sha256" FROM "Evidence"');
  let verified = 0;
  for (const row of rows) {
    if (knownMissing.has(`files/${row.storageKey}`)) continue;
    const body = await store.get(row.storageKey);
    if (!body) throw new Error(`files/${row.storageKey}: named by the database, not in the backup`);
    const { stream, result } = hashed(body);
    for await (const chunk of stream) void chunk;
    if (result().sha256 !== row.sha256) throw new Error(`files/${row.storageKey}: not the bytes uploaded (SHA-256 differs)`);
    verified += 1;
  }
  return verified;
}

/**
 * Restores a PostgreSQL backup: the dump with pg_restore into an empty database, the stored
 * objects into an empty store (disk or bucket), the data folder's own files into an empty data
 * folder; every file is checked against the manifest, then every original against the SHA-256
 * recorded at upload. Any difference stops with the file named.
 */
export async function restorePostgres(from: string, target: PostgresTarget): Promise<RestoreSummary> {
  const started = performance.now();
  findPgTool('pg_restore');
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(from, MANIFEST), 'utf8')));
  if (manifest.engine !== 'postgresql') throw new Error('this backup is of the embedded SQLite database: restore it with DATABASE_URL unset (or file:…)');
  const unsafe = manifest.files.find((f) => !safeRelative(f.path));
  if (unsafe) throw new Error(`the manifest names a path outside the data folder: ${unsafe.path}`);
  await mkdir(target.dataDir, { recursive: true });
  if ((await readdir(target.dataDir)).length > 0) throw new Error(`restore needs an empty data folder: ${target.dataDir} is not empty`);
  if ((await target.store.list(STORED_PREFIX)).length > 0) throw new Error('restore needs an empty store: the bucket (or files folder) already holds cases');
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    if (!(await emptyDatabase(client))) throw new Error('restore needs an empty database: create one (createdb) and point DATABASE_URL at it');
    if ((await hashFile(path.join(from, PG_DUMP), PG_DUMP)).sha256 !== manifest.database.sha256) throw mismatch(manifest.database);
    await runPgTool('pg_restore', target.databaseUrl, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', path.join(from, PG_DUMP)]);
    for (const entry of manifest.files) {
      const file = path.join(from, 'data', entry.path);
      if (entry.path.startsWith('files/')) await putChecked(target.store, file, entry);
      else if ((await copyHashed(file, path.join(target.dataDir, entry.path), entry.path)).sha256 !== entry.sha256) throw mismatch(entry);
    }
    const originalsVerified = await verifyOriginals(client, target.store, new Set(manifest.missing));
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    return { files: manifest.files.length, bytes, originalsVerified, missing: manifest.missing, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
