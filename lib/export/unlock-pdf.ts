import 'server-only';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A readable copy of a PDF that is encrypted only to restrict permissions (no
 * password to open it: many bank and platform statements are made this way),
 * or null when it needs a password or qpdf is not installed. pdf-lib cannot
 * decrypt; qpdf can, with the empty user password. The content is unchanged;
 * the bundle labels the pages as a derived copy.
 */
export async function unlockPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  const dir = await mkdtemp(path.join(tmpdir(), 'appeal-pack-unlock-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    await writeFile(input, bytes);
    try {
      await run('qpdf', ['--decrypt', '--password=', input, output], { timeout: 60_000 });
    } catch (error) {
      // Exit code 3: done, with warnings (a slightly damaged file); anything else: no copy.
      if (!(error && typeof error === 'object' && 'code' in error && error.code === 3)) return null;
    }
    return new Uint8Array(await readFile(output));
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
