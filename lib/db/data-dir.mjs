// Where the app keeps its state: one data directory (uploads, secrets, the SQLite file).
// Plain JavaScript on purpose: the Next.js app, prisma.config.ts and the migration
// scripts under prisma/tools/ (run by bare `node`, no TypeScript loader) all import it,
// so there is exactly one answer to "which database?".
//
//   DATA_DIR      data directory; default ./data, relative to the project root (cwd)
//   DATABASE_URL  optional: a `file:` URL overrides <DATA_DIR>/app.db (SQLite); a
//                 `postgresql://` (or `postgres://`) URL runs the app on PostgreSQL instead
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the data directory, created if missing. */
export function dataDir() {
  // The data directory is runtime state, not source: keep Turbopack from tracing it.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR || 'data');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Which database DATABASE_URL names: PostgreSQL for a postgres(ql):// URL, else the SQLite default. */
export function databaseProvider() {
  return /^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? '') ? 'postgresql' : 'sqlite';
}

/** Absolute path of the SQLite database file; its directory is created if missing. */
export function databaseFile() {
  const override = process.env.DATABASE_URL;
  if (!override) return path.join(dataDir(), 'app.db');
  const file = fileFromUrl(override);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/**
 * The URL the driver adapter opens: DATABASE_URL itself on PostgreSQL; on SQLite a
 * `file:` URL for PrismaBetterSqlite3({ url }). Deliberately `file:` + plain absolute
 * path, not a percent-encoded file:/// URL: the adapter only strips the `file:` prefix
 * and hands the rest to better-sqlite3, so "%20" would end up in the file name.
 */
export function databaseUrl() {
  if (databaseProvider() === 'postgresql') return process.env.DATABASE_URL;
  return `file:${databaseFile()}`;
}

// Accepts file:./rel.db, file:rel.db, file:/abs.db and file:///abs.db; a query string
// (?connection_limit=1 and similar, from Prisma habits) is ignored.
function fileFromUrl(url) {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${url.split(':')[0]}:..."`);
  }
  const bare = url.replace(/\?.*$/, '');
  if (bare.startsWith('file://')) return fileURLToPath(bare);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), bare.slice('file:'.length));
}
