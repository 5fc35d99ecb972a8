/**
 * Upload limits, enforced on the server while bytes stream in and shown in the
 * browser before sending. Defaults from the uploads issue; raise them with
 * EVIDENCE_MAX_FILE_MB / EVIDENCE_MAX_CASE_MB (the 500 MB benchmark does).
 */
export const DEFAULT_MAX_FILE_MB = 50;
export const DEFAULT_MAX_CASE_MB = 1024;

const MB = 1024 * 1024;

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function uploadLimits() {
  return { maxFileBytes: fromEnv('EVIDENCE_MAX_FILE_MB', DEFAULT_MAX_FILE_MB) * MB, maxCaseBytes: fromEnv('EVIDENCE_MAX_CASE_MB', DEFAULT_MAX_CASE_MB) * MB };
}
