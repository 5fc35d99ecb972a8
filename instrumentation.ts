/** Runs once when the server starts: exports a restart interrupted are marked failed, so the page offers a retry. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { jobRunner } = await import('@/lib/jobs/runner');
  await jobRunner().recover();
}
