import 'server-only';
import { execFile } from 'node:child_process';

export type ToolRun = { ok: true; stdout: Buffer } | { ok: false; reason: 'timeout' | 'failed'; stderr: string };

/**
 * Runs a media binary with arguments (never through a shell: file names reach it verbatim) and a
 * hard time limit. SIGKILL, because a decoder stuck on a hostile file may ignore SIGTERM.
 */
export function runTool(file: string, args: string[], timeoutMs: number, maxBuffer = 64 * 1024 * 1024): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer, encoding: 'buffer', windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve({ ok: true, stdout });
      const timedOut = error.killed === true || (error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
      resolve({ ok: false, reason: timedOut ? 'timeout' : 'failed', stderr: stderr.toString('utf8').slice(-2000) });
    });
  });
}
