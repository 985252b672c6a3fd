// Conversations and messages, always scoped to the student who owns them.
import type { Db } from "./client";
import type { HistoryTurn } from "@/lib/tutor/types";

/**
 * The conversation a message continues, with its recent turns (the model client keeps the newest
 * and folds the rest into a summary, so input stays bounded however long the conversation grows).
 * Returns null when the id names a conversation that isn't this student's, so another student's
 * transcript can never leak.
 */
export async function getConversationContext({
  db,
  studentId,
  conversationId,
  maxTurns = 20,
}: {
  db: Db;
  studentId: string;
  conversationId: string;
  maxTurns?: number;
}): Promise<{ id: string; history: HistoryTurn[] } | null> {
  const convo = await db.conversation.findFirst({
    where: { id: conversationId, studentId },
    select: {
      id: true,
      messages: { orderBy: { createdAt: "desc" }, take: maxTurns, select: { role: true, content: true } },
    },
  });
  if (!convo) return null;
  const history = convo.messages.reverse().map((m) => ({ role: m.role === "USER" ? "user" : "assistant", content: m.content }) as HistoryTurn);
  return { id: convo.id, history };
}

export function listConversations({ db, studentId, take = 30 }: { db: Db; studentId: string; take?: number }) {
  return db.conversation.findMany({
    where: { studentId },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, subject: true, updatedAt: true },
  });
}

export function getTranscript({ db, studentId, conversationId }: { db: Db; studentId: string; conversationId: string }) {
  return db.conversation.findFirst({
    where: { id: conversationId, studentId },
    select: {
      id: true,
      title: true,
      subject: true,
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, role: true, content: true, mode: true, reason: true, createdAt: true } },
    },
  });
}
