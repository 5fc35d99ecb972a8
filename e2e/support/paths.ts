import path from 'node:path';

/** The e2e server's own data directory, wiped at the start of every run. */
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, '..', '.data');
