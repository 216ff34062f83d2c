-- Regional shares pulled into a municipal plan (issue 9, §3): one row per link
-- from a plan to a regional plan, with the member's share as JSON (lib/plans/region-shares.ts).
-- CreateTable
CREATE TABLE "PlanRegionLink" (
    "planId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "memberName" TEXT NOT NULL,
    "regionVersion" INTEGER NOT NULL,
    "needs" TEXT NOT NULL,
    "pulledAt" DATETIME NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("planId", "regionId"),
    CONSTRAINT "PlanRegionLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlanRegionLink_regionId_idx" ON "PlanRegionLink"("regionId");

