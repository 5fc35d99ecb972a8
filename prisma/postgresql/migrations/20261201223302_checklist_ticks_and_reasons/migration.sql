-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "requirementIds" TEXT;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "checklistReasons" TEXT NOT NULL DEFAULT '{}';
