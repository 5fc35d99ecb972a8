-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "orderNo" TEXT NOT NULL,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "buyerName" TEXT,
    "buyerPhone" TEXT,
    "address" TEXT,
    "ip" TEXT,
    "orderedAt" DATETIME,
    "paidAt" DATETIME,
    "amountCents" INTEGER,
    "itemTitle" TEXT,
    "quantity" INTEGER,
    "trackingNo" TEXT,
    "carrier" TEXT,
    "shippedAt" DATETIME,
    "signedAt" DATETIME,
    "trackingHistory" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',
    "include" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AuditNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "channels" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Promotion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Order_caseId_flagged_idx" ON "Order"("caseId", "flagged");

-- CreateIndex
CREATE UNIQUE INDEX "Order_caseId_orderNo_key" ON "Order"("caseId", "orderNo");

-- CreateIndex
CREATE UNIQUE INDEX "AuditNote_caseId_findingId_key" ON "AuditNote"("caseId", "findingId");

-- CreateIndex
CREATE INDEX "Promotion_caseId_idx" ON "Promotion"("caseId");
