/**
 * The scan-heavy case's files for bench/scans.ts (issue #15): 40 scanned PDFs of 50 pages, each page
 * one A4 colour JPEG at 150 DPI of about 1 MB, so about 50 MB a file and 2,000 page-sized images in
 * all. The pixels are paper with strong grain and dark bands where a scan has lines of text: noise
 * is what keeps a JPEG from compressing away, and a copier's scan of a creased, grey form is not far
 * from it. Deterministic (seeded), written once under <BENCH_DATA_DIR>/scans-v1 and reused.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

export const SCAN_FILES = 40;
export const SCAN_PAGES = 50;
// Bump when the generator changes: older files are then regenerated, never trusted.
const VERSION = 'scans-v1';
const A4 = [595.28, 841.89] as const;
const W = 1240; // A4 at 150 DPI
const H = 1754;

/** mulberry32, as in bench/export.ts. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** 8 MB of grain in paper tones, shared by every page; each page starts at its own offset. */
function grain(): Buffer {
  const next = rng(2026);
  const out = Buffer.alloc(8 << 20);
  for (let i = 0; i < out.length; i++) out[i] = 110 + (next() % 128);
  return out;
}

function pagePixels(noise: Buffer, seed: number): Buffer {
  const next = rng(seed);
  const px = Buffer.alloc(W * H * 3);
  let offset = next() % noise.length;
  for (let at = 0; at < px.length; ) {
    const n = Math.min(px.length - at, noise.length - offset);
    noise.copy(px, at, offset, offset + n);
    at += n;
    offset = (offset + n) % noise.length;
  }
  // Lines of "text": dark bands of varying length, as a table or a form has them.
  for (let y = 120 + (next() % 40); y < H - 120; y += 34 + (next() % 12)) {
    const x0 = 90 + (next() % 60);
    const x1 = Math.min(W - 90, x0 + 300 + (next() % 800));
    for (let row = y; row < y + 14; row++) px.fill(40 + (next() % 30), (row * W + x0) * 3, (row * W + x1) * 3);
  }
  return px;
}

async function scanPdf(index: number, noise: Buffer): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let p = 0; p < SCAN_PAGES; p++) {
    const jpeg = await sharp(pagePixels(noise, index * 1000 + p), { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
    const page = doc.addPage([A4[0], A4[1]]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: A4[0], height: A4[1] });
  }
  doc.setTitle(`扫描件 ${index + 1}`);
  doc.setCreationDate(new Date(Date.UTC(2026, 10, 1 + (index % 20))));
  doc.setModificationDate(new Date(Date.UTC(2026, 10, 1 + (index % 20))));
  return doc.save();
}

/** The 40 scan files, generating those missing; returns their paths in order and how many were made now. */
export async function scanCorpus(dataDir: string, log: (line: string) => void): Promise<{ files: string[]; generated: number }> {
  const dir = path.join(dataDir, VERSION);
  mkdirSync(dir, { recursive: true });
  const files = Array.from({ length: SCAN_FILES }, (_, i) => path.join(dir, `扫描件_采购与入库凭证_${String(i + 1).padStart(2, '0')}.pdf`));
  let noise: Buffer | undefined;
  let generated = 0;
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    if (existsSync(file)) continue;
    noise ??= grain();
    // Through a temporary name: an interrupted run never leaves a half file a later run would trust.
    writeFileSync(`${file}.part`, await scanPdf(i, noise));
    renameSync(`${file}.part`, file);
    generated++;
    if (generated % 5 === 0) log(`  scans: ${generated} generated, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { files, generated };
}
