-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "contactNote" TEXT,
    "editSecretHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanNeed" (
    "planId" TEXT NOT NULL,
    "costCategory" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,

    CONSTRAINT "PlanNeed_pkey" PRIMARY KEY ("planId","costCategory","year")
);

-- CreateTable
CREATE TABLE "PlanLine" (
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

    CONSTRAINT "PlanLine_pkey" PRIMARY KEY ("planId","id")
);

-- CreateTable
CREATE TABLE "PlanRegionLink" (
    "planId" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "regionName" TEXT NOT NULL,
    "memberName" TEXT NOT NULL,
    "regionVersion" INTEGER NOT NULL,
    "needs" TEXT NOT NULL,
    "pulledAt" TIMESTAMP(3) NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlanRegionLink_pkey" PRIMARY KEY ("planId","regionId")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("planId","version")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "editSecretHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionRevision" (
    "regionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionRevision_pkey" PRIMARY KEY ("regionId","version")
);

-- CreateTable
CREATE TABLE "RegionHandoff" (
    "id" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "memberName" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "planVersion" INTEGER NOT NULL,
    "regionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegionHandoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "limiter" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("limiter","key")
);

-- CreateIndex
CREATE INDEX "PlanLine_planId_position_idx" ON "PlanLine"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanRegionLink_regionId_idx" ON "PlanRegionLink"("regionId");

-- CreateIndex
CREATE INDEX "RegionHandoff_regionId_createdAt_idx" ON "RegionHandoff"("regionId", "createdAt");

-- AddForeignKey
ALTER TABLE "PlanNeed" ADD CONSTRAINT "PlanNeed_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanLine" ADD CONSTRAINT "PlanLine_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRegionLink" ADD CONSTRAINT "PlanRegionLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionRevision" ADD CONSTRAINT "RegionRevision_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionHandoff" ADD CONSTRAINT "RegionHandoff_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

