import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The production server (`node server.mjs`, the build `npm test` made) on its own data folder, to
 * be killed with SIGKILL as a power cut or the OOM killer would, and started again.
 */
export class AppServer {
  private child: ChildProcess | undefined;
  private log: string[] = [];

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://localhost:${this.port}`;
  }

  private get env(): NodeJS.ProcessEnv {
    return { ...process.env, NODE_ENV: 'production', PORT: String(this.port), DATA_DIR: this.dataDir, DATABASE_URL: '', BETTER_AUTH_URL: this.url, AUTH_RATE_LIMIT: 'off', NEXT_TELEMETRY_DISABLED: '1', LOOP_WARN_MS: '0' };
  }

  /** Applies the migrations to a new data folder (as `npm run serve` does before starting). */
  migrate(): void {
    const run = spawnSync(process.execPath, ['prisma/tools/migrate.mjs', 'deploy'], { cwd: ROOT, env: this.env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`migrate failed: ${run.stderr}`);
  }

  /**
   * Starts the server and waits until it answers its login page; with `{ request: false }` only
   * until it says it is ready, so that no request reaches it (what happens at start-up alone).
   */
  async start({ request = true } = {}): Promise<void> {
    this.log = [];
    const child = spawn(process.execPath, ['server.mjs'], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (this.log = [...this.log, chunk.toString()].slice(-40));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited at start:\n${this.log.join('')}`);
      const ready = request ? await fetch(`${this.url}/login`).then((r) => r.ok, () => false) : this.output().includes('> Ready on');
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`server did not answer within 90 s:\n${this.log.join('')}`);
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  output(): string {
    return this.log.join('');
  }
}
