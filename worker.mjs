// Job worker: claims queued jobs (exports, order imports, audits) from the PostgreSQL queue and
// runs them, beside any number of app instances (`npm run serve`) on other machines.
//
//   DATABASE_URL=postgresql://… STORAGE_URL=s3://… node worker.mjs      (or: npm run worker)
//
// It runs the production build (`npm run build`), the same code the server runs, with no dev
// tools: Next.js loads it without listening on a port, and instrumentation.ts starts the queue's
// workers (lib/jobs/queue/start.ts). JOB_WORKERS sets how many jobs run at once (default 2).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseProvider } from './lib/db/data-dir.mjs';
import { runStartUpWork } from './lib/server/start-up.mjs';

process.env.NODE_ENV ??= 'production';
process.env.APPEAL_PACK_ROLE = 'worker';
if (databaseProvider() !== 'postgresql') {
  // On SQLite the app runs every job itself: a separate worker would have no queue to read.
  console.error('worker: DATABASE_URL must be a postgresql:// URL (the queue lives in PostgreSQL)');
  process.exit(1);
}

const dir = path.dirname(fileURLToPath(import.meta.url));
const { default: next } = await import('next');
const app = next({ dev: false, dir });
await app.prepare();
// instrumentation.ts starts claiming jobs; waited for, as in server.mjs.
await runStartUpWork(app);
console.log('> Worker ready');
