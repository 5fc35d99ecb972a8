import 'server-only';
import { db } from '@/lib/db/client';
import { caseLimits } from '@/lib/limits';

/**
 * Every cap here is a counter taken with ONE conditional UPDATE ("... WHERE used <= max - n"),
 * never a count read first and written after. Why not a transaction: Prisma's better-sqlite3
 * adapter runs every request on one connection, and its transaction mutex only orders
 * transactions among themselves; another request's plain statements still run between a
 * transaction's awaits, inside it. A single statement is atomic on SQLite, and on PostgreSQL the
 * row lock makes a second UPDATE re-check its WHERE against the first one's result.
 */

/**
 * Makes sure the account's counters exist: an account that has none yet (new, or older than the
 * counters) starts from what its cases hold. Before the row exists nothing can be reserved on it,
 * so nothing is in flight that the sums could miss.
 */
export async function ensureAccountUsage(userId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "AccountUsage" ("userId", "storedBytes", "caseCount")
    SELECT ${userId}, COALESCE(SUM("storedBytes"), 0), COUNT(*) FROM "Case" WHERE "userId" = ${userId}
    ON CONFLICT ("userId") DO NOTHING`;
}

/** Takes one of the account's case slots; false when it already holds its maximum. */
export async function reserveCaseSlot(userId: string): Promise<boolean> {
  await ensureAccountUsage(userId);
  const { maxCasesPerAccount } = caseLimits();
  const { count } = await db.accountUsage.updateMany({
    where: { userId, caseCount: { lt: maxCasesPerAccount } },
    data: { caseCount: { increment: 1 } },
  });
  return count === 1;
}

/** Gives a case slot back (the case was not created after all). */
export async function releaseCaseSlot(userId: string): Promise<void> {
  await db.accountUsage.updateMany({ where: { userId, caseCount: { gt: 0 } }, data: { caseCount: { decrement: 1 } } });
}

/**
 * Deletes an owned case and takes it off its account's counters. The DELETE itself reports the
 * bytes it removed (RETURNING, in both dialects), so an upload still settling into the case either
 * counted in that figure or finds the case gone and leaves the account alone (lib/quota/storage.ts).
 */
export async function deleteCaseCounted(userId: string, caseId: string): Promise<boolean> {
  const removed = await db.$queryRaw<{ storedBytes: bigint | number }[]>`
    DELETE FROM "Case" WHERE "id" = ${caseId} AND "userId" = ${userId} RETURNING "storedBytes"`;
  const gone = removed[0];
  if (!gone) return false;
  await db.accountUsage.updateMany({
    where: { userId },
    data: { storedBytes: { decrement: BigInt(gone.storedBytes) }, caseCount: { decrement: 1 } },
  });
  return true;
}
