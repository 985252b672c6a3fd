// Budget policies as the admin console edits them: one row per scope (school, grade band, class,
// student). A change is validated against the school's monthly cap and written with its audit entry
// in one transaction; the tutor reads rows on every turn, so it applies to the next request.
import { capProblem, parseScope, POLICY_FIELDS, type OverrideSummary, type PolicyValues } from "@/lib/admin/policy-input";
import type { SessionUser } from "@/lib/auth/roles";
import { GRADE_BANDS } from "@/lib/budget/policy";
import { AppError } from "@/lib/errors";
import { writeAudit, type Tx } from "./admin-audit";
import type { Db } from "./client";

export interface PolicyView extends Record<keyof PolicyValues, number | null> {
  scope: string;
  label: string;
  updatedAt: string | null;
}

const SELECT = {
  scope: true,
  tokensPerWindow: true,
  windowSeconds: true,
  messagesPerWindow: true,
  messageWindowSeconds: true,
  dailyTokenCap: true,
  nearBudgetRatio: true,
  monthlyTokenCap: true,
  monthlyCostCapUsd: true,
  updatedAt: true,
} as const;

type Row = { scope: string; monthlyTokenCap: bigint | null; monthlyCostCapUsd: { toString(): string } | null; updatedAt: Date } & Record<(typeof POLICY_FIELDS)[number], number | null>;

function view(row: Row | null | undefined, scope: string, label: string): PolicyView {
  const values = Object.fromEntries(POLICY_FIELDS.map((f) => [f, row?.[f] ?? null])) as Record<(typeof POLICY_FIELDS)[number], number | null>;
  return {
    scope,
    label,
    ...values,
    monthlyTokenCap: row?.monthlyTokenCap == null ? null : Number(row.monthlyTokenCap),
    monthlyCostCapUsd: row?.monthlyCostCapUsd == null ? null : Number(row.monthlyCostCapUsd.toString()),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export interface SchoolPolicies {
  school: PolicyView;
  grades: PolicyView[];
  classes: (PolicyView & { classId: string; hasOverride: boolean })[];
  students: (PolicyView & { studentId: string })[];
}

export async function listPolicies({ db, schoolId }: { db: Db; schoolId: string }): Promise<SchoolPolicies> {
  const [rows, classes] = await Promise.all([
    db.budgetPolicy.findMany({ where: { schoolId }, select: SELECT }),
    db.class.findMany({ where: { schoolId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const byScope = new Map(rows.map((r) => [r.scope, r as Row]));
  const studentIds = rows.filter((r) => r.scope.startsWith("student:")).map((r) => r.scope.slice("student:".length));
  const students = await db.user.findMany({ where: { id: { in: studentIds }, schoolId }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
  return {
    school: view(byScope.get("school"), "school", "Whole school"),
    grades: GRADE_BANDS.map((b) => view(byScope.get(`grade:${b}`), `grade:${b}`, `${b[0]!.toUpperCase()}${b.slice(1)} grades`)),
    classes: classes.map((c) => ({ ...view(byScope.get(`class:${c.id}`), `class:${c.id}`, c.name), classId: c.id, hasOverride: byScope.has(`class:${c.id}`) })),
    students: students.map((s) => ({ ...view(byScope.get(`student:${s.id}`), `student:${s.id}`, `${s.name} <${s.email}>`), studentId: s.id })),
  };
}

/** The scope's target must exist in this school: missing → 404, another school's → 403. */
async function scopeTargetOrThrow(tx: Tx, schoolId: string, scope: string): Promise<{ label: string; classId?: string; studentId?: string }> {
  const s = parseScope(scope);
  if (s.kind === "school") return { label: "Whole school" };
  if (s.kind === "grade") return { label: `${s.band} grades` };
  const target =
    s.kind === "class"
      ? await tx.class.findUnique({ where: { id: s.id }, select: { schoolId: true, name: true } })
      : await tx.user.findFirst({ where: { id: s.id, role: "STUDENT" }, select: { schoolId: true, name: true } });
  if (!target) throw new AppError("not_found:policy", s.kind === "class" ? "That class doesn't exist." : "That student doesn't exist.");
  if (target.schoolId !== schoolId) throw new AppError("forbidden:policy", `That ${s.kind} belongs to another school.`);
  return s.kind === "class" ? { label: target.name, classId: s.id } : { label: target.name, studentId: s.id };
}

async function overridesOf(tx: Tx, schoolId: string): Promise<OverrideSummary[]> {
  const rows = await tx.budgetPolicy.findMany({ where: { schoolId, scope: { not: "school" } }, select: { scope: true, tokensPerWindow: true, dailyTokenCap: true } });
  return rows.map((r) => ({ ...r, label: r.scope }));
}

export async function putPolicy({ db, actor, schoolId, scope, values }: { db: Db; actor: SessionUser; schoolId: string; scope: string; values: PolicyValues }): Promise<PolicyView> {
  return db.$transaction(async (tx) => {
    const target = await scopeTargetOrThrow(tx, schoolId, scope);
    const before = await tx.budgetPolicy.findUnique({ where: { schoolId_scope: { schoolId, scope } }, select: SELECT });
    const schoolRow = scope === "school" ? null : await tx.budgetPolicy.findUnique({ where: { schoolId_scope: { schoolId, scope: "school" } }, select: { monthlyTokenCap: true } });
    const problem = capProblem({
      scope,
      values,
      schoolCap: schoolRow?.monthlyTokenCap == null ? null : Number(schoolRow.monthlyTokenCap),
      others: scope === "school" && values.monthlyTokenCap != null ? await overridesOf(tx, schoolId) : [],
    });
    if (problem) throw new AppError("bad_request:policy", problem);
    // A PUT states the whole row: a field left out inherits from the level above.
    const data = {
      ...Object.fromEntries(POLICY_FIELDS.map((f) => [f, values[f] ?? null])),
      monthlyTokenCap: values.monthlyTokenCap == null ? null : BigInt(values.monthlyTokenCap),
      monthlyCostCapUsd: values.monthlyCostCapUsd ?? null,
    };
    const after = await tx.budgetPolicy.upsert({
      where: { schoolId_scope: { schoolId, scope } },
      create: { schoolId, scope, classId: target.classId ?? null, studentId: target.studentId ?? null, ...data },
      update: data,
      select: SELECT,
    });
    const afterView = view(after as Row, scope, target.label);
    await writeAudit({ tx, entry: { actor, schoolId, action: "policy.update", targetType: "BudgetPolicy", targetId: scope, before: before ? strip(view(before as Row, scope, target.label)) : null, after: strip(afterView) } });
    return afterView;
  });
}

export async function deletePolicy({ db, actor, schoolId, scope }: { db: Db; actor: SessionUser; schoolId: string; scope: string }): Promise<void> {
  if (scope === "school") throw new AppError("bad_request:policy", "The school policy can't be removed; clear its fields to use the defaults.");
  await db.$transaction(async (tx) => {
    const before = await tx.budgetPolicy.findUnique({ where: { schoolId_scope: { schoolId, scope } }, select: SELECT });
    if (!before) throw new AppError("not_found:policy", "There is no override for that scope.");
    await tx.budgetPolicy.delete({ where: { schoolId_scope: { schoolId, scope } } });
    await writeAudit({ tx, entry: { actor, schoolId, action: "policy.delete", targetType: "BudgetPolicy", targetId: scope, before: strip(view(before as Row, scope, scope)), after: null } });
  });
}

// The audit entry keeps the values; the label and timestamp are noise in a before/after diff.
function strip({ label: _l, updatedAt: _u, scope: _s, ...values }: PolicyView) {
  return values;
}
