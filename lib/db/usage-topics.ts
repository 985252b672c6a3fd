// Top topics and most asked questions of a class over a range, from its students' stored messages.
import type { Db } from "./client";
import type { UsageRange } from "./usage-range";
import { summariseQuestions, type QuestionCount, type TermCount } from "./usage-text";

/** The newest questions read per request: enough for a stable top ten, bounded for any class size. */
export const TOPIC_SAMPLE = 1_500;
/** Conversations read for that sample, newest first: a few questions each. */
const CONVERSATION_SAMPLE = 500;

export interface ClassTopics {
  topics: TermCount[];
  questions: QuestionCount[];
  /** How many questions were read (at most TOPIC_SAMPLE). */
  sampled: number;
}

export async function listClassTopics({ db, classId, range }: { db: Db; classId: string; range: UsageRange }): Promise<ClassTopics> {
  // Newest conversations first, straight from the (classId, updatedAt) index, then their questions
  // in the range: the work is bounded by the sample, not by how busy the class was.
  const rows = await db.$queryRaw<{ content: string }[]>`
    SELECT m."content"
    FROM (SELECT "id" FROM "Conversation"
          WHERE "classId" = ${classId} AND "updatedAt" >= ${range.from} AND "createdAt" < ${range.to}
          ORDER BY "updatedAt" DESC LIMIT ${CONVERSATION_SAMPLE}) c
    CROSS JOIN LATERAL (SELECT "content" FROM "Message"
          WHERE "conversationId" = c."id" AND "role" = 'USER' AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
          ORDER BY "createdAt" DESC) m
    LIMIT ${TOPIC_SAMPLE}`;
  return { ...summariseQuestions(rows.map((r) => r.content)), sampled: rows.length };
}
