// First: later imports read it as they load (see the file).
import './thread-env';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { JOB_HANDLERS } from './handlers';
import { runJob } from './run-job';
import { runTask } from './tasks';
import type { WorkerRequest } from './types';
import type { ParentCallReply } from './parent-call';
import type { WorkerReply } from './thread-pool';

/**
 * Heavy work yields the processor to the thread that answers pages: on Linux a thread has its own
 * nice value, set through its thread id. Raising one's own niceness needs no privilege; where
 * it fails (another system) the thread simply runs at the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Number(process.env.JOB_WORKER_NICE ?? 10));
  } catch {
    // No /proc, or not allowed: nothing to lower.
  }
}

lowerPriority();

/**
 * A worker thread's loop (spawned by lib/jobs/runner.ts, bundled by Next.js): one request at a
 * time, answered with its value or its error's message. It has its own database connection; jobs
 * it queues go through its parent's queue connection (lib/jobs/queue/boss.ts).
 */
parentPort?.on('message', async (request: WorkerRequest | ParentCallReply) => {
  // Answers to this thread's own questions (lib/jobs/parent-call.ts) are not requests.
  if (request.type === 'callReply') return;
  let reply: WorkerReply;
  try {
    const value = request.type === 'job' ? await runJob(request.jobId, JOB_HANDLERS) : await runTask(request.name, request.args);
    reply = { ok: true, value };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
