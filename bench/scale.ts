/**
 * bench:scale: N simulated merchants at once (BENCH_MERCHANTS, default 20) each sign up, sign in,
 * import 5,000 orders (BENCH_ORDERS), upload 30 files (BENCH_FILES) and export, over HTTP like a
 * browser. Two set-ups, one after the other, on the same production build:
 *   embedded  one `node server.mjs`, SQLite and local disk (the default install);
 *   scaled    two app processes on PostgreSQL + object storage (an s3rver), plus two
 *             `npm run worker` processes when the package has that script (else the app
 *             processes run the jobs in-process, and the report says so).
 * Prints throughput, p50/p95 of page loads during the run, and each process's peak memory.
 * A script that prints figures, not a timed test.
 *
 * Run (after `NEXT_DIST_DIR=.next-bench npx next build`):
 *   NEXT_DIST_DIR=.next-bench BENCH_DATABASE_URL=postgresql://user:pass@host/postgres \
 *     BENCH_MERCHANTS=4 npm run bench:scale
 * BENCH_VARIANTS=embedded (or scaled) runs one; BENCH_PORT (default 33400) is the first port used.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, withDatabase } from '../prisma/tools/postgres-admin.mjs';
import { runMerchant, type Timing } from './scale/merchant';
import { assertFree, peakMb, start, stop, waitForHttp, type Proc } from './scale/processes';
import { benchDatabase, confirmImportActionId, evidenceFiles, ordersCsv } from './scale/setup';

const merchants = Number(process.env.BENCH_MERCHANTS ?? 20);
const orders = Number(process.env.BENCH_ORDERS ?? 5000);
const fileCount = Number(process.env.BENCH_FILES ?? 30);
// Relative, as next.config.ts passes it on: Next.js joins it to the project folder.
const distDir = process.env.NEXT_DIST_DIR || '.next';
const basePort = Number(process.env.BENCH_PORT ?? 33400);
const pgBase = process.env.BENCH_DATABASE_URL ?? '';

type Result = { variant: string; setup: string; lines: string[] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const s = (ms: number) => (ms / 1000).toFixed(2);

/** The worker command from package.json, when the queue has one (`npm run worker`). */
function workerArgs(): string[] | null {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const script = scripts.worker;
  if (!script) return null;
  // `node …` (or jiti) scripts are started with this node, so the pid measured is the worker's own.
  // Leading VAR=value words (MALLOC_ARENA_MAX=…) are the shell's: processes.ts sets the same environment.
  const words = script.split(/\s+/).filter((word, i, all) => !all.slice(0, i + 1).every((w) => /^\w+=/.test(w)));
  return words[0] === 'node' ? words.slice(1) : ['node_modules/.bin/' + words[0], ...words.slice(1)];
}

async function runVariant(variant: string): Promise<Result> {
  const work = mkdtempSync(path.join(os.tmpdir(), `bench-scale-${variant}-`));
  const origin = `http://localhost:${basePort}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_URL: origin,
    // Every simulated browser comes from 127.0.0.1: the per-address flood guard would refuse all but 20 sign-ins a minute.
    AUTH_RATE_LIMIT: 'off', DATA_DIR: path.join(work, 'data-a'), DATABASE_URL: '',
  };
  const procs: Proc[] = [];
  const pgName = `bench_scale_${process.pid}`;
  let setup = '1 app process, SQLite, local disk, jobs in-process';
  try {
    for (const port of [basePort, basePort + 1, basePort + 50]) await assertFree(port);
    if (variant === 'scaled') {
      if (!pgBase) throw new Error('the scaled run needs BENCH_DATABASE_URL=postgresql://…');
      await createDatabase(pgBase, pgName);
      env.DATABASE_URL = withDatabase(pgBase, pgName);
      const s3Port = String(basePort + 50);
      const s3 = start('s3rver', ['--import', 'jiti/register', 'lib/testing/s3-server.ts'], { S3_DEV_PORT: s3Port, S3_DEV_DIR: path.join(work, 's3'), S3_DEV_BUCKET: 'bench-scale' });
      procs.push(s3);
      await waitForHttp(s3, `http://127.0.0.1:${s3Port}/`);
      Object.assign(env, { STORAGE_URL: 's3://bench-scale/app', S3_ENDPOINT: `http://127.0.0.1:${s3Port}`, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: '1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
    }
    execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    Object.assign(process.env, env);
    const worker = variant === 'scaled' ? workerArgs() : null;
    if (variant === 'scaled') setup = worker ? '2 app processes + 2 workers, PostgreSQL, s3rver' : '2 app processes running jobs in-process (no `npm run worker` yet), PostgreSQL, s3rver';
    const apps = variant === 'scaled' ? ['a', 'b'] : ['a'];
    for (const [i, name] of apps.entries()) {
      // With workers the app instances only queue (JOB_WORKERS=external), as the README's several-machines set-up runs them.
      procs.push(start(`app-${name}`, ['server.mjs'], { ...env, PORT: String(basePort + i), DATA_DIR: path.join(work, `data-${name}`), ...(worker ? { JOB_WORKERS: 'external' } : {}) }));
    }
    for (const i of worker ? [1, 2] : []) procs.push(start(`worker-${i}`, worker!, { ...env, DATA_DIR: path.join(work, `data-w${i}`) }));
    const urls = apps.map((_, i) => `http://localhost:${basePort + i}`);
    for (const [i, url] of urls.entries()) await waitForHttp(procs.find((p) => p.name === `app-${apps[i]}`)!, `${url}/login`);

    const [files, csv, database] = await Promise.all([evidenceFiles(fileCount), Promise.resolve(ordersCsv(orders)), benchDatabase()]);
    const confirmActionId = confirmImportActionId(distDir);
    const timings: Timing[] = [];
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: merchants }, (_, i) =>
        runMerchant({ apps: i % 2 ? [...urls].reverse() : urls, origin, createCase: database.createCase, email: `bench-${i}-${process.pid}@example.com`, password: 'Evidence2026', ordersCsv: csv, files, confirmActionId, importDone: database.importDone }, timings),
      ),
    );
    const wall = performance.now() - started;
    await database.close();
    const ok = outcomes.filter((o) => o.ok);
    const pageMs = timings.filter((t) => t.status === 200).map((t) => t.ms).sort((a, b) => a - b);
    const visits = ok.map((o) => o.ms).sort((a, b) => a - b);
    const lines = [
      `merchants: ${merchants} (${ok.length} finished, ${merchants - ok.length} failed); wall ${s(wall)} s`,
      `throughput: ${((ok.length / wall) * 60_000).toFixed(2)} merchants/min, ${((ok.length * orders) / (wall / 1000)).toFixed(0)} orders/s imported, ${((ok.length * fileCount) / (wall / 1000)).toFixed(2)} uploads/s, ${ok.length} bundles (${(ok.reduce((n, o) => n + o.pdfBytes, 0) / 1024 / 1024).toFixed(1)} MB of PDF)`,
      `one merchant's visit: p50 ${s(percentile(visits, 50))} s, slowest ${s(visits.at(-1) ?? NaN)} s`,
      `page loads during the run: ${pageMs.length} answered 200 (${timings.length - pageMs.length} other), p50 ${percentile(pageMs, 50).toFixed(0)} ms, p95 ${percentile(pageMs, 95).toFixed(0)} ms`,
      `peak memory (VmHWM): ${procs.map((p) => `${p.name} ${peakMb(p)} MB`).join(', ')}`,
      `load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`,
      ...outcomes.filter((o) => !o.ok).slice(0, 3).map((o) => `failure: ${o.failure}`),
      ...(ok.length < merchants ? procs.flatMap((p) => p.log.filter((line) => !/^\[loop\]|node >=22|AWS|a\.co|upgrade to|trace-warnings|first week/.test(line)).slice(-12).map((line) => `${p.name}: ${line}`)) : []),
    ];
    return { variant, setup, lines };
  } finally {
    for (const proc of procs.reverse()) await stop(proc);
    if (variant === 'scaled' && pgBase) await createDatabase(pgBase, pgName, { drop: true }).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Each set-up in its own child process: the database seam is chosen once a process. */
function inChild(variant: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/.bin/jiti', 'bench/scale.ts'], { env: { ...process.env, BENCH_VARIANT: variant }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Result);
      else reject(new Error(`${variant} run failed (${code}):\n${out.slice(-2000)}`));
    });
  });
}

if (process.env.BENCH_VARIANT) {
  console.log(JSON.stringify(await runVariant(process.env.BENCH_VARIANT)));
  process.exit(0);
}
console.log(`bench:scale: ${merchants} merchants × (${orders} orders, ${fileCount} files, 1 export); build ${distDir}`);
for (const variant of (process.env.BENCH_VARIANTS ?? 'scaled,embedded').split(',')) {
  const result = await inChild(variant).catch((error: unknown) => ({ variant, setup: 'failed', lines: [String(error)] }));
  console.log(`\n== ${result.variant}: ${result.setup}`);
  for (const line of result.lines) console.log(`   ${line}`);
}
