-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "videoHeight" INTEGER;
ALTER TABLE "Evidence" ADD COLUMN "videoSeconds" REAL;
ALTER TABLE "Evidence" ADD COLUMN "videoWidth" INTEGER;
