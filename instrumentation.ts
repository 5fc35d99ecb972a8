/**
 * Runs once when the server (or a `npm run worker` process, see worker.mjs) starts: the cookie-signing
 * key is read from the database every instance shares (written there by the first to start); jobs a
 * restart interrupted are marked failed, so the page offers a retry (an interrupted import runs again;
 * on PostgreSQL the queue retries them instead); queued jobs start being claimed where this process
 * runs them; storage counters of quiet cases are recounted (and hourly); the store is swept of what a
 * crash left behind; and the event loop is watched for work that should have gone to a thread.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const role = process.env.APPEAL_PACK_ROLE === 'worker' ? 'worker' : 'app';
  // Before anything signs a cookie: lib/auth/server.ts reads the key when first imported.
  const { loadAuthSecret } = await import('@/lib/auth/secret');
  await loadAuthSecret();
  const [{ jobRunner }, { startJobWorkers }, { watchEventLoop }] = await Promise.all([import('@/lib/jobs/runner'), import('@/lib/jobs/queue/start'), import('@/lib/jobs/loop-watch')]);
  await jobRunner().recover();
  await startJobWorkers(role);
  watchEventLoop();
  // A worker serves no uploads: counting and sweeping the store are the app instances' business.
  if (role === 'worker') return;
  // Uploads a restart cut off leave their quota reservations behind: count what is really stored
  // in cases quiet long enough that no instance can still be uploading into them; again hourly.
  const { startRecounts } = await import('@/lib/quota/recount');
  await startRecounts();
  // What a crash left in the store (half-written uploads, files no row names): at start, then hourly.
  const { startSweeps } = await import('@/lib/storage/sweep');
  startSweeps();
}
