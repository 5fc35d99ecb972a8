// npm run backup -- <folder>    a consistent snapshot of the data folder (database and stored files, with a manifest of SHA-256s)
// npm run restore -- <folder>   restores one into an empty data folder, verifying every hash
import path from 'node:path';
import { databaseFile, databaseProvider, dataDir } from '@/lib/db/data-dir.mjs';
import { backup } from '@/lib/backup/backup';
import { restore } from '@/lib/backup/restore';
import { backupPostgres } from '@/lib/backup/postgres';
import { restorePostgres } from '@/lib/backup/postgres-restore';
import { blobStore } from '@/lib/storage';

const [command, folder] = process.argv.slice(2);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  if ((command !== 'backup' && command !== 'restore') || !folder) throw new Error('usage: npm run backup -- <folder> | npm run restore -- <folder>');
  const target = path.resolve(folder);
  // On PostgreSQL: pg_dump / pg_restore, and the stored files through the configured store (disk or bucket).
  const postgres = databaseProvider() === 'postgresql' ? { databaseUrl: process.env.DATABASE_URL ?? '', dataDir: dataDir(), store: blobStore() } : null;
  if (command === 'backup') {
    const done = postgres ? await backupPostgres(postgres, target) : await backup({ dataDir: dataDir(), databaseFile: databaseFile() }, target);
    console.log(`backup ${target}: database ${(done.databaseBytes / MB).toFixed(1)} MB, ${done.files} files ${(done.bytes / MB).toFixed(1)} MB, ${done.seconds.toFixed(1)} s${done.rounds > 1 ? `, ${done.rounds} snapshots (files changed meanwhile)` : ''}`);
    if (done.missing.length > 0) console.warn(`warning: ${done.missing.length} stored file(s) the database names were already missing from the data folder, listed in the manifest: ${done.missing.slice(0, 5).join(', ')}`);
  } else {
    const done = postgres ? await restorePostgres(target, postgres) : await restore(target, { dataDir: dataDir(), databaseFile: databaseFile() });
    console.log(`restored ${done.files} files (${(done.bytes / MB).toFixed(1)} MB) into ${postgres ? 'the database and the store' : dataDir()}; ${postgres ? 'pg_restore ok' : 'database integrity ok'}; ${done.originalsVerified} originals match their upload hashes; ${done.seconds.toFixed(1)} s`);
    if (done.missing.length > 0) console.warn(`warning: ${done.missing.length} stored file(s) were missing when the backup was taken: ${done.missing.slice(0, 5).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
