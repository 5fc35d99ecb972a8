/**
 * The timed half of bench/export.ts, in a process of its own so that its peak memory is the
 * export's: builds the bundle of a case that bench/export.ts set up, writes the volumes to
 * bench/out/bundle.pdf (bundle-vol2.pdf …), and prints one JSON line (RunResult) on stdout for the
 * parent. Progress goes to stderr. Needs the parent's DATA_DIR; not meant to be run by hand.
 * Given a photo file as a second argument, then re-exports twice in the same process, as the server
 * would: after a statement edit, then after adding that photo (bench/reexport.ts). The peak memory
 * reported is the full export's, read before the re-exports.
 *
 * Run by: npm run bench:export
 */
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildAndStoreBundle } from '@/lib/export/run';
import { blobStore } from '@/lib/storage';
import { peakRssMb as readPeak } from './peak-rss';
import { addPhoto, editStatement } from './reexport';

export type RunResult = {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
  pages: number;
  files: Array<{ path: string; size: number; pages: number; volume: number }>;
  warnings: Array<{ exhibitId: string; reason: string }>;
  oversized: string[];
  /** Volumes that came out above the limit after all. */
  overLimit: number[];
  maxBundleMB: number;
  /** Seconds per re-export, when a photo to add was given. */
  reexport?: { statement: number; photo: number };
};

const [caseId, extraPhoto] = process.argv.slice(2);
if (!caseId) throw new Error('usage: export-run.ts <caseId> [photo to add] (run through npm run bench:export)');
// BENCH_OUT_DIR: the scan case writes its gigabytes under BENCH_DATA_DIR, not into the repository.
const out = path.resolve(process.env.BENCH_OUT_DIR || 'bench/out');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (/^bundle(-vol\d+)?\.pdf$/.test(name)) rmSync(path.join(out, name));

const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const cpu = process.cpuUsage();
const started = performance.now();
let reported = 0;
let current = '';
// BENCH_TRACE_RSS=1: the resident memory every second beside the item in progress, to find where it grows.
const trace = process.env.BENCH_TRACE_RSS ? setInterval(() => process.stderr.write(`  rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB (external ${(process.memoryUsage().external / 1024 / 1024).toFixed(0)})  ${((performance.now() - started) / 1000).toFixed(1)} s  ${current}\n`), 1000) : undefined;
// BENCH_MAX_BUNDLE_MB overrides the platform's limit, to measure a split into volumes.
const maxBundleMB = Number(process.env.BENCH_MAX_BUNDLE_MB) || undefined;
const result = await buildAndStoreBundle(caseId, { maxBundleMB }, (fraction, item) => {
  current = `${Math.round(fraction * 100)}% ${item}`;
  // Every tenth of the way, on stderr: stdout carries only the result line.
  if (fraction < reported + 0.1 && fraction < 1) return;
  reported = Math.floor(fraction * 10) / 10;
  process.stderr.write(`  ${String(Math.round(fraction * 100)).padStart(3)}%  ${((performance.now() - started) / 1000).toFixed(1)} s  ${item}\n`);
});
const seconds = (performance.now() - started) / 1000;
clearInterval(trace);
const used = process.cpuUsage(cpu);
process.stderr.write(`  phases (s): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; image step ${result.imageLevel}\n`);
// The whole process, module loading included, but nothing of the setup (bench/peak-rss.ts).
const peakRssMb = readPeak();

const files: RunResult['files'] = [];
for (const f of [...result.files].sort((a, b) => a.volume - b.volume)) {
  const stream = await blobStore().get(f.key);
  if (!stream) throw new Error(`volume ${f.volume} missing from storage: ${f.key}`);
  const file = path.join(out, f.volume === 1 ? 'bundle.pdf' : `bundle-vol${f.volume}.pdf`);
  await pipeline(stream, createWriteStream(file));
  files.push({ path: path.relative(process.cwd(), file), size: f.size, pages: f.pages, volume: f.volume });
}

/** One more export of the case as it is now, timed; its volumes stay in storage only. */
async function again(label: string): Promise<number> {
  const start = performance.now();
  const r = await buildAndStoreBundle(caseId as string, { maxBundleMB });
  const s = (performance.now() - start) / 1000;
  process.stderr.write(`  re-export (${label}): ${s.toFixed(2)} s, ${r.pages} pages; phases (s): ${Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return s;
}
let reexport: RunResult['reexport'];
if (extraPhoto) {
  await editStatement(caseId);
  const statement = await again('statement edited');
  await addPhoto(caseId, extraPhoto);
  reexport = { statement, photo: await again('one photo added') };
}
const summary: RunResult = {
  seconds,
  cpuSeconds: (used.user + used.system) / 1e6,
  peakRssMb,
  rssBeforeMb,
  pages: result.pages,
  files,
  warnings: result.warnings,
  oversized: result.oversized,
  overLimit: result.overLimit,
  maxBundleMB: result.maxBundleMB,
  reexport,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
