import { execFileSync } from 'node:child_process';

/** Whether a command-line tool (poppler's pdftoppm, pdftotext…) is installed, for tests that need it. */
export function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
