// Where the app keeps its state: one data directory (uploads, secrets, the SQLite file).
// Plain JavaScript on purpose: the Next.js app, prisma.config.ts and the migration
// scripts under prisma/tools/ (run by bare `node`, no TypeScript loader) all import it,
// so there is exactly one answer to "which database?".
//
//   DATA_DIR      data directory; default ./data, relative to the project root (cwd)
//   DATABASE_URL  optional `file:` URL that overrides <DATA_DIR>/app.db
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

/** Absolute path of the SQLite database file; its directory is created if missing. */
export function databaseFile() {
  const override = process.env.DATABASE_URL;
  if (!override) return path.join(dataDir(), 'app.db');
  const file = fileFromUrl(override);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/**
 * `file:` URL for PrismaBetterSqlite3({ url }). Deliberately `file:` + plain absolute
 * path, not a percent-encoded file:/// URL: the adapter only strips the `file:` prefix
 * and hands the rest to better-sqlite3, so "%20" would end up in the file name.
 */
export function databaseUrl() {
  return `file:${databaseFile()}`;
}

// Accepts file:./rel.db, file:rel.db, file:/abs.db and file:///abs.db; a query string
// (?connection_limit=1 and similar, from Prisma habits) is ignored.
function fileFromUrl(url) {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url.split(':')[0]}:..."`);
  }
  const bare = url.replace(/\?.*$/, '');
  if (bare.startsWith('file://')) return fileURLToPath(bare);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), bare.slice('file:'.length));
}
