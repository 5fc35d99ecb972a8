import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { renderPageWasm } from '@/lib/tools/pdfium';
import { runQpdfWasm } from '@/lib/tools/qpdf-wasm';
import { findSystemTool } from '@/lib/tools/system-tool';

/**
 * Reading generated PDFs back in tests, with poppler and qpdf where the machine has them and with
 * registry builds where it does not (pdf.js for text, qpdf as WebAssembly): no check is skipped
 * for want of a system tool. Both paths answer in pdftotext's shape: pages joined by form feeds.
 */
export type PdfSource = string | Uint8Array;
export type PageRange = { first?: number; last?: number };
export type Word = { xMin: number; xMax: number; yMax: number; text: string };

const bytesOf = (source: PdfSource) => (typeof source === 'string' ? new Uint8Array(readFileSync(source)) : source);

type TextItem = { str: string; transform: number[]; width: number; height: number };
const isText = (item: object): item is TextItem => 'str' in item && typeof item.str === 'string' && item.str.trim() !== '';

async function pdfjsPages(source: PdfSource, { first = 1, last }: PageRange): Promise<TextItem[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Buffer: hand it a plain copy.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytesOf(source)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: TextItem[][] = [];
    for (let n = first; n <= (last ?? doc.numPages); n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push((content.items as object[]).filter(isText));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Words of a page (or runs of text drawn at once, for pdf.js) with their boxes in points from the top. */
export async function pdfWords(source: PdfSource, page: number): Promise<Word[]> {
  const pdftotext = findSystemTool('pdftotext');
  if (pdftotext) {
    const xml = execFileSync(pdftotext, ['-bbox', '-f', String(page), '-l', String(page), '-', '-'], { input: bytesOf(source), encoding: 'utf8' });
    return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), xMax: Number(m[2]), yMax: Number(m[3]), text: m[4] ?? '',
    }));
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytesOf(source)), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const p = await doc.getPage(page);
    const [, , , top] = p.view as [number, number, number, number];
    const items = ((await p.getTextContent()).items as object[]).filter(isText);
    return items.flatMap((item) => splitWords(item, top));
  } finally {
    await doc.destroy();
  }
}

/** A run of text split at spaces into words, each given its share of the run's width (pdftotext -bbox's words). */
function splitWords(item: TextItem, top: number): Word[] {
  const [, , , , x = 0, y = 0] = item.transform;
  const perChar = item.str.length ? item.width / item.str.length : 0;
  return [...item.str.matchAll(/\S+/g)].map((m) => ({
    xMin: x + (m.index ?? 0) * perChar,
    xMax: x + ((m.index ?? 0) + m[0].length) * perChar,
    yMax: top - y,
    text: m[0].replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c),
  }));
}

/** Lines of a page: runs on one baseline, left to right, spaced as they stand apart (like -layout, roughly). */
function layoutPage(items: TextItem[]): string {
  const rows = new Map<number, TextItem[]>();
  for (const item of items) {
    const y = Math.round(item.transform[5] ?? 0);
    const row = [...rows.keys()].find((key) => Math.abs(key - y) <= 2) ?? y;
    rows.set(row, [...(rows.get(row) ?? []), item]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => {
      let line = '';
      let end = -Infinity;
      for (const item of row.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0))) {
        const x = item.transform[4] ?? 0;
        const gap = x - end;
        if (line && gap > 1) line += ' '.repeat(Math.max(1, Math.min(8, Math.round(gap / 6))));
        line += item.str;
        end = x + item.width;
      }
      return line;
    })
    .join('\n');
}

/** The text of a PDF, pages joined by form feeds, as `pdftotext -layout` gives it. */
export async function pdfText(source: PdfSource, range: PageRange = {}): Promise<string> {
  const pdftotext = findSystemTool('pdftotext');
  if (pdftotext) {
    const pages = range.first ? ['-f', String(range.first), '-l', String(range.last ?? range.first)] : [];
    return execFileSync(pdftotext, ['-layout', ...pages, '-', '-'], { input: bytesOf(source), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }
  const last = range.first ? (range.last ?? range.first) : undefined;
  return `${(await pdfjsPages(source, { first: range.first, last })).map(layoutPage).join('\n\f')}\n\f`;
}

/** qpdf's structural check (`qpdf --check`): ok, and what it said. */
export async function qpdfCheck(source: PdfSource): Promise<{ ok: boolean; output: string }> {
  const qpdf = findSystemTool('qpdf');
  if (qpdf) {
    // qpdf reads no stdin: hand it a file.
    const dir = mkdtempSync(path.join(tmpdir(), 'qpdf-check-'));
    try {
      const file = typeof source === 'string' ? source : path.join(dir, 'in.pdf');
      if (typeof source !== 'string') writeFileSync(file, source);
      return { ok: true, output: execFileSync(qpdf, ['--check', file], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      return { ok: false, output: String(error) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const run = await runQpdfWasm(['--check', '/in.pdf'], { 'in.pdf': bytesOf(source) });
  return { ok: run.code === 0, output: run.output };
}

/** A PDF run through qpdf with arguments before `--` (e.g. `--encrypt …`), as WebAssembly: the same fixture on any machine. */
export async function qpdfTransform(source: PdfSource, args: string[]): Promise<Uint8Array> {
  const run = await runQpdfWasm([...args, '--', '/in.pdf', '/out.pdf'], { 'in.pdf': bytesOf(source) }, ['out.pdf']);
  const out = run.files.get('out.pdf');
  if (run.code !== 0 || !out) throw new Error(`qpdf ${args.join(' ')} failed: ${run.output}`);
  return out;
}

/** The first page as grey pixels (8 bits each, PGM from pdftoppm or raw from PDFium): to compare two renderings by one engine. */
export async function pdfPageGray(source: PdfSource, dpi: number): Promise<Buffer> {
  const pdftoppm = findSystemTool('pdftoppm');
  if (pdftoppm) return execFileSync(pdftoppm, ['-r', String(dpi), '-gray', '-singlefile', '-f', '1', '-l', '1', '-'], { input: bytesOf(source) });
  return sharp(await renderPageWasm(bytesOf(source), dpi)).greyscale().raw().toBuffer();
}
