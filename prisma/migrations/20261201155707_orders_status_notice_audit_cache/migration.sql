-- AlterTable
ALTER TABLE "Order" ADD COLUMN "refundCents" INTEGER;
ALTER TABLE "Order" ADD COLUMN "status" TEXT;
ALTER TABLE "Order" ADD COLUMN "statusText" TEXT;

-- CreateTable
CREATE TABLE "AuditCache" (
    "caseId" TEXT NOT NULL PRIMARY KEY,
    "inputKey" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditCache_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "currentStep" TEXT NOT NULL DEFAULT 'basics',
    "appealDeadline" DATETIME,
    "shopName" TEXT NOT NULL DEFAULT '',
    "shopId" TEXT NOT NULL DEFAULT '',
    "incidentKind" TEXT NOT NULL DEFAULT '',
    "incidentDetail" TEXT NOT NULL DEFAULT '',
    "noticeNumber" TEXT NOT NULL DEFAULT '',
    "noticeDate" DATETIME,
    "noticeText" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "statement" TEXT NOT NULL DEFAULT '{}',
    "shipFromProvince" TEXT NOT NULL DEFAULT '',
    "acknowledged" TEXT NOT NULL DEFAULT '[]',
    "completion" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "editedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("acknowledged", "appealDeadline", "completion", "contactName", "contactPhone", "createdAt", "currentStep", "editedAt", "id", "incidentDetail", "incidentKind", "noticeDate", "noticeNumber", "platform", "shipFromProvince", "shopId", "shopName", "statement", "status", "title", "updatedAt", "userId", "version") SELECT "acknowledged", "appealDeadline", "completion", "contactName", "contactPhone", "createdAt", "currentStep", "editedAt", "id", "incidentDetail", "incidentKind", "noticeDate", "noticeNumber", "platform", "shipFromProvince", "shopId", "shopName", "statement", "status", "title", "updatedAt", "userId", "version" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE INDEX "Case_userId_editedAt_idx" ON "Case"("userId", "editedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Order_caseId_status_idx" ON "Order"("caseId", "status");
