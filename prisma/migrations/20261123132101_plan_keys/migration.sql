-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlanNeed" (
    "planId" TEXT NOT NULL,
    "costCategory" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    PRIMARY KEY ("planId", "costCategory", "year"),
    CONSTRAINT "PlanNeed_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanNeed" ("amount", "costCategory", "planId", "year") SELECT "amount", "costCategory", "planId", "year" FROM "PlanNeed";
DROP TABLE "PlanNeed";
ALTER TABLE "new_PlanNeed" RENAME TO "PlanNeed";
CREATE TABLE "new_PlanLine" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "costCategory" TEXT NOT NULL,
    "sourceSlug" TEXT,
    "customSourceName" TEXT,
    "year" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "looptijd" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rejectionReason" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("planId", "id"),
    CONSTRAINT "PlanLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanLine" ("amount", "costCategory", "customSourceName", "id", "looptijd", "note", "planId", "position", "rejectionReason", "sourceSlug", "status", "year") SELECT "amount", "costCategory", "customSourceName", "id", "looptijd", "note", "planId", "position", "rejectionReason", "sourceSlug", "status", "year" FROM "PlanLine";
DROP TABLE "PlanLine";
ALTER TABLE "new_PlanLine" RENAME TO "PlanLine";
CREATE INDEX "PlanLine_planId_position_idx" ON "PlanLine"("planId", "position");
CREATE TABLE "new_PlanRevision" (
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("planId", "version"),
    CONSTRAINT "PlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanRevision" ("createdAt", "planId", "snapshot", "version") SELECT "createdAt", "planId", "snapshot", "version" FROM "PlanRevision";
DROP TABLE "PlanRevision";
ALTER TABLE "new_PlanRevision" RENAME TO "PlanRevision";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

