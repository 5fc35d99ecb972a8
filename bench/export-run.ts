/**
 * The timed half of bench/export.ts, in a process of its own so that its peak memory is the
 * export's: builds the bundle of a case that bench/export.ts set up, writes the volumes to
 * bench/out/bundle.pdf (bundle-vol2.pdf …), and prints one JSON line (RunResult) on stdout for the
 * parent. Progress goes to stderr. Needs the parent's DATA_DIR; not meant to be run by hand.
 *
 * Run by: npm run bench:export
 */
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { buildAndStoreBundle } from '@/lib/export/run';
import { blobStore } from '@/lib/storage';

export type RunResult = {
  seconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
  pages: number;
  files: Array<{ path: string; size: number; pages: number; volume: number }>;
  warnings: Array<{ exhibitId: string; reason: string }>;
  oversized: string[];
};

const caseId = process.argv[2];
if (!caseId) throw new Error('usage: export-run.ts <caseId> (run through npm run bench:export)');
const out = path.resolve('bench/out');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (/^bundle(-vol\d+)?\.pdf$/.test(name)) rmSync(path.join(out, name));

const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
let reported = 0;
// BENCH_MAX_BUNDLE_MB overrides the platform's limit, to measure a split into volumes.
const maxBundleMB = Number(process.env.BENCH_MAX_BUNDLE_MB) || undefined;
const result = await buildAndStoreBundle(caseId, { maxBundleMB }, (fraction, item) => {
  // Every tenth of the way, on stderr: stdout carries only the result line.
  if (fraction < reported + 0.1 && fraction < 1) return;
  reported = Math.floor(fraction * 10) / 10;
  process.stderr.write(`  ${String(Math.round(fraction * 100)).padStart(3)}%  ${((performance.now() - started) / 1000).toFixed(1)} s  ${item}\n`);
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write(`  phases (s): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; image step ${result.imageLevel}\n`);
// maxRSS is in kilobytes: the whole process, module loading included, but nothing of the setup.
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const files: RunResult['files'] = [];
for (const f of [...result.files].sort((a, b) => a.volume - b.volume)) {
  const stream = await blobStore().get(f.key);
  if (!stream) throw new Error(`volume ${f.volume} missing from storage: ${f.key}`);
  const file = path.join(out, f.volume === 1 ? 'bundle.pdf' : `bundle-vol${f.volume}.pdf`);
  await pipeline(stream, createWriteStream(file));
  files.push({ path: path.relative(process.cwd(), file), size: f.size, pages: f.pages, volume: f.volume });
}
const summary: RunResult = { seconds, peakRssMb, rssBeforeMb, pages: result.pages, files, warnings: result.warnings, oversized: result.oversized };
process.stdout.write(`${JSON.stringify(summary)}\n`);
