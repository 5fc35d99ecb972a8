-- AlterTable
ALTER TABLE "LoginFailure" ADD COLUMN "client" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "LoginFailure_email_client_createdAt_idx" ON "LoginFailure"("email", "client", "createdAt");
