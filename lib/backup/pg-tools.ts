import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isExecutable } from '@/lib/tools/system-tool';

type Env = Record<string, string | undefined>;
/** Where Debian's postgresql-client puts one folder per major version (the PATH entries are wrappers). */
const DEBIAN_ROOT = '/usr/lib/postgresql';

/**
 * The path of pg_dump or pg_restore: PG_BIN_DIR if set, else PATH, else the newest of Debian's
 * /usr/lib/postgresql/<version>/bin. Not hidden by APPEAL_PACK_NO_SYSTEM_TOOLS: there is no
 * registry build to fall back to, and a backup that silently does less is worse than an error.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', env: Env = process.env, debianRoot = DEBIAN_ROOT): string {
  const dirs = env.PG_BIN_DIR ? [env.PG_BIN_DIR] : [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...debianVersions(debianRoot)];
  for (const dir of dirs) if (isExecutable(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`${name} was not found (looked in ${env.PG_BIN_DIR ? `PG_BIN_DIR=${env.PG_BIN_DIR}` : `PATH and ${debianRoot}/*/bin`}). Install PostgreSQL's client tools, e.g. \`apt-get install postgresql-client\` (its major version at least the server's), or set PG_BIN_DIR to the folder holding ${name}.`);
}

function debianVersions(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => path.join(root, version, 'bin'));
  } catch {
    return [];
  }
}

/** Prisma's own URL parameters, which libpq refuses ("invalid URI query parameter"). */
const PRISMA_ONLY = ['schema', 'connection_limit', 'pool_timeout', 'socket_timeout', 'pgbouncer', 'statement_cache_size', 'sslaccept'];

/**
 * The connection for a libpq tool: the URL without its password (a command line is visible to
 * every user of the machine in `ps`), which travels in PGPASSWORD instead.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: Env } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  for (const name of PRISMA_ONLY) url.searchParams.delete(name);
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL tool against `databaseUrl`; its stderr becomes the error message when it fails. */
export async function runPgTool(name: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const { url, env } = libpqConnection(databaseUrl);
  const tool = findPgTool(name);
  try {
    await promisify(execFile)(tool, [...args, `--dbname=${url}`], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${name} failed: ${stderr || (error as Error).message}`);
  }
}
