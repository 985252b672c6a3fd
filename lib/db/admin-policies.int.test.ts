// Budget policy editing against real PostgreSQL and the embedded one: validation against the school
// cap, scopes bound to the school, the audit trail, and the turn's policy read seeing a change at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePolicy, type EffectivePolicy } from "@/lib/budget/policy";
import { AppError } from "@/lib/errors";
import { deletePolicy, listPolicies, putPolicy } from "./admin-policies";
import { createAdminTestWorld, type AdminTestWorld } from "./admin-test-world";
import { loadPolicyLayers } from "./policies";
import { testDatabaseKinds } from "./test-db";

const kinds = await testDatabaseKinds();
const defaults: EffectivePolicy = { tokensPerWindow: 5_000, windowSeconds: 900, messagesPerWindow: 10, messageWindowSeconds: 300, nearBudgetRatio: 0.8, dailyTokenCap: null };

describe.each(kinds)("budget policies on %s PostgreSQL", (kind) => {
  let w: AdminTestWorld;
  beforeAll(async () => {
    w = await createAdminTestWorld(kind);
  });
  afterAll(() => w.close());

  const effective = async (studentId: string, classId: string | null, gradeLevel: number) =>
    resolvePolicy(await loadPolicyLayers({ db: w.db, schoolId: w.a.id, classId, studentId, gradeLevel }), defaults);
  const rejects = async (p: Promise<unknown>, code: string, message?: RegExp) => {
    const err = await p.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    if (message) expect((err as AppError).message).toMatch(message);
  };

  it("resolves school → grade band → class → student, and a change applies to the next read", async () => {
    const { a } = w;
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "school", values: { tokensPerWindow: 4_000, messagesPerWindow: 8 } });
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "grade:middle", values: { tokensPerWindow: 3_000, nearBudgetRatio: 0.5 } });
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "grade:high", values: { tokensPerWindow: 6_000 } });
    expect(await effective(a.studentId, a.classId, 7)).toMatchObject({ tokensPerWindow: 3_000, messagesPerWindow: 8, nearBudgetRatio: 0.5 });
    expect((await effective(a.otherStudentId, null, 10)).tokensPerWindow).toBe(6_000);

    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `class:${a.classId}`, values: { tokensPerWindow: 1_500 } });
    expect((await effective(a.studentId, a.classId, 7)).tokensPerWindow).toBe(1_500);
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `student:${a.studentId}`, values: { tokensPerWindow: 900, dailyTokenCap: 2_000 } });
    expect(await effective(a.studentId, a.classId, 7)).toMatchObject({ tokensPerWindow: 900, dailyTokenCap: 2_000 });

    await deletePolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `student:${a.studentId}` });
    expect((await effective(a.studentId, a.classId, 7)).tokensPerWindow).toBe(1_500);

    const listed = await listPolicies({ db: w.db, schoolId: a.id });
    expect(listed.school.tokensPerWindow).toBe(4_000);
    expect(listed.grades.map((g) => [g.scope, g.tokensPerWindow])).toEqual([["grade:elementary", null], ["grade:middle", 3_000], ["grade:high", 6_000]]);
    expect(listed.classes.find((c) => c.classId === a.classId)).toMatchObject({ hasOverride: true, tokensPerWindow: 1_500 });
    expect(listed.students).toEqual([]);
  });

  it("writes who changed what, before and after, to the audit log", async () => {
    const { a } = w;
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `class:${a.classId}`, values: { tokensPerWindow: 1_000 } });
    const entry = await w.db.auditLog.findFirstOrThrow({ where: { schoolId: a.id, action: "policy.update", targetId: `class:${a.classId}` }, orderBy: { createdAt: "desc" } });
    expect(entry.actorId).toBe(a.admin.id);
    expect(entry.before).toMatchObject({ tokensPerWindow: 1_500 });
    expect(entry.after).toMatchObject({ tokensPerWindow: 1_000, windowSeconds: null });
  });

  it("keeps overrides under the school's monthly cap, writing nothing when refused", async () => {
    const { a } = w;
    await putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "school", values: { tokensPerWindow: 4_000, monthlyTokenCap: 50_000, monthlyCostCapUsd: 25.5 } });
    const audits = await w.db.auditLog.count();
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `student:${a.studentId}`, values: { tokensPerWindow: 60_000 } }), "bad_request:policy", /can't exceed the school's monthly token cap \(50,000\)/);
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "grade:high", values: { dailyTokenCap: 50_001 } }), "bad_request:policy");
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `class:${a.classId}`, values: { monthlyTokenCap: 10 } }), "bad_request:policy", /whole school/);
    // Lowering the cap below an existing override (grade:high allows 6,000 per window) is refused too.
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "school", values: { monthlyTokenCap: 5_000 } }), "bad_request:policy", /grade:high/);
    expect(await w.db.auditLog.count()).toBe(audits);
    expect(await w.db.budgetPolicy.findUnique({ where: { schoolId_scope: { schoolId: a.id, scope: `student:${a.studentId}` } } })).toBeNull();
    const school = (await listPolicies({ db: w.db, schoolId: a.id })).school;
    expect(school).toMatchObject({ monthlyTokenCap: 50_000, monthlyCostCapUsd: 25.5 });
  });

  it("binds scopes to the school: another school's class is 403, a missing one 404", async () => {
    const { a, b } = w;
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `class:${b.classId}`, values: { tokensPerWindow: 1 } }), "forbidden:policy");
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `student:${b.studentId}`, values: { tokensPerWindow: 1 } }), "forbidden:policy");
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "class:nope", values: { tokensPerWindow: 1 } }), "not_found:policy");
    // A teacher's id is not a student scope.
    await rejects(putPolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: `student:${a.teacherId}`, values: { tokensPerWindow: 1 } }), "not_found:policy");
    await rejects(deletePolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "school" }), "bad_request:policy");
    await rejects(deletePolicy({ db: w.db, actor: a.admin, schoolId: a.id, scope: "grade:elementary" }), "not_found:policy");
  });
});
