import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * A screenshot for a person to look at (layouts at 1280 and 360 px, Chinese text), written to
 * SHOTS_DIR when it is set: `SHOTS_DIR=/tmp/shots npm run test:e2e`. Runs without it (CI) save
 * the time and leave no files behind; what a spec asserts never depends on a screenshot.
 */
export async function shot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await target.screenshot({ path: path.join(dir, `${name}.png`), ...options });
}
