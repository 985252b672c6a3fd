// One tutor turn written to PostgreSQL in one transaction: the conversation (created on its first
// turn), both messages, the UsageEvent and its share of the dashboards' UsageRollup. Every row carries
// an id chosen by the app, so writing the same turn twice (a retry after a database hiccup) changes
// nothing — the rollup included (see rollupTurn).
import type { Db } from "@/lib/db/client";
import { rollupTurn } from "@/lib/db/usage-rollup";
import type { Mode, Reason, Usage } from "@/lib/tutor/types";

export interface TurnRecord {
  turnId: string;
  studentId: string;
  schoolId: string;
  classId: string | null;
  conversation: { id: string; title: string; subject: string | null };
  userMessage: { id: string; content: string; createdAt: string };
  assistantMessage: { id: string; content: string; flag: string | null; createdAt: string };
  mode: Mode;
  reason: Reason;
  model: string;
  usage: Usage;
  costUsd: number;
  ttftMs: number | null;
  latencyMs: number;
  upstreamStatus: number | null;
}

export async function writeTurn(db: Db, t: TurnRecord): Promise<void> {
  const finishedAt = new Date(t.assistantMessage.createdAt);
  await db.$transaction([
    db.conversation.upsert({
      where: { id: t.conversation.id },
      create: {
        id: t.conversation.id,
        studentId: t.studentId,
        schoolId: t.schoolId,
        classId: t.classId,
        title: t.conversation.title,
        subject: t.conversation.subject,
        createdAt: new Date(t.userMessage.createdAt),
      },
      update: { updatedAt: finishedAt },
    }),
    db.message.createMany({
      data: [
        { id: t.userMessage.id, conversationId: t.conversation.id, role: "USER", content: t.userMessage.content, createdAt: new Date(t.userMessage.createdAt) },
        {
          id: t.assistantMessage.id,
          conversationId: t.conversation.id,
          role: "ASSISTANT",
          content: t.assistantMessage.content,
          mode: t.mode,
          reason: t.reason,
          flag: t.assistantMessage.flag,
          createdAt: finishedAt,
        },
      ],
      skipDuplicates: true,
    }),
    db.usageEvent.createMany({
      data: [
        {
          id: t.turnId,
          studentId: t.studentId,
          schoolId: t.schoolId,
          classId: t.classId,
          conversationId: t.conversation.id,
          messageId: t.assistantMessage.id,
          model: t.model,
          mode: t.mode,
          reason: t.reason,
          inputTokens: t.usage.inputTokens,
          outputTokens: t.usage.outputTokens,
          cacheReadTokens: t.usage.cacheReadTokens,
          cacheWriteTokens: t.usage.cacheWriteTokens,
          costUsd: t.costUsd,
          ttftMs: t.ttftMs,
          latencyMs: t.latencyMs,
          upstreamStatus: t.upstreamStatus,
          createdAt: finishedAt,
        },
      ],
      skipDuplicates: true,
    }),
    rollupTurn({ db, turnId: t.turnId, safetyFlag: t.assistantMessage.flag === "safety" }),
  ]);
}
