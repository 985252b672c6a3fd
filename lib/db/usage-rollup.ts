// UsageRollup: the ledger summed per class, student, UTC hour and mode, so dashboards read a few
// rows per student-hour instead of every turn. Kept current in the transaction that writes a turn.
import type { Db } from "./client";

/**
 * Adds one turn to the rollup, exactly once: the UPDATE claims the UsageEvent by flipping its
 * `rolledUp` marker, and only a claimed row is added. A retried write (the ledger re-writes parked
 * turns) finds the marker set and adds nothing; two concurrent writers serialise on the row lock.
 * Turns outside any class have no rollup (the teacher dashboard is per class).
 */
export function rollupTurn({ db, turnId, safetyFlag }: { db: Db; turnId: string; safetyFlag: boolean }) {
  return db.$executeRaw`
    WITH claimed AS (
      UPDATE "UsageEvent" SET "rolledUp" = true
      WHERE "id" = ${turnId} AND NOT "rolledUp" AND "classId" IS NOT NULL
      RETURNING "classId", "studentId", "createdAt", "mode", "reason", "inputTokens", "outputTokens", "costUsd"
    )
    INSERT INTO "UsageRollup" AS r ("classId", "studentId", "hour", "mode", "messages", "inputTokens", "outputTokens", "costUsd", "budgetExhausted", "safetyFlags")
    SELECT "classId", "studentId", date_trunc('hour', "createdAt"), "mode", 1, "inputTokens", "outputTokens", "costUsd",
           CASE WHEN "reason" = 'budget_exhausted' THEN 1 ELSE 0 END, ${safetyFlag ? 1 : 0}
    FROM claimed
    ON CONFLICT ("classId", "studentId", "hour", "mode") DO UPDATE SET
      "messages" = r."messages" + EXCLUDED."messages",
      "inputTokens" = r."inputTokens" + EXCLUDED."inputTokens",
      "outputTokens" = r."outputTokens" + EXCLUDED."outputTokens",
      "costUsd" = r."costUsd" + EXCLUDED."costUsd",
      "budgetExhausted" = r."budgetExhausted" + EXCLUDED."budgetExhausted",
      "safetyFlags" = r."safetyFlags" + EXCLUDED."safetyFlags"`;
}
