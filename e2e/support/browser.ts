import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import sparticuz from '@sparticuz/chromium';
import { findSystemTool } from '../../lib/tools/system-tool';

export type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'system' | '@sparticuz/chromium';
export type BrowserChoice = { source: BrowserSource; executablePath: string; args: string[]; env?: Record<string, string> };

/** Where @sparticuz/chromium unpacks its brotli-packed build (fixed by the package), and our font setup. */
export const SPARTICUZ_EXECUTABLE = path.join(tmpdir(), 'chromium');
export const FONTCONFIG_FILE = path.join(tmpdir(), 'appeal-pack-e2e-fonts', 'fonts.conf');
/** The app's own Noto Sans SC, the one the PDFs embed: Chinese renders without any system font. */
export const APP_FONT_DIR = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '@expo-google-fonts', 'noto-sans-sc');

const COMMON_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// Made for serverless screenshots, the package turns web security off (the security tests need it
// on) and runs in one process (Lambda's need, not ours: many pages in a run are steadier apart).
const DROPPED = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);

/**
 * The Chromium the end-to-end tests drive, in this order: CHROMIUM_PATH; the one Playwright
 * installed itself (`npx playwright install chromium`); the system's (not when
 * APPEAL_PACK_NO_SYSTEM_TOOLS hides it); else @sparticuz/chromium, a build shipped inside an npm
 * package, unpacked by the global setup. Decided without waiting, so every worker loading the
 * config decides the same.
 */
export function chooseBrowser(env: Record<string, string | undefined> = process.env): BrowserChoice {
  if (env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', executablePath: env.CHROMIUM_PATH, args: COMMON_ARGS };
  const installed = chromium.executablePath();
  if (installed && existsSync(installed)) return { source: 'playwright', executablePath: installed, args: COMMON_ARGS };
  const system = findSystemTool('chromium', env) ?? findSystemTool('chromium-browser', env);
  if (system) return { source: 'system', executablePath: system, args: COMMON_ARGS };
  const args = [...new Set([...COMMON_ARGS, ...sparticuz.args])].filter((flag) => !DROPPED.has(flag));
  return { source: '@sparticuz/chromium', executablePath: SPARTICUZ_EXECUTABLE, args, env: { FONTCONFIG_FILE } };
}
