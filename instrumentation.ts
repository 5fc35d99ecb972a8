/**
 * Runs once when the server starts: jobs a restart interrupted are marked failed, so the page
 * offers a retry; and the event loop is watched for work that should have gone to a thread.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ jobRunner }, { watchEventLoop }] = await Promise.all([import('@/lib/jobs/runner'), import('@/lib/jobs/loop-watch')]);
  await jobRunner().recover();
  watchEventLoop();
}
