const HOUR = 60 * 60 * 1000;
/** Longer than any upload or job takes to write its row after its bytes (a 500 MB video on a slow line). */
export const SAFE_AGE_MS = 6 * HOUR;
/** An order file waits for its confirmation: a merchant may preview today and confirm tomorrow. */
export const IMPORT_AGE_MS = 48 * HOUR;
/**
 * Typeset exhibit pages (lib/export/exhibit-cache.ts) serve the re-exports of a working session:
 * a week after they were written they go (a store cannot tell when they were last read), and the
 * next export typesets them again.
 */
export const EXPORT_CACHE_AGE_MS = 7 * 24 * HOUR;

function casesAge(key: string): number {
  if (/^cases\/[^/]+\/cache\//.test(key)) return EXPORT_CACHE_AGE_MS;
  return /^cases\/[^/]+\/imports\//.test(key) ? IMPORT_AGE_MS : SAFE_AGE_MS;
}

/**
 * The prefixes the sweeps own, on disk and in a bucket alike. Anything else in the store belongs
 * to someone else and is never touched: add a prefix here (with its rule) when a new kind of
 * stored object arrives.
 * - `.tmp/`   the local store's half-written uploads (a bucket's are its multipart uploads);
 * - `cases/`  everything a row names (originals, derived copies, export volumes, order files),
 *             removed once no row names it and it is older than its safe age; and each case's
 *             `cache/` of typeset exhibit pages, which no row names: they go by age alone, and
 *             with their case.
 */
const OWNED: ReadonlyArray<{ prefix: string; minAgeMs: (key: string) => number }> = [
  { prefix: '.tmp/', minAgeMs: () => SAFE_AGE_MS },
  { prefix: 'cases/', minAgeMs: casesAge },
];

/** How old an unnamed object under `key` must be before the sweep removes it; null: not the sweep's to remove. */
export function sweepAgeFor(key: string): number | null {
  return OWNED.find(({ prefix }) => key.startsWith(prefix))?.minAgeMs(key) ?? null;
}

/** The owned prefixes, for a store that lists by prefix (a bucket). */
export const SWEPT_PREFIXES: readonly string[] = OWNED.map(({ prefix }) => prefix);
