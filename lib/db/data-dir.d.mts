// Hand-written types for data-dir.mjs (plain JS so bare `node` scripts can import it).

/** Absolute path of the data directory (env DATA_DIR, default ./data); created if missing. */
export function dataDir(): string;

/** Absolute path of the SQLite file: <DATA_DIR>/app.db, or the file named by DATABASE_URL. */
export function databaseFile(): string;

/** `file:<absolute path>` URL for PrismaBetterSqlite3({ url }). */
export function databaseUrl(): string;
