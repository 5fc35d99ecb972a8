-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "videoCodec" TEXT;
ALTER TABLE "Evidence" ADD COLUMN "videoCreatedAt" DATETIME;
