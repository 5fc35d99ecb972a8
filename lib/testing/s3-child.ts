import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TestS3 } from './s3-server';

/**
 * The test S3 server in a child process: figures of memory measured in the test process are then
 * the store's own, not s3rver's; and a Playwright run can hand the same server to the app.
 */
export async function spawnTestS3(env: Record<string, string> = {}): Promise<TestS3> {
  const script = path.resolve(import.meta.dirname, 's3-server.ts');
  const child = spawn(process.execPath, ['--import', 'jiti/register', script], { env: { ...process.env, S3_DEV_PORT: '0', S3_DEV_DIR: '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [])])) as string[];
  if (!first) throw new Error('the test S3 server did not start');
  lines.close();
  const serverEnv = JSON.parse(first) as Record<string, string>;
  const bucket = /^s3:\/\/([^/]+)/.exec(serverEnv.STORAGE_URL ?? '')?.[1] ?? '';
  return {
    endpoint: serverEnv.S3_ENDPOINT ?? '',
    bucket,
    env: serverEnv,
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
