/**
 * Uploads one 500 MB file and 200 small files over HTTP to the production build and prints the
 * throughput and the server's peak memory (VmHWM). The per-file limit is raised for this run only.
 * A script that prints figures, not a timed test. Needs `npm run build` first.
 *
 * Run: npm run bench:upload [-- bigMb smallCount]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bigMb = Number(process.argv[2] ?? 500);
const smallCount = Number(process.argv[3] ?? 200);
const port = 3200;
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: String(port), BETTER_AUTH_URL: base, AUTH_RATE_LIMIT: 'off', EVIDENCE_MAX_FILE_MB: String(bigMb + 10), EVIDENCE_MAX_CASE_MB: String(bigMb * 2 + 100), NODE_ENV: 'production' as const, INSECURE_COOKIES: '1' };

execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env, stdio: 'ignore' });
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env, stdio: 'ignore' });
const peakServerMb = () => {
  // The next binary serves from its own process or a child; take the largest high-water mark of both.
  const pids = [server.pid, ...readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)];
  return Math.max(...pids.map((pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024));
};

try {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/login`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ name: 'bench', email: 'bench@example.com', password: 'Bench2026bench' }) });
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { user } = (await signUp.json()) as { user: { id: string } };
  process.env.DATA_DIR = dataDir;
  const { db } = await import('../lib/db/client');
  const { id: caseId } = await db.case.create({ data: { userId: user.id, title: 'bench', platform: 'tmall' } });
  const afterStartMb = peakServerMb();

  const line = Buffer.from('2026-11-11 10:00:00 买家：请问什么时候发货？ 客服：今天下午就发顺丰。\n');
  const chunk = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line)).subarray(0, 1024 * 1024);
  let sent = 0;
  const big = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bigMb) return controller.close();
      sent += 1;
      controller.enqueue(chunk);
    },
  });
  const post = (name: string, body: BodyInit) =>
    fetch(`${base}/api/cases/${caseId}/evidence?name=${encodeURIComponent(name)}&category=chat`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body, duplex: 'half' } as RequestInit);

  let t = performance.now();
  const bigResult = await post('chat-export.txt', big);
  const bigSeconds = (performance.now() - t) / 1000;
  if (!bigResult.ok) throw new Error(`big upload refused: ${await bigResult.text()}`);

  t = performance.now();
  for (let i = 0; i < smallCount; i += 4) {
    await Promise.all(Array.from({ length: Math.min(4, smallCount - i) }, (_, j) => post(`chat-${i + j}.txt`, `${'聊天记录'.repeat(4000)}\n#${i + j}\n`).then((r) => r.ok || Promise.reject(new Error(`small upload ${i + j}: ${r.status}`)))));
  }
  const smallSeconds = (performance.now() - t) / 1000;
  await db.$disconnect();

  console.log(`big: ${bigMb} MB in ${bigSeconds.toFixed(2)} s (${(bigMb / bigSeconds).toFixed(0)} MB/s)`);
  console.log(`small: ${smallCount} files in ${smallSeconds.toFixed(2)} s (${(smallCount / smallSeconds).toFixed(0)} files/s)`);
  console.log(`upload big_mb_s=${(bigMb / bigSeconds).toFixed(0)} small_files_s=${(smallCount / smallSeconds).toFixed(0)} server_rss_after_start_mb=${afterStartMb.toFixed(0)} peak_server_rss_mb=${peakServerMb().toFixed(0)}`);
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
