import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Logs when the server's event loop was held longer than LOOP_WARN_MS (default 200) within a
 * second: the sign of CPU work on the request path that belongs on a worker thread. Off with 0.
 */
export function watchEventLoop(): void {
  const warnMs = Number(process.env.LOOP_WARN_MS ?? 200);
  if (!(warnMs > 0)) return;
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  setInterval(() => {
    const maxMs = histogram.max / 1e6;
    if (maxMs >= warnMs) console.warn(`[loop] event loop held for ${Math.round(maxMs)} ms`);
    histogram.reset();
  }, 1000).unref();
}
