import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run test:scale`: the app as several machines run it, on PostgreSQL (E2E_DATABASE_URL,
 * emptied first) and an S3-compatible store (an s3rver the test starts): two app instances on two
 * ports and one job worker, started and killed by the test itself (no webServer).
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.run.ts',
  globalSetup: ['../support/global-setup.ts', './database.ts'],
  outputDir: '../../test-results/scale',
  webServer: undefined,
  workers: 1,
  timeout: 4 * 60_000,
  use: { ...base.use, baseURL: undefined },
});
