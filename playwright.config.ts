import { defineConfig, devices } from '@playwright/test';
import { E2E_DATA_DIR, E2E_DATABASE_URL } from './e2e/support/paths';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: './e2e',
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
    launchOptions: {
      // Playwright cannot download its own browsers here: use Debian's Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
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
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
