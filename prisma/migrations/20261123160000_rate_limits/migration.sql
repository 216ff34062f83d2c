-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "limiter" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("limiter", "key")
);
