import 'server-only';
import { db } from '@/lib/db/client';
import { storageLimits } from '@/lib/limits';

export type StorageRefusal = 'caseFull' | 'accountFull';

/**
 * Reserves `bytes` on the account, then on the case, each with one conditional UPDATE (see
 * lib/quota/account.ts for why not a transaction). The account goes first and is given back if
 * the case refuses, so at every moment the case's figure is covered by the account's.
 * The caller has made sure the account's counters exist (ensureAccountUsage).
 */
export async function reserveBytes(userId: string, caseId: string, bytes: number): Promise<StorageRefusal | null> {
  if (bytes <= 0) return null;
  const { maxCaseBytes, maxAccountBytes } = storageLimits();
  const n = BigInt(bytes);
  const account = await db.accountUsage.updateMany({
    where: { userId, storedBytes: { lte: BigInt(maxAccountBytes) - n } },
    data: { storedBytes: { increment: n } },
  });
  if (account.count !== 1) return 'accountFull';
  const kase = await db.case.updateMany({
    where: { id: caseId, userId, storedBytes: { lte: BigInt(maxCaseBytes) - n } },
    data: { storedBytes: { increment: n } },
  });
  if (kase.count === 1) return null;
  await db.accountUsage.updateMany({ where: { userId }, data: { storedBytes: { decrement: n } } });
  return 'caseFull';
}

/**
 * Gives bytes back: a refused, failed or duplicate upload, the excess of a settled one, a
 * deleted or replaced original. The case first; the account only if the case still exists,
 * because deleting a case already took everything it held off the account.
 */
export async function releaseBytes(userId: string, caseId: string, bytes: number): Promise<void> {
  if (bytes <= 0) return;
  const n = BigInt(bytes);
  const kase = await db.case.updateMany({ where: { id: caseId, userId }, data: { storedBytes: { decrement: n } } });
  if (kase.count === 1) await db.accountUsage.updateMany({ where: { userId }, data: { storedBytes: { decrement: n } } });
}

/** What the case and the account hold, uploads in flight included, against their limits. */
export async function storageUsage(userId: string, caseId: string) {
  const [kase, account] = await Promise.all([
    db.case.findFirst({ where: { id: caseId, userId }, select: { storedBytes: true } }),
    db.accountUsage.findUnique({ where: { userId }, select: { storedBytes: true } }),
  ]);
  const { maxCaseBytes, maxAccountBytes } = storageLimits();
  const caseBytes = Number(kase?.storedBytes ?? 0);
  const caseRoom = maxCaseBytes - caseBytes;
  const accountRoom = account ? maxAccountBytes - Number(account.storedBytes) : Infinity;
  const limitedBy: StorageRefusal = accountRoom < caseRoom ? 'accountFull' : 'caseFull';
  return { caseBytes, maxCaseBytes, roomBytes: Math.max(0, Math.min(caseRoom, accountRoom)), limitedBy };
}
