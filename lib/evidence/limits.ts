import { storageLimits } from '@/lib/limits';
import { VIDEO_KINDS, type FileKind } from './inspect/file-kind';
import { namedAsVideo } from './video-name';

/**
 * Upload limits, enforced on the server while bytes stream in and shown in the browser before
 * sending. The variables behind them (EVIDENCE_MAX_FILE_MB, EVIDENCE_MAX_VIDEO_MB,
 * EVIDENCE_MAX_CASE_MB) are read in lib/limits.ts.
 */
export function uploadLimits() {
  const { maxFileBytes, maxVideoBytes, maxCaseBytes } = storageLimits();
  return { maxFileBytes, maxVideoBytes, maxCaseBytes };
}

/**
 * The limit for the bytes of one upload while they arrive. The receiver must stop an oversize
 * stream before the content is known, so the declared name chooses: a video name gets the video
 * limit. Once the head is sniffed, `limitForKind` holds the file to its real kind's limit, so a
 * PDF renamed .mp4 gains nothing (it is refused as a mismatch or as too large).
 */
export function streamLimit(fileName: string): number {
  const { maxFileBytes, maxVideoBytes } = uploadLimits();
  return namedAsVideo(fileName) ? maxVideoBytes : maxFileBytes;
}

export function limitForKind(kind: FileKind): number {
  const { maxFileBytes, maxVideoBytes } = uploadLimits();
  return VIDEO_KINDS.has(kind) ? maxVideoBytes : maxFileBytes;
}
