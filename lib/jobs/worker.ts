import { parentPort } from 'node:worker_threads';
import { JOB_HANDLERS } from './handlers';
import { runJob } from './run-job';
import { runTask } from './tasks';
import type { WorkerRequest } from './types';
import type { WorkerReply } from './thread-pool';

/**
 * A worker thread's loop (spawned by lib/jobs/runner.ts, bundled by Next.js): one request at a
 * time, answered with its value or its error's message. It has its own database connection.
 */
parentPort?.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const value = request.type === 'job' ? await runJob(request.jobId, JOB_HANDLERS) : await runTask(request.name, request.args);
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
