/**
 * Runs once when the server starts: jobs a restart interrupted are marked failed, so the page
 * offers a retry; storage counters are recounted; and the event loop is watched for work that should have gone to a thread.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ jobRunner }, { watchEventLoop }] = await Promise.all([import('@/lib/jobs/runner'), import('@/lib/jobs/loop-watch')]);
  await jobRunner().recover();
  // Uploads a restart cut off leave their quota reservations behind: count what is really stored.
  const { recountStorage } = await import('@/lib/quota/recount');
  await recountStorage();
  watchEventLoop();
}
