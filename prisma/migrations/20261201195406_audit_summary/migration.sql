-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditCache" (
    "caseId" TEXT NOT NULL PRIMARY KEY,
    "inputKey" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditCache_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AuditCache" ("caseId", "computedAt", "inputKey", "result") SELECT "caseId", "computedAt", "inputKey", "result" FROM "AuditCache";
DROP TABLE "AuditCache";
ALTER TABLE "new_AuditCache" RENAME TO "AuditCache";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
