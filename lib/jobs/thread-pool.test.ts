import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParentCalls } from './parent-call';
import { ThreadPool } from './thread-pool';

// A plain-JavaScript worker: 'sleep' holds the thread, 'crash' kills it, 'fail' answers an error,
// 'ask' asks the parent (lib/jobs/parent-call.ts's messages) and answers with what it was told.
const SOURCE = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.type === 'callReply') return;
  if (m.op === 'ask') {
    const answered = (reply) => {
      if (reply.type !== 'callReply') return;
      parentPort.off('message', answered);
      parentPort.postMessage({ ok: true, value: reply });
    };
    parentPort.on('message', answered);
    return parentPort.postMessage({ type: 'call', id: 7, name: m.name, args: m.args });
  }
  if (m.op === 'crash') process.exit(3);
  if (m.op === 'fail') return parentPort.postMessage({ ok: false, error: 'no good' });
  const until = Date.now() + (m.ms || 0);
  while (Date.now() < until) {}
  parentPort.postMessage({ ok: true, value: { threadId, echo: m.echo } });
});`;

let pool: ThreadPool | undefined;
let spawned = 0;
const makePool = (size: number, calls: ParentCalls = {}) => {
  spawned = 0;
  pool = new ThreadPool(() => (spawned++, new Worker(SOURCE, { eval: true })), size, calls);
  return pool;
};
afterEach(async () => pool?.close());

describe('ThreadPool', () => {
  it('answers each request from a worker thread, never from the caller', async () => {
    const reply = await makePool(1).run<{ threadId: number; echo: string }>({ echo: 'hi' });
    expect(reply.echo).toBe('hi');
    expect(reply.threadId).toBeGreaterThan(0);
  });

  it('runs at most `size` requests at once and queues the rest in order', async () => {
    const p = makePool(2);
    const replies = await Promise.all([1, 2, 3, 4, 5].map((echo) => p.run<{ threadId: number; echo: number }>({ ms: 30, echo })));
    expect(replies.map((r) => r.echo)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
    expect(spawned).toBe(2);
  });

  it('keeps the event loop free while a request burns CPU', async () => {
    const p = makePool(1);
    const busy = p.run({ ms: 300 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await busy;
    clearInterval(timer);
    // A blocked loop would tick once at most; a free one about 30 times.
    expect(ticks).toBeGreaterThan(5);
  });

  it('fails only the request whose worker died, and replaces the worker', async () => {
    const p = makePool(1);
    const [crashed, after] = await Promise.allSettled([p.run({ op: 'crash' }), p.run({ echo: 'next' })]);
    expect(crashed.status).toBe('rejected');
    expect(after).toMatchObject({ status: 'fulfilled', value: { echo: 'next' } });
    expect(spawned).toBe(2);
  });

  it('passes an error the worker reports on as a rejection, keeping the worker', async () => {
    const p = makePool(1);
    await expect(p.run({ op: 'fail' })).rejects.toThrow('no good');
    await expect(p.run({ echo: 'again' })).resolves.toMatchObject({ echo: 'again' });
    expect(spawned).toBe(1);
  });

  it('answers a thread’s call to its parent while the request runs, then takes the request’s own answer', async () => {
    const asked: unknown[] = [];
    const p = makePool(1, { double: async (n) => (asked.push(n), (n as number) * 2) });
    expect(await p.run({ op: 'ask', name: 'double', args: 21 })).toEqual({ type: 'callReply', id: 7, ok: true, value: 42 });
    expect(asked).toEqual([21]);
    // A call the parent does not know is answered with an error, not left hanging.
    expect(await p.run({ op: 'ask', name: 'missing', args: null })).toMatchObject({ id: 7, ok: false, error: 'no parent call missing' });
    expect(spawned).toBe(1);
  });
});
