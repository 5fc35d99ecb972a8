import 'server-only';
import { statfs } from 'node:fs/promises';
import { db } from '@/lib/db/client';
import { dataDir } from '@/lib/db/data-dir.mjs';

const MB = 1024 * 1024;
/** Room for the front matter, the font subsets and the job's own bookkeeping. */
const OVERHEAD = 64 * MB;

export type ExportSpace = { freeBytes: number; needBytes: number; enough: boolean };

/**
 * Whether the data folder's disk has room for the case's bundle, before the export starts. The
 * bundle holds at most a copy of each exhibit and, with originals attached, the originals again:
 * twice the case's stored evidence plus the front matter is an upper bound, never an underestimate.
 */
export async function exportSpace(caseId: string): Promise<ExportSpace> {
  const [kase, disk] = await Promise.all([db.case.findUniqueOrThrow({ where: { id: caseId }, select: { storedBytes: true } }), statfs(dataDir())]);
  return spaceFor(Number(kase.storedBytes), disk.bavail * disk.bsize);
}

export function spaceFor(evidenceBytes: number, freeBytes: number): ExportSpace {
  const needBytes = 2 * evidenceBytes + OVERHEAD;
  return { freeBytes, needBytes, enough: freeBytes >= needBytes };
}
