// Hand-written types for data-dir.mjs (plain JS so bare `node` scripts can import it).

/** Absolute path of the data directory (env DATA_DIR, default ./data); created if missing. */
export function dataDir(): string;

/** 'postgresql' when DATABASE_URL is a postgres(ql):// URL, else 'sqlite'. */
export function databaseProvider(): 'sqlite' | 'postgresql';

/** Absolute path of the SQLite file: <DATA_DIR>/app.db, or the file named by DATABASE_URL. */
export function databaseFile(): string;

/** DATABASE_URL on PostgreSQL; else `file:<absolute path>` for PrismaBetterSqlite3({ url }). */
export function databaseUrl(): string;
