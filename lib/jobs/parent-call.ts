import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';

/**
 * A worker thread asking its parent (the thread that owns its ThreadPool) to do something only
 * the parent should: sending a job to the queue goes through the parent's one pg-boss instead of
 * a pg-boss (with its own pool of PostgreSQL connections and its own maintenance timers) started
 * in every thread that queues a follow-up job.
 */
export type ParentCall = { type: 'call'; id: number; name: string; args: unknown };
export type ParentCallReply = { type: 'callReply'; id: number; ok: true; value: unknown } | { type: 'callReply'; id: number; ok: false; error: string };

/** What a pool's parent answers, by name. */
export type ParentCalls = Readonly<Record<string, (args: unknown) => Promise<unknown>>>;

/** The workerData of a pool's threads (lib/jobs/runner.ts spawnWorker): how a thread knows its parent answers calls. */
export const POOL_THREAD_DATA = { appealPackPoolThread: true } as const;

/** Whether this code runs on a ThreadPool's thread (not, say, a test runner's own worker thread). */
export const inPoolThread = (): boolean => !isMainThread && (workerData as Partial<typeof POOL_THREAD_DATA> | null)?.appealPackPoolThread === true;

export const isParentCall = (message: unknown): message is ParentCall => (message as ParentCall | null)?.type === 'call';
const isReply = (message: unknown): message is ParentCallReply => (message as ParentCallReply | null)?.type === 'callReply';

const waiting = new Map<number, (reply: ParentCallReply) => void>();
let lastId = 0;
const listening = new WeakSet<MessagePort>();

/** Asks the parent thread to run `name` with `args` and resolves with its answer (from a worker thread only). */
export function callParent(name: string, args: unknown, port: MessagePort | null = parentPort): Promise<unknown> {
  if (!port) return Promise.reject(new Error(`${name}: not in a worker thread, no parent to ask`));
  if (!listening.has(port)) {
    listening.add(port);
    port.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
  }
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => (reply.ok ? resolve(reply.value) : reject(new Error(reply.error))));
    port.postMessage({ type: 'call', id, name, args } satisfies ParentCall);
  });
}

/** The parent's side: runs a thread's call and posts the answer back to it. */
export async function answerCall(calls: ParentCalls, call: ParentCall, reply: (message: ParentCallReply) => void): Promise<void> {
  const handler = calls[call.name];
  try {
    if (!handler) throw new Error(`no parent call ${call.name}`);
    reply({ type: 'callReply', id: call.id, ok: true, value: await handler(call.args) });
  } catch (error) {
    reply({ type: 'callReply', id: call.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
