import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { APP_FONT_DIR, chooseBrowser, FONTCONFIG_FILE } from './browser';

/**
 * Says once which browser this run drives, and readies the packaged one: @sparticuz/chromium
 * unpacks itself to /tmp (about 12 s the first time), and gets a font setup of its own, the app's
 * Noto Sans SC plus the package's few fonts and nothing from the system, so a screenshot shows
 * Chinese on a machine without CJK fonts and proves it does not depend on them.
 */
export default async function globalSetup() {
  const choice = chooseBrowser();
  if (choice.source === '@sparticuz/chromium') {
    const unpacked = await sparticuz.executablePath();
    if (unpacked !== choice.executablePath) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${choice.executablePath}`);
    mkdirSync(path.dirname(FONTCONFIG_FILE), { recursive: true });
    writeFileSync(
      FONTCONFIG_FILE,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${APP_FONT_DIR}</dir>\n  <dir>${path.join(path.dirname(choice.executablePath), 'fonts')}</dir>\n  <cachedir>${path.join(path.dirname(FONTCONFIG_FILE), 'cache')}</cachedir>\n</fontconfig>\n`,
    );
  }
  console.log(`e2e browser: ${choice.source} (${choice.executablePath})`);
}
