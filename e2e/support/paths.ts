import path from 'node:path';

/**
 * The e2e server's own data directory, wiped at the start of every run. E2E_DATA_DIR lets two runs
 * (each with its own E2E_PORT and NEXT_DIST_DIR) share a checkout.
 */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || path.resolve(import.meta.dirname, '..', '.data');

/** With E2E_DATABASE_URL=postgresql://… the server and the fixtures use that database (emptied at the start); else SQLite in E2E_DATA_DIR. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? '';
