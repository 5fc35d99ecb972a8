import 'server-only';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The first page of a PDF as a PNG, rendered by poppler's pdftoppm where the
 * machine has it (Debian: poppler-utils), or null: a preview is a convenience,
 * never a condition for accepting the file.
 */
export async function renderFirstPage(pdf: Uint8Array, dpi = 50): Promise<Buffer | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pdf-preview-'));
  try {
    const input = path.join(dir, 'in.pdf');
    await writeFile(input, pdf);
    await run(process.env.PDFTOPPM_PATH ?? 'pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), '-png', '-singlefile', input, path.join(dir, 'page')], { timeout: 20_000 });
    return await readFile(path.join(dir, 'page.png'));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
