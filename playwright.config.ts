import { defineConfig, devices } from '@playwright/test';
import { chooseBrowser } from './e2e/support/browser';
import { E2E_DATA_DIR, E2E_DATABASE_URL, e2eS3Env } from './e2e/support/paths';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// E2E_STORAGE=s3: the app keeps its files in an s3rver started first, on a fresh folder.
const s3 = e2eS3Env();
const s3Server = s3 && {
  command: `rm -rf "${E2E_DATA_DIR}-s3" && node --import jiti/register lib/testing/s3-server.ts`,
  port: Number(new URL(s3.S3_ENDPOINT!).port),
  reuseExistingServer: false,
  timeout: 30_000,
  env: { S3_DEV_PORT: new URL(s3.S3_ENDPOINT!).port, S3_DEV_DIR: `${E2E_DATA_DIR}-s3`, S3_DEV_BUCKET: 'appeal-pack-e2e' },
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
};
const browser = chooseBrowser();

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    // CHROMIUM_PATH, Playwright's own, the system's, or the one inside @sparticuz/chromium (e2e/support/browser.ts).
    launchOptions: {
      executablePath: browser.executablePath,
      args: browser.args,
      ...(browser.env ? { env: { ...process.env, ...browser.env } } : {}),
    },
  },
  webServer: [
    ...(s3Server ? [s3Server] : []),
    {
      // The production build (`npm run build` runs first in `npm test`), on a fresh data directory
      // (and, with E2E_DATABASE_URL, an emptied PostgreSQL database).
      command: `rm -rf "${E2E_DATA_DIR}" && ${E2E_DATABASE_URL ? 'node prisma/tools/migrate.mjs reset && ' : ''}npm run serve`,
      url: `${baseURL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(PORT),
        DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: E2E_DATABASE_URL,
        BETTER_AUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: '1',
        // The per-address flood guard shares one bucket on loopback; the per-account
        // login throttle, which these tests cover, stays on.
        AUTH_RATE_LIMIT: 'off',
        ...s3,
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
