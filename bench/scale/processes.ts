/**
 * The processes of one bench:scale run: app servers (server.mjs on the production build), queue
 * workers and the s3rver. Each is started with `node` itself, not npm, so its pid is the process
 * whose memory is read: the kernel's VmHWM (peak resident set) just before it is stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export type Proc = { name: string; child: ChildProcess; log: string[] };

// Whatever happens to the bench, its servers do not outlive it (an orphan would hold the port).
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node args…` with `env` added to this process's environment; the last lines of its output are kept. */
export function start(name: string, args: string[], env: Record<string, string>): Proc {
  // Two malloc arenas, as `npm run serve` and `npm run worker` start them.
  const child = spawn(process.execPath, args, { env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, log };
}

/** Fails unless `port` is free: a server already there (another run, another checkout) would answer for ours. */
export async function assertFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: choose another BENCH_PORT`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Waits until `url` answers (any status), or fails after `ms` with the process's last output. */
export async function waitForHttp(proc: Proc, url: string, ms = 180_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.log.join('\n')}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`${proc.name} did not answer ${url} within ${ms / 1000} s:\n${proc.log.join('\n')}`);
}

/** Peak resident memory of the process so far, in MB (VmHWM; its worker threads included). */
export function peakMb(proc: Proc): number {
  try {
    const status = readFileSync(`/proc/${proc.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** Stops the process (SIGTERM, then SIGKILL after 10 s) and resolves once it has exited. */
export async function stop(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
