-- Plain ADD COLUMNs, not the table rebuild Prisma generates: a rebuild lists every column it knows,
-- and would drop columns that other branches add to "Case" at the same time.
ALTER TABLE "Evidence" ADD COLUMN "requirementIds" TEXT;
ALTER TABLE "Case" ADD COLUMN "checklistReasons" TEXT NOT NULL DEFAULT '{}';
