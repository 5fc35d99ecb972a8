import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '@/prisma/tools/postgres-admin.mjs';

/**
 * Applies the committed migrations to the run's fresh database, then removes it afterwards. On
 * PostgreSQL (TEST_DATABASE_URL, see vitest.config.ts) the database is created first and
 * dropped at the end; its name comes from the run's temporary data directory.
 */
export default async function setup() {
  const url = process.env.DATABASE_URL ?? '';
  const base = process.env.TEST_DATABASE_URL;
  const name = url && base ? decodeURIComponent(new URL(url).pathname.slice(1)) : null;
  if (base && name) await createDatabase(base, name);
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync(process.execPath, [path.join('prisma', 'tools', 'migrate.mjs'), 'deploy'], { env, stdio: 'inherit' });
  return async () => {
    if (base && name) await createDatabase(base, name, { drop: true });
    if (process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  };
}
