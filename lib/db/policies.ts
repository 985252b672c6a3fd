// BudgetPolicy rows for one student: school default, their grade band's, their class's override and
// their own override. Read on every turn (no cache), so an admin's change applies to the next request.
import { gradeBandFor, type PolicyLayers } from "@/lib/budget/policy";
import type { Db } from "./client";

export async function loadPolicyLayers({
  db,
  schoolId,
  classId,
  studentId,
  gradeLevel = null,
}: {
  db: Db;
  schoolId: string;
  classId: string | null;
  studentId: string;
  gradeLevel?: number | null;
}): Promise<PolicyLayers> {
  const band = gradeBandFor(gradeLevel);
  const scopes = ["school", `student:${studentId}`, ...(classId ? [`class:${classId}`] : []), ...(band ? [`grade:${band}`] : [])];
  const rows = await db.budgetPolicy.findMany({
    where: { schoolId, scope: { in: scopes } },
    select: { scope: true, tokensPerWindow: true, windowSeconds: true, messagesPerWindow: true, messageWindowSeconds: true, nearBudgetRatio: true, dailyTokenCap: true },
  });
  const byScope = new Map(rows.map((r) => [r.scope, r]));
  return {
    school: byScope.get("school"),
    grade: band ? byScope.get(`grade:${band}`) : null,
    class: classId ? byScope.get(`class:${classId}`) : null,
    student: byScope.get(`student:${studentId}`),
  };
}
