/**
 * Runs once when the server starts: the cookie-signing key is read from the database every instance
 * shares (written there by the first to start), jobs a restart interrupted are marked failed, so the page
 * offers a retry (an interrupted import runs again); storage counters of quiet cases are recounted (and hourly); the store is
 * swept of what a crash left behind; and the event loop is watched for work that should have gone to a thread.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before anything signs a cookie: lib/auth/server.ts reads the key when first imported.
  const { loadAuthSecret } = await import('@/lib/auth/secret');
  await loadAuthSecret();
  const [{ jobRunner }, { watchEventLoop }] = await Promise.all([import('@/lib/jobs/runner'), import('@/lib/jobs/loop-watch')]);
  await jobRunner().recover();
  // Uploads a restart cut off leave their quota reservations behind: count what is really stored
  // in cases quiet long enough that no instance can still be uploading into them; again hourly.
  const { startRecounts } = await import('@/lib/quota/recount');
  await startRecounts();
  // What a crash left in the store (half-written uploads, files no row names): at start, then hourly.
  const { startSweeps } = await import('@/lib/storage/sweep');
  startSweeps();
  watchEventLoop();
}
