-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "videoHeight" INTEGER,
ADD COLUMN     "videoSeconds" DOUBLE PRECISION,
ADD COLUMN     "videoWidth" INTEGER;
