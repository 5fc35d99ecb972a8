import { spawnSync } from 'node:child_process';

/**
 * Whether a command-line tool (poppler's pdftoppm, pdftotext, qpdf…) is installed, for tests that
 * need it. Only "not found" counts: tools disagree on which version flag exits with 0.
 */
export function hasTool(tool: string): boolean {
  const run = spawnSync(tool, ['--version'], { stdio: 'ignore' });
  return !(run.error && 'code' in run.error && run.error.code === 'ENOENT');
}
