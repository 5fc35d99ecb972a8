import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests that touch the database get a fresh data directory per run, and with
// TEST_DATABASE_URL=postgresql://… a fresh PostgreSQL database beside the one it names
// (created and dropped by lib/testing/global-setup.ts) instead of the SQLite file.
const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'appeal-pack-unit-'));
process.env.DATA_DIR = DATA_DIR;
const DATABASE_URL = process.env.TEST_DATABASE_URL ? testDatabaseUrl(process.env.TEST_DATABASE_URL) : '';
process.env.DATABASE_URL = DATABASE_URL;

function testDatabaseUrl(base: string): string {
  const url = new URL(base);
  url.pathname = `/${path.basename(DATA_DIR).replace(/\W/g, '_').toLowerCase()}`;
  return url.toString();
}

export default defineConfig({
  resolve: {
    alias: [
      { find: '@', replacement: import.meta.dirname },
      // 'server-only' throws outside React Server Components; unit tests run lib code directly.
      { find: 'server-only', replacement: path.resolve(import.meta.dirname, 'lib/testing/empty-module.ts') },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'prisma/**/*.test.ts'],
    environment: 'node',
    env: { DATA_DIR, DATABASE_URL, BETTER_AUTH_SECRET: 'unit-test-secret-unit-test-secret-0123456789' },
    globalSetup: ['lib/testing/global-setup.ts'],
    // One database is shared by the DB tests of a run: keep files in one worker order.
    fileParallelism: false,
    // Timeouts catch hangs, not slowness (speed is the benchmarks' business): on a loaded machine
    // concurrent uploads with previews took 7 s and failed the 5 s default.
    testTimeout: 30_000,
  },
});
