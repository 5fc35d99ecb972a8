import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * One process of the production build (`node server.mjs` or `node worker.mjs`) with its own data
 * folder, as on its own machine: what the instances share is only the database and the bucket
 * (and the auth secret, which every instance of one deployment must be given).
 */
export class AppProcess {
  private child: ChildProcess | undefined;
  private log: string[] = [];

  constructor(
    readonly name: string,
    private readonly script: 'server.mjs' | 'worker.mjs',
    private readonly env: Record<string, string>,
    readonly port = 0,
  ) {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get dataDir(): string {
    return path.join(ROOT, 'e2e', `.data-scale-${this.name}`);
  }

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  /** Starts the process and waits until it says it is ready (a server: answers its login page). */
  async start(): Promise<void> {
    this.log = [];
    const env = { ...process.env, ...this.env, NODE_ENV: 'production' as const, DATA_DIR: this.dataDir, NEXT_TELEMETRY_DISABLED: '1', LOOP_WARN_MS: '0', ...(this.port ? { PORT: String(this.port), BETTER_AUTH_URL: this.url } : {}) };
    const child = spawn(process.execPath, [this.script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (this.log = [...this.log, chunk.toString()].slice(-60));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited at start:\n${this.output()}`);
      const ready = this.port ? await fetch(`${this.url}/login`).then((r) => r.ok, () => false) : this.output().includes('[queue] claiming jobs');
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} not ready within 90 s:\n${this.output()}`);
  }

  /** kill -9, as a lost machine or the OOM killer would: nothing is flushed, no hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  output(): string {
    return this.log.join('');
  }
}
