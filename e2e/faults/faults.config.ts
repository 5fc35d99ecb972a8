import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run test:faults`: the server killed at random moments and restarted, then a small disk
 * filled. It manages its own server processes (no webServer), one test at a time.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.run.ts',
  // Paths in the base config are relative to the project root; these to this folder.
  globalSetup: '../support/global-setup.ts',
  outputDir: '../../test-results/faults',
  webServer: undefined,
  workers: 1,
  timeout: 30 * 60_000,
  use: { ...base.use, baseURL: undefined },
});
