// Plain JavaScript: server.mjs and worker.mjs import it before Next.js has loaded anything.
import { createServer } from 'node:http';

/**
 * Runs instrumentation.ts's register() (recover interrupted jobs, start claiming queued ones,
 * recount, sweep) and waits until it is done, before the process says it is ready.
 *
 * A production Next.js server registers instrumentation on its first request; Next.js 16 also
 * fires it from its server's constructor, but only as an "optimization" nobody waits for (see
 * next/dist/server/next-server.js), so a server could answer, and report ready, with interrupted
 * jobs still 'running'. Next.js has no public call for it: one request to the app's own handler on
 * a private loopback port (closed again at once) waits for register() the way any first request
 * does. Its answer does not matter; a failed register() shows in the log, as on a first request.
 */
export async function runStartUpWork(app) {
  const server = createServer(app.getRequestHandler());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address();
    await fetch(`http://127.0.0.1:${port}/login`, { method: 'HEAD' }).catch(() => {});
  } finally {
    server.close();
  }
}
