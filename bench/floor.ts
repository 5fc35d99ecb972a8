/**
 * The floor under the export (issue #15): what the tools underneath take for the photo and PDF part
 * of the heavy case, with none of the bundle's own work (typesetting, stamps, contents, size fitting).
 * On the case bench/export.ts set up: re-encodes the 120 photo previews with libvips (sharp) two at
 * a time at 160 DPI, places them one per A4 page with pdf-lib, merges that document and the 20
 * uploaded PDFs with qpdf (the system's, else the WebAssembly build the app ships), and writes
 * bench/out/floor.pdf. Prints one JSON line (FloorResult) on stdout for the parent.
 *
 * Run by: npm run bench:export (in a child process, like bench/export-run.ts)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { db } from '@/lib/db/client';
import { A4, MARGIN } from '@/lib/pdf/layout';
import { blobStore } from '@/lib/storage';
import { runQpdfWasm } from '@/lib/tools/qpdf-wasm';
import { findSystemTool } from '@/lib/tools/system-tool';
import { peakRssMb } from './peak-rss';

export type FloorResult = { seconds: number; cpuSeconds: number; peakRssMb: number; photos: number; pdfs: number; pages: number; sizeMb: number; qpdf: string; phases: Record<string, number> };

// The export's second image step (lib/export/images.ts IMAGE_LEVELS[1]): what the heavy case lands on.
const DPI = 160;
const QUALITY = 72;
const BOX = { width: A4[0] - MARGIN.left - MARGIN.right, height: A4[1] - MARGIN.top - MARGIN.bottom };

async function read(key: string): Promise<Buffer> {
  const stream = await blobStore().get(key);
  if (!stream) throw new Error(`missing from storage: ${key}`);
  return buffer(stream);
}

/** Upright, fitted to the page's box at 160 DPI, as one JPEG; two run at once (libvips uses the core the other leaves). */
async function reencode(previews: Buffer[]): Promise<Array<{ jpeg: Buffer; width: number; height: number }>> {
  const out: Array<{ jpeg: Buffer; width: number; height: number }> = [];
  let next = 0;
  const lane = async () => {
    while (next < previews.length) {
      const i = next++;
      const image = sharp(previews[i]).rotate();
      const { width = 1, height = 1 } = await image.clone().metadata().then((m) => ((m.orientation ?? 1) >= 5 ? { width: m.height, height: m.width } : m));
      const scale = Math.min(BOX.width / width, BOX.height / height);
      const targetW = Math.min(width, Math.round(((width * scale) / 72) * DPI));
      const { data, info } = await image.resize({ width: targetW, withoutEnlargement: true }).jpeg({ quality: QUALITY }).toBuffer({ resolveWithObject: true });
      out[i] = { jpeg: data, width: info.width, height: info.height };
    }
  };
  await Promise.all([lane(), lane()]);
  return out;
}

async function place(images: Array<{ jpeg: Buffer; width: number; height: number }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const { jpeg, width, height } of images) {
    const page = doc.addPage(A4);
    const scale = Math.min(BOX.width / width, BOX.height / height);
    page.drawImage(await doc.embedJpg(jpeg), { x: MARGIN.left, y: A4[1] - MARGIN.top - height * scale, width: width * scale, height: height * scale });
  }
  return doc.save();
}

/**
 * qpdf --empty --pages photos.pdf 1-z a.pdf 1-z … -- out.pdf: the system's binary on temporary files, else the
 * WebAssembly build in memory. The ranges are spelled out: the WebAssembly build (an older qpdf) reads the
 * argument after a file as its range and fails on the next file name.
 */
async function merge(photos: Uint8Array, pdfs: Buffer[]): Promise<{ bytes: Uint8Array; tool: string }> {
  const names = ['photos.pdf', ...pdfs.map((_, i) => `in-${i}.pdf`)];
  const inputs: Record<string, Uint8Array> = Object.fromEntries(names.map((name, i) => [name, i === 0 ? photos : (pdfs[i - 1] as Buffer)]));
  const system = findSystemTool('qpdf');
  if (!system) {
    const run = await runQpdfWasm(['--empty', '--pages', ...names.flatMap((n) => [`/${n}`, '1-z']), '--', '/out.pdf'], inputs, ['out.pdf']);
    const bytes = run.files.get('out.pdf');
    if (!bytes || (run.code !== 0 && run.code !== 3)) throw new Error(`qpdf (wasm) failed: ${run.code} ${run.output}`);
    return { bytes, tool: 'qpdf wasm' };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-floor-'));
  try {
    await Promise.all(names.map((name) => writeFile(path.join(dir, name), inputs[name] as Uint8Array)));
    await promisify(execFile)(system, ['--empty', '--pages', ...names.flatMap((n) => [path.join(dir, n), '1-z']), '--', path.join(dir, 'out.pdf')]);
    return { bytes: await readFile(path.join(dir, 'out.pdf')), tool: `system ${system}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const caseId = process.argv[2];
if (!caseId) throw new Error('usage: floor.ts <caseId> (run through npm run bench:export)');
// Located before the clock starts; reading the bytes is timed, as the export reads them too.
const evidence = await db.evidence.findMany({ where: { caseId }, orderBy: { storageKey: 'asc' }, select: { kind: true, storageKey: true, previewKey: true } });
const previewKeys = evidence.filter((e) => e.kind === 'jpeg' && e.previewKey).map((e) => e.previewKey as string);
const pdfKeys = evidence.filter((e) => e.kind === 'pdf').map((e) => e.storageKey);

const cpu = process.cpuUsage();
const started = performance.now();
const phases: Record<string, number> = {};
let lap = started;
const mark = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - lap) / 1000;
  lap = now;
};
const [previews, pdfs] = await Promise.all([Promise.all(previewKeys.map(read)), Promise.all(pdfKeys.map(read))]);
mark('read');
const images = await reencode(previews);
mark('reencode');
const photos = await place(images);
mark('place');
const merged = await merge(photos, pdfs);
mark('merge');
const file = path.resolve('bench/out/floor.pdf');
await writeFile(file, merged.bytes);
mark('write');
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const pages = (await PDFDocument.load(merged.bytes, { updateMetadata: false })).getPageCount();
const result: FloorResult = {
  seconds,
  cpuSeconds: (used.user + used.system) / 1e6,
  peakRssMb: peakRssMb(),
  photos: previews.length,
  pdfs: pdfs.length,
  pages,
  sizeMb: merged.bytes.length / 1024 / 1024,
  qpdf: merged.tool,
  phases,
};
await db.$disconnect();
process.stdout.write(`${JSON.stringify(result)}\n`);
