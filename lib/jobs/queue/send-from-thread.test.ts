import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { POOL_THREAD_DATA } from '../parent-call';
import { ThreadPool } from '../thread-pool';
import type { QueueMessage } from './boss';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

// A pool thread that loads the real lib/jobs/queue/boss.ts (TypeScript, through jiti, as the
// bench scripts do) and sends a job from there, as a job handler queueing a follow-up job does;
// it answers whether a pg-boss was started in the thread.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createJiti } = require('jiti');
const root = ${JSON.stringify(ROOT)};
const jiti = createJiti(root + '/', { alias: { 'server-only': root + '/lib/testing/empty-module.ts', '@': root } });
parentPort.on('message', async (m) => {
  if (m.type === 'callReply') return;
  try {
    const { sendJob } = await jiti.import(root + '/lib/jobs/queue/boss.ts');
    await sendJob(m.message, m.startAfter);
    parentPort.postMessage({ ok: true, value: { bossInThread: globalThis.pgBoss !== undefined } });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error && error.message) });
  }
});`;

let pool: ThreadPool | undefined;
afterEach(async () => pool?.close());

describe('sending a job from a worker thread', () => {
  it('goes through the parent’s queue connection: the thread starts no pg-boss (no pool of its own)', async () => {
    const sent: unknown[] = [];
    pool = new ThreadPool(() => new Worker(SOURCE, { eval: true, workerData: POOL_THREAD_DATA }), 1, { sendJob: async (args) => void sent.push(args) });
    const message: QueueMessage = { jobId: 'job-1', caseId: 'case-1' };
    expect(await pool.run({ message, startAfter: 3 })).toEqual({ bossInThread: false });
    expect(sent).toEqual([{ message, startAfter: 3 }]);
  });
});
