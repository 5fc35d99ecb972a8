import 'server-only';
import pg from 'pg';
import { databaseUrl } from '@/lib/db/data-dir.mjs';

/**
 * One worker at a time per case, across machines: a PostgreSQL session advisory lock per case,
 * held on this process's own connection for as long as one of the case's jobs runs here. A worker
 * that dies (kill -9, a lost machine) loses its connection and so its locks: that is also how the
 * others tell a dead worker's job from a slow one (reaper.ts), within seconds instead of waiting
 * for the job to expire.
 */
export class CaseLocks {
  private readonly held = new Set<string>();

  private constructor(private readonly client: pg.Client) {}

  static async open(onLost: (error: Error) => void): Promise<CaseLocks> {
    const client = new pg.Client({ connectionString: databaseUrl(), application_name: 'appeal-pack-case-locks' });
    // Without its connection this process no longer holds its cases: the caller decides what then.
    client.on('error', onLost);
    await client.connect();
    return new CaseLocks(client);
  }

  /** Takes the case's lock unless a job of the case runs anywhere (here included); false if taken. */
  async tryLock(caseId: string): Promise<boolean> {
    // Session locks are re-entrant for their holder: the set stops a second job of a case here.
    if (this.held.has(caseId)) return false;
    this.held.add(caseId);
    const { rows } = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [lockName(caseId)]);
    if (!rows[0]?.ok) this.held.delete(caseId);
    return !!rows[0]?.ok;
  }

  async unlock(caseId: string): Promise<void> {
    if (!this.held.delete(caseId)) return;
    await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockName(caseId)]);
  }

  /** Whether a job of the case runs anywhere, by trying its lock for an instant. */
  async busy(caseId: string): Promise<boolean> {
    if (!(await this.tryLock(caseId))) return true;
    await this.unlock(caseId);
    return false;
  }

  async close(): Promise<void> {
    this.held.clear();
    await this.client.end();
  }
}

function lockName(caseId: string): string {
  return `appeal-pack:case:${caseId}`;
}
