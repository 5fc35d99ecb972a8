import { storageLimits } from '@/lib/limits';


/**
 * Upload limits, enforced on the server while bytes stream in and shown in the browser before
 * sending. The variables behind them (EVIDENCE_MAX_FILE_MB, EVIDENCE_MAX_CASE_MB) are read in lib/limits.ts.
 */
export function uploadLimits() {
  const { maxFileBytes, maxCaseBytes } = storageLimits();
  return { maxFileBytes, maxCaseBytes };
}
