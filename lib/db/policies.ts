// BudgetPolicy rows for one student: school default, their class's override, their own override.
import type { PolicyLayers } from "@/lib/budget/policy";
import type { Db } from "./client";

export async function loadPolicyLayers({ db, schoolId, classId, studentId }: { db: Db; schoolId: string; classId: string | null; studentId: string }): Promise<PolicyLayers> {
  const scopes = ["school", `student:${studentId}`, ...(classId ? [`class:${classId}`] : [])];
  const rows = await db.budgetPolicy.findMany({
    where: { schoolId, scope: { in: scopes } },
    select: { scope: true, tokensPerWindow: true, windowSeconds: true, messagesPerWindow: true, messageWindowSeconds: true, nearBudgetRatio: true, dailyTokenCap: true },
  });
  const byScope = new Map(rows.map((r) => [r.scope, r]));
  return { school: byScope.get("school"), class: classId ? byScope.get(`class:${classId}`) : null, student: byScope.get(`student:${studentId}`) };
}
