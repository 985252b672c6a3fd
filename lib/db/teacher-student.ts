// One student as their teacher sees them: use over a range and the conversations they had in the
// class, read-only.
import type { Db } from "./client";
import { getClassUsage } from "./usage-class";
import type { UsageRange } from "./usage-range";
import type { Mode } from "@/lib/tutor/types";

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
  questions: number;
  safetyFlags: number;
}

export interface TranscriptMessage {
  id: string;
  role: "USER" | "ASSISTANT";
  content: string;
  mode: Mode | null;
  reason: string | null;
  flag: string | null;
  createdAt: string;
}

/** The longest transcript shown; a longer conversation shows its latest messages. */
export const MAX_TRANSCRIPT = 500;

/** The student's use of the tutor in this class over the range. */
export async function getStudentUsage({ db, classId, studentId, range }: { db: Db; classId: string; studentId: string; range: UsageRange }) {
  const { totals, series } = await getClassUsage({ db, classId, studentId, range });
  return { totals, series };
}

export async function listStudentConversations({ db, classId, studentId, limit = 30 }: { db: Db; classId: string; studentId: string; limit?: number }): Promise<ConversationSummary[]> {
  const rows = await db.$queryRaw<{ id: string; title: string; updatedAt: Date; questions: number; flags: number }[]>`
    SELECT c."id", c."title", c."updatedAt",
           count(m."id") FILTER (WHERE m."role" = 'USER')::int AS questions,
           count(m."id") FILTER (WHERE m."flag" = 'safety')::int AS flags
    FROM "Conversation" c LEFT JOIN "Message" m ON m."conversationId" = c."id"
    WHERE c."studentId" = ${studentId} AND c."classId" = ${classId}
    GROUP BY c."id", c."title", c."updatedAt"
    ORDER BY c."updatedAt" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updatedAt.toISOString(), questions: r.questions, safetyFlags: r.flags }));
}

/** Null when the conversation isn't this student's in this class. */
export async function getConversationTranscript({ db, classId, studentId, conversationId }: { db: Db; classId: string; studentId: string; conversationId: string }) {
  const convo = await db.conversation.findFirst({ where: { id: conversationId, studentId, classId }, select: { id: true, title: true, createdAt: true } });
  if (!convo) return null;
  const latest = await db.message.findMany({
    where: { conversationId },
    orderBy: { createdAt: "desc" },
    take: MAX_TRANSCRIPT,
    select: { id: true, role: true, content: true, mode: true, reason: true, flag: true, createdAt: true },
  });
  const messages: TranscriptMessage[] = latest.reverse().map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
  return { id: convo.id, title: convo.title, messages };
}
