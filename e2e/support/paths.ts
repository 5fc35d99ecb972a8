import path from 'node:path';

/**
 * The e2e server's own data directory, wiped at the start of every run. E2E_DATA_DIR lets two runs
 * (each with its own E2E_PORT and NEXT_DIST_DIR) share a checkout.
 */
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR || path.resolve(import.meta.dirname, '..', '.data');

/**
 * With E2E_STORAGE=s3 the app under test keeps its files in a bucket of an s3rver that
 * playwright.config.ts starts beside it (port E2E_S3_PORT, default E2E_PORT + 1000): these are
 * the variables both the app and the tests' own store read. Otherwise null: local disk.
 */
export function e2eS3Env(env: Record<string, string | undefined> = process.env): Record<string, string> | null {
  if (env.E2E_STORAGE !== 's3') return null;
  const port = Number(env.E2E_S3_PORT || Number(env.E2E_PORT ?? 3100) + 1000);
  return {
    STORAGE_URL: 's3://appeal-pack-e2e/app',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: '1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
}
/** With E2E_DATABASE_URL=postgresql://… the server and the fixtures use that database (emptied at the start); else SQLite in E2E_DATA_DIR. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? '';
