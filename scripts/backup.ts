// npm run backup -- <folder>    a consistent snapshot of the data folder (database and stored files, with a manifest of SHA-256s)
// npm run restore -- <folder>   restores one into an empty data folder, verifying every hash
import path from 'node:path';
import { databaseFile, dataDir } from '@/lib/db/data-dir.mjs';
import { backup } from '@/lib/backup/backup';
import { restore } from '@/lib/backup/restore';

const [command, folder] = process.argv.slice(2);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  if ((command !== 'backup' && command !== 'restore') || !folder) throw new Error('usage: npm run backup -- <folder> | npm run restore -- <folder>');
  if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('file:')) throw new Error('backup and restore handle the embedded SQLite database; on PostgreSQL use pg_dump / pg_restore and your object store’s own versioning');
  const target = path.resolve(folder);
  if (command === 'backup') {
    const done = await backup({ dataDir: dataDir(), databaseFile: databaseFile() }, target);
    console.log(`backup ${target}: database ${(done.databaseBytes / MB).toFixed(1)} MB, ${done.files} files ${(done.bytes / MB).toFixed(1)} MB, ${done.seconds.toFixed(1)} s${done.rounds > 1 ? `, ${done.rounds} snapshots (files changed meanwhile)` : ''}`);
    if (done.missing.length > 0) console.warn(`warning: ${done.missing.length} stored file(s) the database names were already missing from the data folder, listed in the manifest: ${done.missing.slice(0, 5).join(', ')}`);
  } else {
    const done = await restore(path.resolve(folder), { dataDir: dataDir(), databaseFile: databaseFile() });
    console.log(`restored ${done.files} files (${(done.bytes / MB).toFixed(1)} MB) into ${dataDir()}; database integrity ok; ${done.originalsVerified} originals match their upload hashes; ${done.seconds.toFixed(1)} s`);
    if (done.missing.length > 0) console.warn(`warning: ${done.missing.length} stored file(s) were missing when the backup was taken: ${done.missing.slice(0, 5).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
