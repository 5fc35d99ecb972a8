import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** CPU milliseconds the main thread has used (Linux: /proc/self/task/<pid>/stat), else null. */
function mainThreadCpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks of 10 ms, are fields 14 and 15 (11 and 12 after the name).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Logs when the server's event loop was held longer than LOOP_WARN_MS (default 200) within a
 * second: the sign of CPU work on the request path that belongs on a worker thread. With the
 * main thread's own CPU time beside it, a loop that waited for a busy machine (little CPU used)
 * tells itself apart from one that did the work (CPU close to the delay). Off with 0.
 */
export function watchEventLoop(): void {
  const warnMs = Number(process.env.LOOP_WARN_MS ?? 200);
  if (!(warnMs > 0)) return;
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let cpuBefore = mainThreadCpuMs();
  setInterval(() => {
    const maxMs = histogram.max / 1e6;
    const cpu = mainThreadCpuMs();
    if (maxMs >= warnMs) console.warn(`[loop] event loop held for ${Math.round(maxMs)} ms${cpu !== null && cpuBefore !== null ? ` (main thread CPU ${cpu - cpuBefore} ms in the last second)` : ''}`);
    cpuBefore = cpu;
    histogram.reset();
  }, 1000).unref();
}
