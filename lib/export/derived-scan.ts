import type { Prepared } from './prepare';

/** One rendering of a PDF's pages: resolution and JPEG quality. */
export type ScanStep = { dpi: number; quality: number };

/**
 * How to make the reduced copy of a PDF too big for a volume on its own: the platform's limit (for
 * the caption), the bytes the copy may take, and the steps to try, best first. Part of the cached
 * pages' key (lib/export/exhibit-cache.ts pagesKey): another limit makes another copy.
 */
export type ScanSettings = { limit: number; target: number; steps: ScanStep[] };

/**
 * Best first. 100 DPI at quality 60 is the floor: an A4 form's 9-point print still reads there
 * (about 12 pixels a line of text); below it, small print and seals smear.
 */
export const SCAN_STEPS: readonly ScanStep[] = [
  { dpi: 150, quality: 70 },
  { dpi: 150, quality: 60 },
  { dpi: 120, quality: 70 },
  { dpi: 120, quality: 60 },
  { dpi: 100, quality: 60 },
];

/**
 * A merged PDF adds about its own size. Up to this share of the limit it is merged as it is: the
 * rest of a volume (its cover, contents, the fonts, the caption) takes the remainder.
 */
const MERGED_AS_IS = 0.9;
/** What a reduced copy aims at: below MERGED_AS_IS, so it never comes out bigger than what it replaces could fit. */
const TARGET = 0.8;

/**
 * The reduced copy to make of a PDF of `size` bytes under a limit of `maxBytes`, or null when
 * the PDF fits a volume as it is. Decided up front from the sizes alone, so that the cache key
 * is known before anything is read.
 */
export function derivedScan(size: number, maxBytes: number): ScanSettings | null {
  if (size <= maxBytes * MERGED_AS_IS) return null;
  return { limit: maxBytes, target: Math.floor(maxBytes * TARGET), steps: [...SCAN_STEPS] };
}

/**
 * Marks each PDF exhibit too big for a volume with its reduced copy's settings, and counts it at
 * the copy's size: the size fitting must not squeeze the photos for bytes the bundle never holds.
 * A PDF that turns out unreadable keeps its explanation page; the settings then go unused.
 */
export function planDerivedScans(prepared: Prepared[], maxBytes: number): void {
  for (const p of prepared) {
    if (p.exhibit.kind !== 'pdf' || p.content.kind === 'placeholder') continue;
    const scan = derivedScan(p.exhibit.size, maxBytes);
    if (!scan) continue;
    p.scan = scan;
    p.estimate = Math.min(p.estimate, scan.target);
  }
}
