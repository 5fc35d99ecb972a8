/**
 * The scan-heavy case of bench/export.ts (BENCH_CASE=scans, issue #15): 40 scanned PDFs of about
 * 50 MB (2,000 page-sized JPEGs in all, bench/scan-corpus.ts) uploaded through acceptUpload into a
 * fresh database, then exported in a child process with the platform's size limit (Taobao's, or
 * BENCH_MAX_BUNDLE_MB). Prints the peak memory, every volume's size and page count, whether it is
 * within the limit and whether it passes `qpdf --check` (the system's, else the WebAssembly build).
 *
 * Everything heavy lives under BENCH_DATA_DIR (default /work/bench-data), not in the repository:
 * the generated scans (reused by later runs), the case's data folder and the volumes (removed after).
 * A watchdog stops the export past BENCH_RSS_LIMIT_MB (default 4096) and says where it was: the
 * machine is shared. BENCH_SCAN_FILES=n uses only the first n scans (a quick try). The last line is `export seconds=… peak_rss_mb=… size_mb=… pages=…` as for
 * the heavy case, or `export failed …` when it did not finish.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runChild } from './child';
import type { RunResult } from './export-run';
import { scanCorpus, SCAN_PAGES } from './scan-corpus';

const MB = 1024 * 1024;
const benchData = path.resolve(process.env.BENCH_DATA_DIR || '/work/bench-data');
const rssLimitMb = Number(process.env.BENCH_RSS_LIMIT_MB) || 4096;
const s = (ms: number) => (ms / 1000).toFixed(2);

/** `qpdf --check` on one volume: the system's binary, else the WebAssembly build on the bytes. */
async function qpdfCheck(file: string): Promise<string> {
  const { findSystemTool } = await import('../lib/tools/system-tool');
  const system = findSystemTool('qpdf');
  if (system) {
    try {
      await promisify(execFile)(system, ['--check', file], { maxBuffer: 64 * MB });
      return 'ok (system qpdf)';
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '?';
      return code === '3' ? 'warnings (system qpdf, exit 3)' : `FAILED (system qpdf, exit ${code})`;
    }
  }
  const { runQpdfWasm } = await import('../lib/tools/qpdf-wasm');
  const run = await runQpdfWasm(['--check', '/v.pdf'], { 'v.pdf': readFileSync(file) });
  return run.code === 0 ? 'ok (qpdf wasm)' : run.code === 3 ? 'warnings (qpdf wasm, exit 3)' : `FAILED (qpdf wasm, exit ${run.code})`;
}

const setupStart = performance.now();
const all = await scanCorpus(benchData, (line) => console.log(line));
// BENCH_SCAN_FILES=2: a quick run of the first few, to try the script itself.
const corpus = { ...all, files: all.files.slice(0, Number(process.env.BENCH_SCAN_FILES) || all.files.length) };
const corpusEnd = performance.now();
const scanMb = corpus.files.reduce((n, f) => n + statSync(f).size, 0) / MB;
console.log(`scans: ${corpus.files.length} PDFs of ${SCAN_PAGES} pages in ${benchData} (${corpus.generated} generated now), ${scanMb.toFixed(0)} MB, ${s(corpusEnd - setupStart)} s`);

mkdirSync(benchData, { recursive: true });
const dataDir = mkdtempSync(path.join(benchData, 'run-'));
const outDir = path.join(dataDir, 'out');
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL = '';
process.env.BENCH_OUT_DIR = outDir;
process.env.EVIDENCE_MAX_FILE_MB = '100';
process.env.EVIDENCE_MAX_CASE_MB = '4096';
try {
  execFileSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { env: process.env, stdio: 'ignore' });
  const { db } = await import('../lib/db/client');
  const { makeUser } = await import('../lib/testing/factories');
  const { completeCase } = await import('../lib/testing/case-record');
  const { acceptUpload } = await import('../lib/evidence/accept-upload');
  const user = await makeUser('扫描件商家');
  const c = await db.case.create({ data: { userId: user.id, ...completeCase({ title: '扫描件为主的申诉', platform: 'taobao', shopName: '小明数码旗舰店' }) } });
  for (const file of corpus.files) {
    const outcome = await acceptUpload({ userId: user.id, caseId: c.id, fileName: path.basename(file), category: 'supply', body: createReadStream(file) });
    if (!outcome.ok || outcome.duplicate) throw new Error(`upload of ${path.basename(file)} refused: ${JSON.stringify(outcome)}`);
  }
  await db.$disconnect();
  const setupEnd = performance.now();
  console.log(`setup seconds=${s(setupEnd - setupStart)} (upload ${s(setupEnd - corpusEnd)})`);

  const run = await runChild<RunResult>('bench/export-run.ts', [c.id], { rssLimitMb });
  if (!run.ok) {
    const where = run.lastStderr.filter((l) => /%|phases/.test(l)).at(-1)?.trim() ?? 'before the first progress line';
    const why = run.killedAtMb ? `stopped by the watchdog at ${run.killedAtMb.toFixed(0)} MB (BENCH_RSS_LIMIT_MB=${rssLimitMb})` : `exit ${run.code}: ${run.lastStderr.slice(-3).join(' | ')}`;
    console.log(`export failed: ${why}; last progress: ${where}; watched peak ${run.watchedPeakMb.toFixed(0)} MB; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    process.exitCode = 1;
  } else {
    const r = run.result;
    // Memory first: qpdf --check reads every stream and takes about 10 s of CPU a 50 MB volume.
    console.log(`RSS before the export: ${r.rssBeforeMb.toFixed(0)} MB; peak ${r.peakRssMb.toFixed(0)} MB (watched ${run.watchedPeakMb.toFixed(0)} MB); export cpu ${r.cpuSeconds.toFixed(2)} s; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    // Two checks at a time: one per core.
    const checks: string[] = [];
    let next = 0;
    await Promise.all([0, 1].map(async () => {
      while (next < r.files.length) {
        const i = next++;
        checks[i] = await qpdfCheck(path.resolve(r.files[i]?.path ?? ''));
      }
    }));
    let within = 0;
    r.files.forEach((f, i) => {
      const fits = f.size <= r.maxBundleMB * MB;
      within += fits ? 1 : 0;
      console.log(`volume ${f.volume}: ${(f.size / MB).toFixed(2)} MB, ${f.pages} pages, ${fits ? 'within' : 'OVER'} the ${r.maxBundleMB} MB limit, qpdf --check ${checks[i]}`);
    });
    const passed = checks.filter((c) => c.startsWith('ok')).length;
    console.log(`volumes: ${r.files.length}, within the limit ${within}, passing qpdf --check ${passed}; oversized exhibits: ${r.oversized.length ? r.oversized.join(', ') : 'none'}; warnings ${r.warnings.length}`);
    const sizeMb = r.files.reduce((n, f) => n + f.size, 0) / MB;
    console.log(`export seconds=${r.seconds.toFixed(2)} peak_rss_mb=${r.peakRssMb.toFixed(0)} size_mb=${sizeMb.toFixed(2)} pages=${r.pages}`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
