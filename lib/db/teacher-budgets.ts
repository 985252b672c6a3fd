// Each student's token budget right now, read exactly as the tutor reads it (same policy loader, same
// Redis counters, top-ups included), so the dashboard and the student's meter agree.
import type { EffectivePolicy } from "@/lib/budget";
import type { LoadedStudent, PrepareDeps } from "@/lib/tutor/prepare";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export type BudgetReader = Pick<PrepareDeps, "loadStudent" | "loadPolicy"> & { budget: Pick<PrepareDeps["budget"], "peek"> };

export interface StudentBudget {
  limit: number;
  remaining: number;
  /** Epoch ms at which the window refills. */
  resetAt: number;
  /** "near": past the share after which answers turn concise; "over": nothing left. */
  status: "ok" | "near" | "over";
}

export function budgetStatus(limit: number, remaining: number, nearBudgetRatio: number): StudentBudget["status"] {
  if (remaining <= 0) return "over";
  return limit - remaining >= limit * nearBudgetRatio ? "near" : "ok";
}

/**
 * The profiles the tutor loads one at a time (getStudentProfile), for a whole class in one query:
 * active students only, the class that sets their policy being their first enrolment.
 */
export async function listStudentProfiles({ db, studentIds }: { db: Db; studentIds: string[] }): Promise<LoadedStudent[]> {
  if (studentIds.length === 0) return [];
  return db.$queryRaw<LoadedStudent[]>`
    SELECT u."id", u."name", u."gradeLevel", u."schoolId", s."timezone" AS "timeZone", s."helpResources",
           (SELECT e."classId" FROM "Enrollment" e WHERE e."studentId" = u."id" ORDER BY e."createdAt" ASC LIMIT 1) AS "classId"
    FROM "User" u JOIN "School" s ON s."id" = u."schoolId"
    WHERE u."id" IN (${Prisma.join(studentIds)}) AND u."role" = 'STUDENT' AND u."active"`;
}

/**
 * The tutor's policy for each student, read once per group that must share it. loadPolicy reads the
 * school's, grade band's, class's and the student's own BudgetPolicy rows (and school-wide caps), so
 * students without a row of their own and with the same class and grade get the same answer: a
 * class costs a few policy reads, not one per student.
 */
async function loadPolicies(db: Db, deps: BudgetReader, students: LoadedStudent[]): Promise<Map<string, EffectivePolicy>> {
  const own = await db.budgetPolicy.findMany({ where: { scope: { in: students.map((s) => `student:${s.id}`) } }, select: { scope: true } });
  const individual = new Set(own.map((r) => r.scope.slice("student:".length)));
  const shared = new Map<string, Promise<EffectivePolicy>>();
  const entries = await Promise.all(
    students.map(async (s): Promise<[string, EffectivePolicy]> => {
      if (individual.has(s.id)) return [s.id, await deps.loadPolicy(s)];
      const key = `${s.schoolId}|${s.classId}|${s.gradeLevel}`;
      if (!shared.has(key)) shared.set(key, deps.loadPolicy(s));
      return [s.id, await shared.get(key)!];
    }),
  );
  return new Map(entries);
}

/** One budget per student id; null where it can't be read (inactive student, store error). */
export async function peekStudentBudgets({ db, deps, studentIds }: { db: Db; deps: BudgetReader; studentIds: string[] }): Promise<Map<string, StudentBudget | null>> {
  const budgets = new Map<string, StudentBudget | null>(studentIds.map((id) => [id, null]));
  const students = await listStudentProfiles({ db, studentIds });
  const policies = await loadPolicies(db, deps, students);
  await Promise.all(
    students.map(async (student) => {
      const policy = policies.get(student.id)!;
      try {
        const s = await deps.budget.peek(student.id, policy);
        budgets.set(student.id, { ...s, status: budgetStatus(s.limit, s.remaining, policy.nearBudgetRatio) });
      } catch (err) {
        console.error(`[teacher] budget unavailable for student ${student.id}`, err);
      }
    }),
  );
  return budgets;
}
