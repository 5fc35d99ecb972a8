import 'server-only';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runQpdfWasm } from '@/lib/tools/qpdf-wasm';
import { findSystemTool } from '@/lib/tools/system-tool';

const run = promisify(execFile);
const DECRYPT = ['--decrypt', '--password='];
// Exit code 3: done, with warnings (a slightly damaged file); anything else but 0: no copy.
const succeeded = (code: unknown) => code === 0 || code === 3;

async function unlockWithSystemQpdf(qpdf: string, bytes: Uint8Array): Promise<Uint8Array | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'appeal-pack-unlock-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await writeFile(input, bytes);
    try {
      await run(qpdf, [...DECRYPT, input, output], { timeout: 60_000 });
    } catch (error) {
      if (!(error && typeof error === 'object' && 'code' in error && succeeded(error.code))) return null;
    }
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function unlockWithWasm(bytes: Uint8Array): Promise<Uint8Array | null> {
  const result = await runQpdfWasm([...DECRYPT, '/in.pdf', '/out.pdf'], { 'in.pdf': bytes }, ['out.pdf']);
  return succeeded(result.code) ? (result.files.get('out.pdf') ?? null) : null;
}

/**
 * A readable copy of a PDF that is encrypted only to restrict permissions (no
 * password to open it: many bank and platform statements are made this way),
 * or null when it needs a password. pdf-lib cannot decrypt; qpdf can, with the
 * empty user password: the system's where installed, else qpdf as WebAssembly.
 * The content is unchanged; the bundle labels the pages as a derived copy.
 */
export async function unlockPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  const qpdf = findSystemTool('qpdf');
  try {
    return qpdf ? await unlockWithSystemQpdf(qpdf, bytes) : await unlockWithWasm(bytes);
  } catch {
    return null;
  }
}
