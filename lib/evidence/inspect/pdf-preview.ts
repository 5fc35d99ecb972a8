import 'server-only';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderPageWasm } from '@/lib/tools/pdfium';
import { findSystemTool } from '@/lib/tools/system-tool';

const run = promisify(execFile);

async function renderWithPoppler(pdftoppm: string, pdf: Uint8Array, dpi: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pdf-preview-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await run(pdftoppm, ['-f', '1', '-l', '1', '-r', String(dpi), '-png', '-singlefile', input, path.join(dir, 'page')], { timeout: 20_000 });
    return await readFile(path.join(dir, 'page.png'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The first page of a PDF as a PNG: by poppler's pdftoppm where the machine has it (faster, and
 * it finds system fonts for PDFs that do not embed theirs), else by PDFium as WebAssembly, so a
 * bare Node machine makes previews too. Null when neither can: a preview is a convenience, never
 * a condition for accepting the file.
 */
export async function renderFirstPage(pdf: Uint8Array, dpi = 50): Promise<Buffer | null> {
  const pdftoppm = findSystemTool('pdftoppm', process.env, process.env.PDFTOPPM_PATH);
  try {
    return pdftoppm ? await renderWithPoppler(pdftoppm, pdf, dpi) : await renderPageWasm(pdf, dpi);
  } catch {
    return null;
  }
}
