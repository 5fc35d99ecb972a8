/**
 * Runs once when the server (or a `npm run worker` process, see worker.mjs) starts: jobs a restart
 * interrupted are marked failed, so the page offers a retry (an interrupted import runs again; on
 * PostgreSQL the queue retries them instead); queued jobs start being claimed where this process
 * runs them; storage counters are recounted; the store is swept of what a crash left behind; and
 * the event loop is watched for work that should have gone to a thread.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const role = process.env.APPEAL_PACK_ROLE === 'worker' ? 'worker' : 'app';
  const [{ jobRunner }, { startJobWorkers }, { watchEventLoop }] = await Promise.all([import('@/lib/jobs/runner'), import('@/lib/jobs/queue/start'), import('@/lib/jobs/loop-watch')]);
  await jobRunner().recover();
  await startJobWorkers(role);
  watchEventLoop();
  // A worker serves no uploads: counting and sweeping the store are the app instances' business.
  if (role === 'worker') return;
  // Uploads a restart cut off leave their quota reservations behind: count what is really stored.
  const { recountStorage } = await import('@/lib/quota/recount');
  await recountStorage();
  // What a crash left in the store (half-written uploads, files no row names): at start, then hourly.
  const { startSweeps } = await import('@/lib/storage/sweep');
  startSweeps();
}
