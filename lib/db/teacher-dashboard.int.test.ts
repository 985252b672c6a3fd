// The dashboard's queries on real PostgreSQL and on embedded PGlite: turns written through the ledger's
// writer land in the rollup exactly once, and every figure the teacher sees adds up.
import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPolicy, readTopUp } from "@/lib/budget";
import { env } from "@/lib/env";
import { Ledger } from "@/lib/ledger/ledger";
import { writeTurn, type TurnRecord } from "@/lib/ledger/write-turn";
import { closeRedis, createRedis } from "@/lib/redis";
import { createTutorDeps } from "@/lib/tutor/deps";
import type { Mode, Reason } from "@/lib/tutor/types";
import { createPrisma, type Db } from "./client";
import { peekStudentBudgets, type BudgetReader } from "./teacher-budgets";
import { getClassDashboard, getDashboardClassOrThrow } from "./teacher-dashboard";
import { listTeacherClassOverview } from "./teacher-overview";
import { getConversationTranscript, listStudentConversations } from "./teacher-student";
import { grantStudentTopUp } from "./teacher-top-up";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "./test-db";
import { buildDailyCsv, streamTurnsCsv } from "./usage-export";
import { resolveRange } from "./usage-range";
import { listClassTopics } from "./usage-topics";

const HOUR = 3_600_000;
const kinds = await testDatabaseKinds();

describe.each(kinds)("teacher dashboard queries on %s PostgreSQL", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let w: { schoolId: string; classId: string; otherClassId: string; teacherId: string; students: { id: string; name: string }[] };
  const now = new Date();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);

  function turn(o: { student: number; at: Date; mode?: Mode; reason?: Reason; question?: string; flag?: string | null; conversationId?: string; classId?: string }): TurnRecord {
    const s = w.students[o.student]!;
    return {
      turnId: randomUUID(),
      studentId: s.id,
      schoolId: w.schoolId,
      classId: o.classId ?? w.classId,
      conversation: { id: o.conversationId ?? randomUUID(), title: o.question ?? "A question", subject: null },
      userMessage: { id: randomUUID(), content: o.question ?? "How do I add fractions?", createdAt: new Date(o.at.getTime() - 2_000).toISOString() },
      assistantMessage: { id: randomUUID(), content: "Let's think about it together.", flag: o.flag ?? null, createdAt: o.at.toISOString() },
      mode: o.mode ?? "full",
      reason: o.reason ?? "normal",
      model: "claude-test",
      usage: { inputTokens: 100, outputTokens: 50, cacheReadTokens: 0, cacheWriteTokens: 0 },
      costUsd: 0.001,
      ttftMs: 300,
      latencyMs: 900,
      upstreamStatus: 200,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase({ kind });
    db = createPrisma(database.url, 4);
    const school = await db.school.create({ data: { slug: `t-${randomUUID()}`, name: "Test School" } });
    const mk = (role: "STUDENT" | "TEACHER", name: string) => db.user.create({ data: { email: `${randomUUID()}@t.test`, name, role, passwordHash: "x", schoolId: school.id } });
    const [teacher, a, b, c] = await Promise.all([mk("TEACHER", "Teacher"), mk("STUDENT", "Ava"), mk("STUDENT", "Ben"), mk("STUDENT", "=Cal")]);
    const cls = await db.class.create({ data: { schoolId: school.id, name: "Maths", teachers: { create: { teacherId: teacher.id } }, enrollments: { create: [{ studentId: a.id }, { studentId: b.id }, { studentId: c.id }] } } });
    const other = await db.class.create({ data: { schoolId: school.id, name: "Science" } });
    w = { schoolId: school.id, classId: cls.id, otherClassId: other.id, teacherId: teacher.id, students: [a, b, c] };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("counts a turn once however often the ledger writes it", async () => {
    const t = turn({ student: 0, at: at(0.1), question: "How do I solve 2x + 3 = 11?" });
    await writeTurn(db, t);
    await writeTurn(db, t);
    await Promise.all([writeTurn(db, t), writeTurn(db, t)]);
    const rows = await db.usageRollup.findMany({ where: { classId: w.classId } });
    expect(rows.map((r) => r.messages)).toEqual([1]);
    expect(rows[0]).toMatchObject({ inputTokens: 100, outputTokens: 50, mode: "full" });
  });

  it("sums totals, series, heat map and the student table over the range", async () => {
    await writeTurn(db, turn({ student: 0, at: at(0.2), question: "How do I solve 5x + 1 = 6?" }));
    await writeTurn(db, turn({ student: 0, at: at(0.3), mode: "fallback", reason: "budget_exhausted", question: "What are fractions?" }));
    await writeTurn(db, turn({ student: 0, at: at(0.4), mode: "fallback", reason: "budget_exhausted" }));
    await writeTurn(db, turn({ student: 0, at: at(0.5), mode: "fallback", reason: "budget_exhausted" }));
    await writeTurn(db, turn({ student: 1, at: at(0.25), mode: "concise", reason: "budget_low", question: "How do I solve 9x + 2 = 20?" }));
    await writeTurn(db, turn({ student: 1, at: at(0.3), mode: "fallback", reason: "safety", flag: "safety", question: "I feel unsafe" }));
    // Outside the range, and in another class: neither may count.
    await writeTurn(db, turn({ student: 1, at: at(24 * 40) }));
    await writeTurn(db, turn({ student: 2, at: at(0.2), classId: w.otherClassId }));

    const cls = await getDashboardClassOrThrow({ db, classId: w.classId });
    const range = resolveRange({ preset: "7d" }, cls.timeZone, now);
    const deps: BudgetReader = {
      loadStudent: async (id) => ({ id, name: "", gradeLevel: null, schoolId: w.schoolId, classId: w.classId, timeZone: "UTC", helpResources: "" }),
      loadPolicy: async () => defaultPolicy(env),
      budget: { peek: async (id) => ({ limit: 1_000, remaining: id === w.students[0]!.id ? 0 : 900, resetAt: now.getTime() + HOUR }) },
    };
    const d = await getClassDashboard({ db, deps, cls, range, now });

    expect(d.usage.totals).toMatchObject({ messages: 7, tokens: 7 * 150, activeStudents: 2, byMode: { full: 2, concise: 1, fallback: 4, cached: 0, batched: 0 } });
    expect(d.usage.totals.costUsd).toBeCloseTo(0.007, 6);
    expect(d.usage.series).toHaveLength(7);
    expect(d.usage.series.reduce((n, p) => n + p.messages.fallback, 0)).toBe(4);
    expect(d.usage.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(7);

    const [ava, ben, cal] = ["Ava", "Ben", "=Cal"].map((name) => d.students.find((s) => s.name === name));
    expect(ava).toMatchObject({ name: "Ava", messages: 4 + 1, degraded: 3, budgetExhausted: 3, safetyFlags: 0, activeNow: true, budget: { status: "over" } });
    expect(ben).toMatchObject({ name: "Ben", messages: 2, degraded: 2, budgetExhausted: 0, safetyFlags: 1, budget: { status: "ok" } });
    // Cal used the tutor only in another class: listed, with nothing counted here.
    expect(cal).toMatchObject({ name: "=Cal", messages: 0, tokens: 0 });
  });

  it("shows today and this week on the teacher's class list", async () => {
    const [maths] = await listTeacherClassOverview({ db, teacherId: w.teacherId, now });
    expect(maths).toMatchObject({ id: w.classId, students: 3, activeNow: 2, messagesToday: maths!.today.messages });
    // All seven turns are from the last half hour: today's, unless the test runs just after midnight.
    expect(maths!.today.messages).toBeLessThanOrEqual(7);
    expect(maths!.week.messages).toBeGreaterThanOrEqual(maths!.today.messages);
    expect(maths!.week.messages).toBeLessThanOrEqual(7);
    expect(maths!.today.tokens).toBe(maths!.today.messages * 150);
  });

  it("finds the class's topics and repeated questions", async () => {
    const topics = await listClassTopics({ db, classId: w.classId, range: resolveRange({ preset: "today" }, "UTC", now) });
    expect(topics.questions[0]).toMatchObject({ text: "how do i solve #x + # = #", count: 3 });
    expect(topics.topics.map((t) => t.term)).toContain("fraction");
  });

  it("exports one row per student per day and every raw turn, formulas escaped", async () => {
    const range = resolveRange({ preset: "7d" }, "UTC", now);
    const daily = (await buildDailyCsv({ db, classId: w.classId, range })).split("\r\n");
    expect(daily).toHaveLength(1 + 7 * 3);
    expect(daily.some((l) => l.includes("'=Cal"))).toBe(true);
    let raw = "";
    for await (const chunk of streamTurnsCsv({ db, classId: w.classId, range })) raw += chunk;
    const lines = raw.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^time_utc,student,email,mode/);
    expect(lines).toHaveLength(1 + 7);
  });

  it("lists a student's conversations in this class and reads one, nobody else's", async () => {
    const convo = randomUUID();
    await writeTurn(db, turn({ student: 2, at: at(1), conversationId: convo, question: "What is a prime?" }));
    const list = await listStudentConversations({ db, classId: w.classId, studentId: w.students[2]!.id });
    expect(list.map((c) => c.id)).toContain(convo);
    const t = await getConversationTranscript({ db, classId: w.classId, studentId: w.students[2]!.id, conversationId: convo });
    expect(t?.messages.map((m) => [m.role, m.mode])).toEqual([["USER", null], ["ASSISTANT", "full"]]);
    expect(await getConversationTranscript({ db, classId: w.classId, studentId: w.students[0]!.id, conversationId: convo })).toBeNull();
    expect(await getConversationTranscript({ db, classId: w.otherClassId, studentId: w.students[2]!.id, conversationId: convo })).toBeNull();
  });

  const realDeps = (redis: Redis) =>
    createTutorDeps({
      db: () => db, redis, ledger: new Ledger({ db: () => db, redis, prefix: "unused" }), anthropic: null,
      governor: { prefix: "unused", limits: { rpm: 1, itpm: 1, otpm: 1 } }, load: { prefix: "unused" }, maxWaitMs: 1, deadlineMs: 1, defaults: defaultPolicy(env),
    });

  it("reads each student's budget under the policy the tutor would use, their own override included", async () => {
    const redis = createRedis({ embedded: true, prefix: `test:budgets:${randomUUID()}` });
    const [ava, ben, cal] = w.students;
    await db.budgetPolicy.createMany({
      data: [
        { schoolId: w.schoolId, scope: "school", tokensPerWindow: 3_000 },
        { schoolId: w.schoolId, scope: `student:${ben!.id}`, studentId: ben!.id, tokensPerWindow: 2_000 },
      ],
    });
    try {
      const budgets = await peekStudentBudgets({ db, deps: realDeps(redis), studentIds: [ava!.id, ben!.id, cal!.id, "no-such-student"] });
      expect([ava, ben, cal].map((s) => budgets.get(s!.id)?.limit)).toEqual([3_000, 2_000, 3_000]);
      expect(budgets.get("no-such-student")).toBeNull();
    } finally {
      await db.budgetPolicy.deleteMany({ where: { schoolId: w.schoolId } });
      await closeRedis(redis);
    }
  });

  it("logs a top-up with the budget before and after, and takes it back if the log fails", async () => {
    const redis = createRedis({ embedded: true, prefix: `test:topup:${randomUUID()}` });
    const deps = realDeps(redis);
    const studentId = w.students[1]!.id;
    const r = await grantStudentTopUp({ db, redis, deps, actorId: w.teacherId, studentId, tokens: 700 });
    expect(r.after.remaining - r.before.remaining).toBe(700);
    const log = await db.auditLog.findFirstOrThrow({ where: { targetId: studentId, action: "budget.top_up" } });
    expect(log).toMatchObject({ actorId: w.teacherId, schoolId: w.schoolId, before: { remaining: r.before.remaining }, after: { remaining: r.after.remaining, granted: 700 } });

    // An actor who doesn't exist can't be logged (foreign key): the grant must not stand.
    await expect(grantStudentTopUp({ db, redis, deps, actorId: "no-such-user", studentId, tokens: 100 })).rejects.toThrow();
    expect((await readTopUp(redis, studentId, defaultPolicy(env))).window).toBe(700);
    await expect(grantStudentTopUp({ db, redis, deps, actorId: w.teacherId, studentId, tokens: 1_000_000 })).rejects.toMatchObject({ code: "bad_request:top_up" });
    await closeRedis(redis);
  });
});
