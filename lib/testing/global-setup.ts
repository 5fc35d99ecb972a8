import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Applies the committed migrations to the run's fresh database, then removes it afterwards. */
export default function setup() {
  const env = { ...process.env, DATABASE_URL: '' };
  execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env, stdio: 'inherit' });
  return () => {
    if (process.env.DATA_DIR) rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  };
}
