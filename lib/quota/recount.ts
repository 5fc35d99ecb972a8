import 'server-only';
import { db, DB_PROVIDER } from '@/lib/db/client';
import { SAFE_AGE_MS } from '@/lib/storage/sweep-owned';

const HOUR = 60 * 60 * 1000;

/**
 * Sets counters back to what is really stored: each case to the sum of its originals, each
 * account to its cases. Reservations of uploads cut off by a crash or restart would otherwise stay
 * counted for good, and a merchant would be refused room they have.
 *
 * Several app instances share one database, so an upload may be in flight on another instance
 * while this runs: its reservation is not yet an Evidence row and must not be taken away. Every
 * reservation moves the case's counter, which stamps its updatedAt (Prisma's @updatedAt), so only
 * cases quiet for longer than any upload takes (SAFE_AGE_MS, as the store's sweep uses) are
 * recounted, and only accounts all of whose cases are quiet. One UPDATE each, whose WHERE
 * PostgreSQL re-checks on a row a reservation changed meanwhile.
 */
export async function recountStorage(now = new Date(), quietMs = SAFE_AGE_MS): Promise<void> {
  const quietSince = new Date(now.getTime() - quietMs);
  await db.$executeRaw`
    UPDATE "Case" SET "storedBytes" = (SELECT COALESCE(SUM("size"), 0) FROM "Evidence" WHERE "Evidence"."caseId" = "Case"."id")
    WHERE "updatedAt" < ${quietSince}`;
  await db.$executeRaw`
    UPDATE "AccountUsage" SET
      "storedBytes" = (SELECT COALESCE(SUM("storedBytes"), 0) FROM "Case" WHERE "Case"."userId" = "AccountUsage"."userId"),
      "caseCount" = (SELECT COUNT(*) FROM "Case" WHERE "Case"."userId" = "AccountUsage"."userId")
    WHERE NOT EXISTS (SELECT 1 FROM "Case" WHERE "Case"."userId" = "AccountUsage"."userId" AND "Case"."updatedAt" >= ${quietSince})`;
}

/**
 * At start and every hour: a case's leaked reservations come back once it has been quiet a while.
 * The embedded SQLite database belongs to the one server process, so at its start nothing can be
 * in flight and everything is recounted at once, as before there were several instances.
 */
export function startRecounts(): Promise<void> {
  setInterval(() => void recountStorage().catch((error: unknown) => console.error('[recount] failed:', error)), HOUR).unref();
  return recountStorage(new Date(), DB_PROVIDER === 'sqlite' ? 0 : SAFE_AGE_MS);
}
