import { safeDisplayName } from './inspect/file-name';

/**
 * The title an exhibit starts with: its file name without the extension, cleaned for a reviewer
 * ("微信图片_20261111.jpg" becomes "微信图片 20261111"). Underscores are the usual word separator of
 * cameras, chat apps and exports, so they become spaces. Dashes stay: in names they mostly join
 * dates and order numbers (2026-11-11, JD-1234-5678) that must read as one.
 * Shown with a hint until the merchant writes their own (see hasDefaultTitle).
 */
export function defaultTitle(originalName: string): string {
  const name = safeDisplayName(originalName);
  const base = name.replace(/\.[^.\s]{1,10}$/, '');
  const spaced = base.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
  return spaced || base || name;
}

/** True while the merchant has not given the file a title of their own. */
export function hasDefaultTitle(title: string, originalName: string): boolean {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === defaultTitle(originalName) || trimmed === safeDisplayName(originalName).replace(/\.[^.\s]{1,10}$/, '');
}
