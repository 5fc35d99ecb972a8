import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * Set to 1 to make the app and the tests behave as on a machine with nothing but Node: system
 * binaries (poppler, qpdf, Chromium) are ignored and the WebAssembly or registry builds are used.
 * CI sets it for a second run, so the bare path is proven, not assumed.
 */
export const NO_SYSTEM_TOOLS = 'APPEAL_PACK_NO_SYSTEM_TOOLS';

type Env = Record<string, string | undefined>;

export function systemToolsHidden(env: Env = process.env): boolean {
  const value = env[NO_SYSTEM_TOOLS]?.trim().toLowerCase();
  return !!value && value !== '0' && value !== 'false';
}

/** Whether `file` exists and may be run by this process. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of a system command (pdftoppm, qpdf, chromium…), or null when it is not on
 * PATH or system tools are hidden. An explicit path (e.g. PDFTOPPM_PATH) wins over PATH, but not
 * over hiding: the bare run must not pick up a system binary through a leftover variable.
 * Looked up on PATH rather than by running it: tools disagree on which version flag exits with 0,
 * and a lookup costs no process.
 */
export function findSystemTool(name: string, env: Env = process.env, explicit?: string): string | null {
  if (systemToolsHidden(env)) return null;
  if (explicit) return isExecutable(explicit) ? explicit : null;
  if (name.includes('/')) return isExecutable(name) ? name : null;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}
