/**
 * Runs one timed half of a benchmark (bench/export-run.ts, bench/floor.ts) in a process of its own,
 * so its peak memory is its own, and parses the JSON line it prints last. A watchdog reads the
 * child's resident memory from /proc a few times a second and stops it past `rssLimitMb`: the
 * machine is shared, and a scan-heavy export that would grow to many gigabytes is a finding to
 * report (where it was, how big), not a reason to push everyone else's work into swap.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type ChildOutcome<T> =
  | { ok: true; result: T; watchedPeakMb: number }
  | { ok: false; code: number | null; killedAtMb: number | null; watchedPeakMb: number; lastStderr: string[] };

/** Resident memory of a process in MB (VmRSS), or 0 where /proc is not available or it has ended. */
function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function runChild<T>(script: string, args: string[], options: { rssLimitMb?: number; echo?: boolean } = {}): Promise<ChildOutcome<T>> {
  // Two malloc arenas, as `npm run serve` and `npm run worker` run the server (see the README): with one
  // per thread, glibc kept ~150 MB of libvips' freed memory in the export's peak.
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const child = spawn(process.execPath, ['node_modules/jiti/lib/jiti-cli.mjs', script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const stderr: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (options.echo !== false) process.stderr.write(chunk);
    stderr.push(...chunk.split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  let watchedPeakMb = 0;
  let killedAtMb: number | null = null;
  const watchdog = setInterval(() => {
    const mb = child.pid ? rssMb(child.pid) : 0;
    watchedPeakMb = Math.max(watchedPeakMb, mb);
    if (options.rssLimitMb && mb > options.rssLimitMb && killedAtMb === null) {
      killedAtMb = mb;
      child.kill('SIGKILL');
    }
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watchdog);
  if (code !== 0) return { ok: false, code, killedAtMb, watchedPeakMb, lastStderr: stderr };
  return { ok: true, result: JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T, watchedPeakMb };
}
