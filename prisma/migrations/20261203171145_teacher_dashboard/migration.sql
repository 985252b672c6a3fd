-- AlterTable
ALTER TABLE "UsageEvent" ADD COLUMN     "rolledUp" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UsageRollup" (
    "classId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "mode" "TutorMode" NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER NOT NULL DEFAULT 0,
    "outputTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(14,6) NOT NULL DEFAULT 0,
    "budgetExhausted" INTEGER NOT NULL DEFAULT 0,
    "safetyFlags" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("classId","studentId","hour","mode")
);

-- CreateIndex
CREATE INDEX "UsageRollup_classId_hour_idx" ON "UsageRollup"("classId", "hour");

-- AddForeignKey
ALTER TABLE "UsageRollup" ADD CONSTRAINT "UsageRollup_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRollup" ADD CONSTRAINT "UsageRollup_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: count the turns already in the ledger (from here on write-turn keeps the rollup current).
INSERT INTO "UsageRollup" ("classId", "studentId", "hour", "mode", "messages", "inputTokens", "outputTokens", "costUsd", "budgetExhausted", "safetyFlags")
SELECT e."classId", e."studentId", date_trunc('hour', e."createdAt"), e."mode", count(*)::int, sum(e."inputTokens")::int, sum(e."outputTokens")::int, sum(e."costUsd"),
       count(*) FILTER (WHERE e."reason" = 'budget_exhausted')::int, count(m."id") FILTER (WHERE m."flag" = 'safety')::int
FROM "UsageEvent" e
JOIN "Class" c ON c."id" = e."classId"
JOIN "User" u ON u."id" = e."studentId"
LEFT JOIN "Message" m ON m."id" = e."messageId"
GROUP BY 1, 2, 3, 4;

UPDATE "UsageEvent" SET "rolledUp" = true WHERE "classId" IS NOT NULL;
