-- Quotas reserved with conditional updates (lib/quota): counters instead of sums read first.

-- CreateTable
CREATE TABLE "AccountUsage" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "storedBytes" BIGINT NOT NULL DEFAULT 0,
    "caseCount" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AccountUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: an added column, not a redefined table, so nothing else about "Case" is touched.
ALTER TABLE "Case" ADD COLUMN "storedBytes" BIGINT NOT NULL DEFAULT 0;

-- Backfill: what each case and account already holds.
UPDATE "Case" SET "storedBytes" = (SELECT COALESCE(SUM("size"), 0) FROM "Evidence" WHERE "Evidence"."caseId" = "Case"."id");
INSERT INTO "AccountUsage" ("userId", "storedBytes", "caseCount")
SELECT "userId", SUM("storedBytes"), COUNT(*) FROM "Case" GROUP BY "userId";
