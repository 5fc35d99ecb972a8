import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createDatabase } from '../../prisma/tools/postgres-admin.mjs';
import { E2E_DATABASE_URL } from '../support/paths';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * A fresh PostgreSQL database for the run: E2E_DATABASE_URL's database is dropped (the job queue's
 * own schema with it) and made again, then migrated as `npm run serve` would.
 */
export default async function freshDatabase() {
  if (!/^postgres(ql)?:\/\//.test(E2E_DATABASE_URL)) {
    throw new Error('test:scale runs on PostgreSQL: set E2E_DATABASE_URL=postgresql://user:password@host:port/<a database it may drop>');
  }
  const url = new URL(E2E_DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  await createDatabase(url.toString(), name, { drop: true });
  await createDatabase(url.toString(), name);
  execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: 'inherit' });
}
