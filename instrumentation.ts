/** Runs once when the server starts: exports a restart interrupted are marked failed, so the page offers a retry. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { jobRunner } = await import('@/lib/jobs/runner');
  await jobRunner().recover();
  // Uploads a restart cut off leave their quota reservations behind: count what is really stored.
  const { recountStorage } = await import('@/lib/quota/recount');
  await recountStorage();
}
