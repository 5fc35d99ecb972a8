import 'server-only';
import { db } from '@/lib/db/client';

/**
 * Sets every counter back to what is really stored: each case to the sum of its originals, each
 * account to its cases. Reservations of uploads cut off by a crash or restart would otherwise stay
 * counted for good, and a merchant would be refused room they have. Only correct while no upload is
 * in flight: it runs at start-up, before the server answers (instrumentation.ts). With several
 * server processes sharing one database this must become a job that skips cases with uploads open.
 */
export async function recountStorage(): Promise<void> {
  await db.$executeRaw`
    UPDATE "Case" SET "storedBytes" = (SELECT COALESCE(SUM("size"), 0) FROM "Evidence" WHERE "Evidence"."caseId" = "Case"."id")`;
  await db.$executeRaw`
    UPDATE "AccountUsage" SET
      "storedBytes" = (SELECT COALESCE(SUM("storedBytes"), 0) FROM "Case" WHERE "Case"."userId" = "AccountUsage"."userId"),
      "caseCount" = (SELECT COUNT(*) FROM "Case" WHERE "Case"."userId" = "AccountUsage"."userId")`;
}
