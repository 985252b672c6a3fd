// What the admin console reads from the ledger, and what privacy operations must leave in it, against
// real PostgreSQL and the embedded one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMonthStandings } from "@/lib/admin/monthly-cap";
import { getRecentActivity } from "./admin-ops";
import { deleteStudentData, exportStudentData, purgeExpiredTranscripts } from "./admin-privacy";
import { listUsageTotals } from "./admin-reports";
import { loadSchoolShares } from "./admin-schools";
import { createAdminTestWorld, usageRow, type AdminTestWorld } from "./admin-test-world";
import { testDatabaseKinds } from "./test-db";

const kinds = await testDatabaseKinds();
const DAY = 86_400_000;

describe.each(kinds)("ledger reads and privacy on %s PostgreSQL", (kind) => {
  let w: AdminTestWorld;
  beforeAll(async () => {
    w = await createAdminTestWorld(kind);
  });
  afterAll(() => w.close());

  const conversation = (studentId: string, schoolId: string, updatedAt: Date) =>
    w.db.conversation.create({
      data: { studentId, schoolId, title: "t", updatedAt, messages: { create: [{ role: "USER", content: "hi" }, { role: "ASSISTANT", content: "hello", mode: "full", reason: "normal" }] } },
      select: { id: true },
    });

  it("totals tokens per school, class, month and model", async () => {
    const { a, b } = w;
    await w.db.usageEvent.createMany({
      data: [
        usageRow({ schoolId: a.id, studentId: a.studentId, classId: a.classId, at: new Date("2026-10-05T00:00:00Z"), input: 1_000, output: 100 }),
        usageRow({ schoolId: a.id, studentId: a.studentId, classId: a.classId, at: new Date("2026-10-31T23:59:59Z"), input: 1_000, output: 100 }),
        usageRow({ schoolId: a.id, studentId: a.otherStudentId, at: new Date("2026-11-01T00:00:00Z"), model: "claude-sonnet-5", input: 10, output: 5 }),
        usageRow({ schoolId: b.id, studentId: b.studentId, classId: b.classId, at: new Date("2026-10-10T00:00:00Z") }),
      ],
    });
    const range = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };
    const rows = await listUsageTotals({ db: w.db, schoolId: a.id, ...range });
    expect(rows.map((r) => [r.month, r.className, r.model, r.turns, r.inputTokens, r.outputTokens])).toEqual([
      ["2026-10", expect.stringMatching(/^Maths /), "claude-haiku-4-5", 2, 2_000, 200],
      ["2026-11", null, "claude-sonnet-5", 1, 10, 5],
    ]);
    expect(await listUsageTotals({ db: w.db, schoolId: null, ...range })).toHaveLength(3);
  });

  it("reads the month so far for the cap, and recent activity for the ops view", async () => {
    const { a } = w;
    const now = new Date();
    await w.db.usageEvent.createMany({
      data: [
        usageRow({ schoolId: a.id, studentId: a.studentId, classId: a.classId, input: 300, output: 200 }),
        usageRow({ schoolId: a.id, studentId: a.studentId, classId: a.classId, mode: "fallback", model: "offline-tutor", input: 0, output: 0, status: 529 }),
        usageRow({ schoolId: a.id, studentId: a.studentId, at: new Date(now.getTime() - 20 * 60_000) }),
      ],
    });
    await w.db.budgetPolicy.create({ data: { schoolId: a.id, scope: "school", monthlyTokenCap: 1_000n } });
    const standing = await createMonthStandings({ db: () => w.db })(a.id);
    // The 20-minute-old row counts for the month unless the month just began.
    expect(standing.tokens).toBeGreaterThanOrEqual(500);
    expect(standing.caps).toEqual({ tokens: 1_000, costUsd: null });
    expect(standing.used).toBeCloseTo(standing.tokens / 1_000);

    const recent = await getRecentActivity({ db: w.db, schoolIds: [a.id], since: new Date(now.getTime() - 15 * 60_000) });
    expect(recent).toMatchObject({ turns: 2, modes: { full: 1, fallback: 1 }, upstreamErrors: { "529": 1 } });
    expect(recent.topClasses).toEqual([{ classId: a.classId, name: expect.stringMatching(/^Maths /), schoolName: expect.stringMatching(/^School /), turns: 2, tokens: 500 }]);
  });

  it("loads valid school shares for the governor", async () => {
    const { a, b } = w;
    await w.db.school.update({ where: { id: a.id }, data: { keyShare: 0.25 } });
    await w.db.school.update({ where: { id: b.id }, data: { keyShare: 1 } });
    expect(await loadSchoolShares({ db: w.db })).toEqual({ [a.id]: 0.25 });
  });

  it("purges transcripts past the retention period and keeps the ledger", async () => {
    const { a, b } = w;
    await w.db.school.update({ where: { id: a.id }, data: { transcriptRetentionDays: 30 } });
    const now = new Date();
    const old = await conversation(a.studentId, a.id, new Date(now.getTime() - 31 * DAY));
    const fresh = await conversation(a.studentId, a.id, new Date(now.getTime() - 29 * DAY));
    const otherSchool = await conversation(b.studentId, b.id, new Date(now.getTime() - 400 * DAY));
    await w.db.usageEvent.create({ data: { ...usageRow({ schoolId: a.id, studentId: a.studentId }), conversationId: old.id } });
    const ledger = await w.db.usageEvent.count();

    expect(await purgeExpiredTranscripts({ db: w.db, now })).toEqual([{ schoolId: a.id, conversations: 1 }]);
    expect(await w.db.conversation.findMany({ where: { id: { in: [old.id, fresh.id, otherSchool.id] } }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(
      [{ id: fresh.id }, { id: otherSchool.id }].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(await w.db.message.count({ where: { conversationId: old.id } })).toBe(0);
    expect(await w.db.usageEvent.count()).toBe(ledger);
  });

  it("exports one student's data, then deletes it without touching the ledger", async () => {
    const { a } = w;
    await conversation(a.studentId, a.id, new Date());
    const exported = await exportStudentData({ db: w.db, studentId: a.studentId });
    expect(exported.student.id).toBe(a.studentId);
    expect(exported.conversations.length).toBeGreaterThanOrEqual(1);
    expect(exported.conversations[0]!.messages.map((m) => m.role)).toEqual(["USER", "ASSISTANT"]);
    expect(exported.usage.length).toBeGreaterThan(0);

    const ledger = await w.db.usageEvent.aggregate({ where: { schoolId: a.id }, _sum: { inputTokens: true }, _count: true });
    const out = await deleteStudentData({ db: w.db, actor: a.admin, studentId: a.studentId, eraseAccount: true });
    expect(out.conversations).toBeGreaterThanOrEqual(1);
    expect(await w.db.conversation.count({ where: { studentId: a.studentId } })).toBe(0);
    expect(await w.db.usageEvent.aggregate({ where: { schoolId: a.id }, _sum: { inputTokens: true }, _count: true })).toEqual(ledger);
    const erased = await w.db.user.findUniqueOrThrow({ where: { id: a.studentId }, select: { name: true, email: true, active: true } });
    expect(erased).toEqual({ name: "Deleted student", email: `deleted-${a.studentId}@deleted.invalid`, active: false });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: "student.erase", targetId: a.studentId } });
    expect(audit.actorId).toBe(a.admin.id);
  });
});
