-- A plain ADD COLUMN, not the table rebuild Prisma generates: a rebuild lists every column it knows,
-- and would drop columns that other branches add to "Case" at the same time.
ALTER TABLE "Case" ADD COLUMN "accusations" TEXT NOT NULL DEFAULT '[]';
