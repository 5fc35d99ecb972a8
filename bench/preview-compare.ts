/**
 * Renders the same first page with poppler's pdftoppm and with PDFium as WebAssembly, prints their
 * sizes, how many pixels differ and how long each took, and writes both PNGs to bench/out/ to look
 * at side by side. The page: Chinese in the app's embedded Noto Sans SC, Latin in Helvetica, a
 * filled box and a thin table rule. A script that prints figures, not a timed test.
 *
 * Run: npm run bench:preview [-- dpi]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { embedChineseFonts } from '@/lib/pdf/fonts';
import { renderPageWasm } from '@/lib/tools/pdfium';
import { findSystemTool } from '@/lib/tools/system-tool';

const dpi = Number(process.argv[2] ?? 50);
const chinese = '申诉证据包 顺丰面单 订单号 1234567890123456789 发货时间 2026-11-11';
const doc = await PDFDocument.create();
const page = doc.addPage([595, 842]);
const { regular } = await embedChineseFonts(doc, chinese);
page.drawText(chinese, { x: 40, y: 780, size: 16, font: regular });
page.drawText('Waybill SF1234567890 / weight 1.25 kg', { x: 40, y: 740, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
page.drawRectangle({ x: 40, y: 420, width: 300, height: 200, color: rgb(0.1, 0.3, 0.7) });
page.drawLine({ start: { x: 40, y: 380 }, end: { x: 555, y: 380 }, thickness: 0.5 });
const pdf = await doc.save();

mkdirSync('bench/out', { recursive: true });
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-preview-'));
try {
  const pdftoppm = findSystemTool('pdftoppm');
  let t = performance.now();
  const wasm = await renderPageWasm(pdf, dpi);
  console.log(`pdfium (wasm, first call incl. load): ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  await renderPageWasm(pdf, dpi);
  console.log(`pdfium (wasm, warm): ${(performance.now() - t).toFixed(0)} ms`);
  writeFileSync('bench/out/preview-pdfium.png', wasm);
  if (!pdftoppm) {
    console.log('no system pdftoppm: nothing to compare with');
  } else {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    t = performance.now();
    execFileSync(pdftoppm, ['-f', '1', '-l', '1', '-r', String(dpi), '-png', '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    console.log(`pdftoppm (process): ${(performance.now() - t).toFixed(0)} ms`);
    const poppler = readFileSync(path.join(dir, 'page.png'));
    writeFileSync('bench/out/preview-poppler.png', poppler);
    const [a, b] = await Promise.all([poppler, wasm].map((png) => sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })));
    console.log(`size: poppler ${a!.info.width}×${a!.info.height}, pdfium ${b!.info.width}×${b!.info.height}; bytes ${poppler.length} vs ${wasm.length}`);
    for (const threshold of [32, 96]) {
      const differing = a!.data.filter((v, i) => Math.abs(v - (b!.data[i] ?? 255)) > threshold).length;
      console.log(`pixels differing by more than ${threshold}/255: ${((100 * differing) / a!.data.length).toFixed(2)} %`);
    }
  }
  console.log('wrote bench/out/preview-*.png');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
