-- Funding lines get an amount per year (issue 9). Lines that differ only in year
-- become one line with those years' amounts (the id and position of its first
-- line by position); a second line for the same year with the same fields stays a
-- line of its own ("dup" rank), so no amount is summed into another and every euro
-- arrives. lib/plans/lines.ts mergeYearLines does the same for old revisions.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlanLine" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "costCategory" TEXT NOT NULL,
    "sourceSlug" TEXT,
    "customSourceName" TEXT,
    "amounts" TEXT NOT NULL,
    "looptijd" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rejectionReason" TEXT,
    "note" TEXT,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("planId", "id"),
    CONSTRAINT "PlanLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PlanLine" ("id", "planId", "costCategory", "sourceSlug", "customSourceName", "amounts", "looptijd", "status", "rejectionReason", "note", "position")
SELECT "id", "planId", "costCategory", "sourceSlug", "customSourceName", "amounts", "looptijd", "status", "rejectionReason", "note", "position"
FROM (
    SELECT
        -- SQLite: with MIN() the bare column "id" comes from the row with the lowest position.
        MIN("position") AS "position", "id", "planId", "costCategory", "sourceSlug", "customSourceName", "looptijd", "status", "rejectionReason", "note",
        json_group_array(json_object('year', "year", 'amount', "amount")) AS "amounts"
    FROM (
        SELECT *, ROW_NUMBER() OVER (
            PARTITION BY "planId", "costCategory", "sourceSlug", "customSourceName", "looptijd", "status", "rejectionReason", "note", "year"
            ORDER BY "position"
        ) AS "dup"
        FROM "PlanLine"
        ORDER BY "planId", "year"
    )
    GROUP BY "planId", "costCategory", "sourceSlug", "customSourceName", "looptijd", "status", "rejectionReason", "note", "dup"
);
DROP TABLE "PlanLine";
ALTER TABLE "new_PlanLine" RENAME TO "PlanLine";
CREATE INDEX "PlanLine_planId_position_idx" ON "PlanLine"("planId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
