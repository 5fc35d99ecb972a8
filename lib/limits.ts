/**
 * Every limit an operator can change, read from the environment in one place, with its default.
 * Server code calls these at use time (tests and benchmarks set the variables per run); the
 * browser only ever sees values a server component passes down, never these variables.
 *
 *   EVIDENCE_MAX_FILE_MB     one uploaded file                  (50)
 *   EVIDENCE_MAX_VIDEO_MB    one uploaded video (MP4, MOV)      (500, never below the file limit)
 *   EVIDENCE_MAX_CASE_MB     all originals of one case           (1024)
 *   ACCOUNT_MAX_STORAGE_MB   all originals of one account        (5120)
 *   MAX_CASES_PER_ACCOUNT    cases one account may hold          (100)
 *   MAX_ORDERS_PER_CASE      orders one case may hold            (50000)
 *   MAX_ORDERS_PER_IMPORT    orders one file or paste may bring  (50000)
 *   BUNDLE_MAX_DOSSIER_PAGES flagged orders that get a page each in the bundle; above, one compact table (200)
 */
export const DEFAULT_MAX_FILE_MB = 50;
export const DEFAULT_MAX_VIDEO_MB = 500;
export const DEFAULT_MAX_CASE_MB = 1024;
export const DEFAULT_ACCOUNT_STORAGE_MB = 5 * 1024;
export const DEFAULT_MAX_CASES = 100;
export const DEFAULT_MAX_ORDERS = 50_000;
export const DEFAULT_MAX_DOSSIER_PAGES = 200;

const MB = 1024 * 1024;

/** A positive number from the environment; anything else (unset, 0, "abc") means the default. */
function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const count = (name: string, fallback: number) => Math.max(1, Math.floor(fromEnv(name, fallback)));
const megabytes = (name: string, fallback: number) => Math.floor(fromEnv(name, fallback) * MB);

export function storageLimits() {
  const maxFileBytes = megabytes('EVIDENCE_MAX_FILE_MB', DEFAULT_MAX_FILE_MB);
  return {
    maxFileBytes,
    // A video limit below the general one would make a video the one kind of file held to less.
    maxVideoBytes: Math.max(maxFileBytes, megabytes('EVIDENCE_MAX_VIDEO_MB', DEFAULT_MAX_VIDEO_MB)),
    maxCaseBytes: megabytes('EVIDENCE_MAX_CASE_MB', DEFAULT_MAX_CASE_MB),
    maxAccountBytes: megabytes('ACCOUNT_MAX_STORAGE_MB', DEFAULT_ACCOUNT_STORAGE_MB),
  };
}

export function caseLimits() {
  return { maxCasesPerAccount: count('MAX_CASES_PER_ACCOUNT', DEFAULT_MAX_CASES) };
}

export function orderLimits() {
  return { perCase: count('MAX_ORDERS_PER_CASE', DEFAULT_MAX_ORDERS), perImport: count('MAX_ORDERS_PER_IMPORT', DEFAULT_MAX_ORDERS) };
}

export function bundleLimits() {
  return { maxDossierPages: count('BUNDLE_MAX_DOSSIER_PAGES', DEFAULT_MAX_DOSSIER_PAGES) };
}
