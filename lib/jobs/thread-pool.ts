import type { Worker } from 'node:worker_threads';
import { answerCall, isParentCall, type ParentCall, type ParentCalls } from './parent-call';

/** What a worker answers to one request: the value, or the error's message. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * A few worker threads taking one request each at a time: CPU-heavy work (parsing a 50,000-row
 * export, the audit's rules, typesetting a bundle) runs there, so the event loop that answers
 * every merchant's pages never waits for it. Requests beyond the pool's size queue in order.
 * A worker that dies (an uncaught error, its memory limit) fails only its own request and is
 * replaced by the next one that needs it. While it works, a thread may ask the pool's thread
 * for one of `calls` (lib/jobs/parent-call.ts), e.g. to queue a follow-up job.
 */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(worker: Worker) => void> = [];
  private live = 0;

  constructor(
    private readonly spawn: () => Worker,
    readonly size: number,
    private readonly calls: ParentCalls = {},
  ) {}

  async run<T>(request: unknown): Promise<T> {
    const worker = await this.acquire();
    let healthy = true;
    try {
      return (await exchange(worker, request, this.calls, () => (healthy = false))) as T;
    } finally {
      this.release(worker, healthy);
    }
  }

  /** Stops every idle worker (tests, shutdown); busy ones finish their request first. */
  async close(): Promise<void> {
    const workers = this.idle.splice(0);
    this.live -= workers.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private acquire(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.live < this.size) {
      this.live++;
      const worker = this.spawn();
      // An idle pool never keeps the process alive.
      worker.unref();
      return Promise.resolve(worker);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker, healthy: boolean): void {
    if (!healthy) {
      this.live--;
      void worker.terminate();
      // A waiter gets a fresh worker instead of the dead one.
      const next = this.waiting.shift();
      if (next) void this.acquire().then(next);
      return;
    }
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }
}

function exchange(worker: Worker, request: unknown, calls: ParentCalls, died: () => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: WorkerReply | ParentCall) => {
      // A question on the way to the answer: answered, and the answer still awaited.
      if (isParentCall(message)) return void answerCall(calls, message, (answer) => worker.postMessage(answer));
      done();
      if (message.ok) resolve(message.value);
      else reject(new Error(message.error));
    };
    const onError = (error: Error) => {
      done();
      died();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      died();
      reject(new Error(`worker stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
