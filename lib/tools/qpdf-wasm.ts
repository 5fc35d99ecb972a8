import path from 'node:path';

// Paths from the project root (the server and the tests run there), not require.resolve: the
// bundler would turn a resolved .wasm into a module of its own and fail the build.
const WASM = path.join(process.cwd(), 'node_modules', '@neslinesli93', 'qpdf-wasm', 'dist', 'qpdf.wasm');

type QpdfFs = { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array };
type QpdfModule = { callMain(args: string[]): number; FS: QpdfFs };
type CreateQpdf = (options: Record<string, unknown>) => Promise<QpdfModule>;

export type QpdfRun = { code: number; output: string; files: Map<string, Uint8Array> };

/**
 * Runs qpdf compiled to WebAssembly (@neslinesli93/qpdf-wasm, ISC) on files held in its in-memory
 * file system: `inputs` are written under `/`, the named `outputs` are read back when qpdf made
 * them. A fresh module per run (about 30 ms): qpdf's exit leaves the runtime's state behind, and
 * runs on one module would share their files. Exit codes are qpdf's own (0 ok, 2 error, 3 warnings).
 */
export async function runQpdfWasm(args: string[], inputs: Record<string, Uint8Array>, outputs: string[] = []): Promise<QpdfRun> {
  const createModule = (await import('@neslinesli93/qpdf-wasm')).default as unknown as CreateQpdf;
  const lines: string[] = [];
  // This build ignores the print/printErr options: its output goes to console.log/error as they
  // are when the module is created (bound synchronously). Swap them for that one call only, so
  // qpdf's words are kept (a --check answer) and never printed into the server's log.
  const original = { log: console.log, error: console.error };
  const collect = (...parts: unknown[]) => void lines.push(parts.join(' '));
  Object.assign(console, { log: collect, error: collect });
  let pending: Promise<QpdfModule>;
  try {
    pending = createModule({ locateFile: () => WASM });
  } finally {
    Object.assign(console, original);
  }
  const qpdf = await pending;
  for (const [name, data] of Object.entries(inputs)) qpdf.FS.writeFile(`/${name}`, data);
  let code: number;
  try {
    code = qpdf.callMain(args);
  } catch (error) {
    // Emscripten reports exit() by throwing an ExitStatus carrying the code.
    if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') code = error.status;
    else throw error;
  }
  const files = new Map<string, Uint8Array>();
  for (const name of outputs) {
    try {
      files.set(name, qpdf.FS.readFile(`/${name}`));
    } catch {
      // Not written: qpdf failed before its output.
    }
  }
  return { code, output: lines.join('\n'), files };
}
