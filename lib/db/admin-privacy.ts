// Privacy: transcripts expire after the school's retention period, and one student's data can be
// exported or deleted. Only transcripts (Conversation, Message) are removed: the usage ledger has no
// foreign key to them on purpose, so budgets, caps and reports keep their totals.
import type { SessionUser } from "@/lib/auth/roles";
import { writeAudit } from "./admin-audit";
import type { Db } from "./client";

const DAY_MS = 86_400_000;

/** Deletes conversations untouched for longer than their school's retention; returns counts per school. */
export async function purgeExpiredTranscripts({ db, now = new Date() }: { db: Db; now?: Date }): Promise<{ schoolId: string; conversations: number }[]> {
  const schools = await db.school.findMany({ where: { transcriptRetentionDays: { not: null } }, select: { id: true, transcriptRetentionDays: true } });
  const out = [];
  for (const s of schools) {
    const cutoff = new Date(now.getTime() - s.transcriptRetentionDays! * DAY_MS);
    const { count } = await db.conversation.deleteMany({ where: { schoolId: s.id, updatedAt: { lt: cutoff } } });
    out.push({ schoolId: s.id, conversations: count });
  }
  return out;
}

export async function exportStudentData({ db, studentId }: { db: Db; studentId: string }) {
  const student = await db.user.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      gradeLevel: true,
      active: true,
      createdAt: true,
      school: { select: { id: true, name: true } },
      enrollments: { select: { createdAt: true, class: { select: { id: true, name: true } } } },
    },
  });
  const [conversations, usage] = await Promise.all([
    db.conversation.findMany({
      where: { studentId },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, subject: true, createdAt: true, messages: { orderBy: { createdAt: "asc" }, select: { role: true, content: true, mode: true, reason: true, createdAt: true } } },
    }),
    db.usageEvent.findMany({
      where: { studentId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, model: true, mode: true, reason: true, inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true, costUsd: true },
    }),
  ]);
  return { exportedAt: new Date().toISOString(), student, conversations, usage: usage.map((u) => ({ ...u, costUsd: Number(u.costUsd) })) };
}

/**
 * Deletes the student's transcripts; with eraseAccount also their name and email (the account stays,
 * deactivated, so the ledger's rows keep their owner and the school's totals stay whole).
 */
export async function deleteStudentData({ db, actor, studentId, eraseAccount }: { db: Db; actor: SessionUser; studentId: string; eraseAccount: boolean }) {
  return db.$transaction(async (tx) => {
    const student = await tx.user.findUniqueOrThrow({ where: { id: studentId }, select: { schoolId: true, name: true, email: true, active: true } });
    const messages = await tx.message.count({ where: { conversation: { studentId } } });
    const { count: conversations } = await tx.conversation.deleteMany({ where: { studentId } });
    if (eraseAccount) {
      await tx.enrollment.deleteMany({ where: { studentId } });
      await tx.user.update({ where: { id: studentId }, data: { name: "Deleted student", email: `deleted-${studentId}@deleted.invalid`, gradeLevel: null, active: false } });
    }
    const result = { conversations, messages, accountErased: eraseAccount };
    // The audit entry records that it happened, not what was deleted.
    await writeAudit({ tx, entry: { actor, schoolId: student.schoolId, action: eraseAccount ? "student.erase" : "student.delete_transcripts", targetType: "User", targetId: studentId, before: { active: student.active }, after: result } });
    return result;
  });
}
