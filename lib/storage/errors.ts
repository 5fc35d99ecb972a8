/**
 * Whether an error means the server has no room left: the disk (ENOSPC), the user's disk quota
 * (EDQUOT) or SQLite unable to grow its file (SQLITE_FULL). Looked for in the code, the message
 * (errors from worker threads arrive as messages) and the causes Prisma and streams wrap them in.
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true;
  if (typeof message === 'string' && /\b(ENOSPC|EDQUOT|SQLITE_FULL)\b|no space left on device|disk quota exceeded|database or disk is full/i.test(message)) return true;
  return isStorageFull(cause, depth + 1);
}

/** The reason recorded on a job, an upload or an import that stopped for want of room. */
export const STORAGE_FULL = 'storageFull';
