-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "videoCodec" TEXT,
ADD COLUMN     "videoCreatedAt" TIMESTAMP(3);
