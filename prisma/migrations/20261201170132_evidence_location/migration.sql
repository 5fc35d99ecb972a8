-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedBy" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "documentDate" DATETIME,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "checkStatus" TEXT NOT NULL DEFAULT 'ok',
    "checkReason" TEXT NOT NULL DEFAULT '',
    "pageCount" INTEGER,
    "thumbnailKey" TEXT,
    "previewKey" TEXT,
    "hasLocation" BOOLEAN,
    "omitOriginal" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("caseId", "category", "checkReason", "checkStatus", "description", "documentDate", "id", "kind", "mime", "originalName", "pageCount", "position", "previewKey", "sha256", "size", "storageKey", "thumbnailKey", "title", "uploadedAt", "uploadedBy") SELECT "caseId", "category", "checkReason", "checkStatus", "description", "documentDate", "id", "kind", "mime", "originalName", "pageCount", "position", "previewKey", "sha256", "size", "storageKey", "thumbnailKey", "title", "uploadedAt", "uploadedBy" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_caseId_category_position_idx" ON "Evidence"("caseId", "category", "position");
CREATE UNIQUE INDEX "Evidence_caseId_sha256_key" ON "Evidence"("caseId", "sha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
