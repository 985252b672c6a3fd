// The per-student table of a class dashboard: each enrolled student's use over the range (rollup),
// when they last used the tutor, and what needs the teacher's eye.
import type { Db } from "./client";
import type { UsageRange } from "./usage-range";

/** This many budget-exhausted turns in the range flag a student (one is just a busy lesson). */
export const REPEATED_EXHAUSTION = 3;
/** "Active now": used the tutor within this long. */
export const ACTIVE_NOW_MS = 15 * 60_000;

export interface StudentUsage {
  id: string;
  name: string;
  email: string;
  messages: number;
  tokens: number;
  costUsd: number;
  /** Answers not in full mode (concise, cached, batched or practice mode). */
  degraded: number;
  budgetExhausted: number;
  safetyFlags: number;
  /** ISO time of the student's last turn in any class; null if never. */
  lastActiveAt: string | null;
  activeNow: boolean;
}

interface Row {
  id: string;
  name: string;
  email: string;
  messages: number;
  tokens: number;
  cost: number;
  degraded: number;
  exhausted: number;
  flags: number;
  last: Date | null;
}

export async function listClassStudentUsage({ db, classId, range, now = new Date() }: { db: Db; classId: string; range: UsageRange; now?: Date }): Promise<StudentUsage[]> {
  // The last turn comes from the ledger's (studentId, createdAt) index: one index probe per student.
  const rows = await db.$queryRaw<Row[]>`
    SELECT u."id", u."name", u."email",
           coalesce(sum(r."messages"), 0)::int AS messages,
           coalesce(sum(r."inputTokens" + r."outputTokens"), 0)::float8 AS tokens,
           coalesce(sum(r."costUsd"), 0)::float8 AS cost,
           coalesce(sum(r."messages") FILTER (WHERE r."mode" <> 'full'), 0)::int AS degraded,
           coalesce(sum(r."budgetExhausted"), 0)::int AS exhausted,
           coalesce(sum(r."safetyFlags"), 0)::int AS flags,
           (SELECT max(e."createdAt") FROM "UsageEvent" e WHERE e."studentId" = u."id") AS last
    FROM "Enrollment" en
    JOIN "User" u ON u."id" = en."studentId"
    LEFT JOIN "UsageRollup" r ON r."classId" = en."classId" AND r."studentId" = en."studentId" AND r."hour" >= ${range.from} AND r."hour" < ${range.to}
    WHERE en."classId" = ${classId}
    GROUP BY u."id", u."name", u."email"
    ORDER BY u."name"`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    messages: r.messages,
    tokens: r.tokens,
    costUsd: r.cost,
    degraded: r.degraded,
    budgetExhausted: r.exhausted,
    safetyFlags: r.flags,
    lastActiveAt: r.last ? r.last.toISOString() : null,
    activeNow: r.last !== null && now.getTime() - r.last.getTime() <= ACTIVE_NOW_MS,
  }));
}
