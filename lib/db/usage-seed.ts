// Synthetic tutor use for benchmarks and demos: conversations, messages, UsageEvents and their rollup,
// generated inside PostgreSQL (generate_series) so a million turns take seconds, not a million round
// trips. Turns fall mostly in school hours on weekdays, in the mix of modes a busy school sees.
import { randomBytes } from "node:crypto";
import type { Db } from "./client";

export interface SeedUsageOptions {
  schoolId: string;
  events: number;
  /** Spread over this many days up to now. */
  days: number;
  now?: Date;
}

const TURNS_PER_CONVERSATION = 4;

// Question templates; %1..%3 become small numbers so "most asked" has repeats in many wordings.
const QUESTIONS = [
  "How do I solve %1x + %2 = %3?", "What is %1/%2 plus %3/%2?", "Can you explain fractions with pizza?", "What is photosynthesis?",
  "How do plants make food?", "What is the area of a triangle with base %1 and height %2?", "Why is the sky blue?", "What is a prime number?",
  "Is %1 a prime number?", "How do I write a good essay introduction?", "What caused the First World War?", "What is the water cycle?",
  "How do I find the mean of %1, %2 and %3?", "What is an adjective?", "How does gravity work?", "What is %1 percent of %2?",
  "Explain the Pythagorean theorem", "What is the difference between weather and climate?", "How do I simplify %1/%2?", "What are the states of matter?",
  "How do volcanoes erupt?", "What is a metaphor?", "How do I multiply %1 by %2?", "What is the capital of Australia?",
  "Can you check my answer: %1 x %2 = %3?", "How do I convert %1 cm to metres?", "What is an ecosystem?", "Why do we have seasons?",
];

export async function seedUsage(db: Db, o: SeedUsageOptions): Promise<{ events: number; conversations: number; ms: number }> {
  const started = Date.now();
  const run = randomBytes(4).toString("hex");
  const now = o.now ?? new Date();
  const conversations = Math.ceil(o.events / TURNS_PER_CONVERSATION);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT setseed(0.4242)`;
      // Foreign-key checks, one trigger call per row, are most of a bulk insert's time. Every id here
      // comes from rows that exist, so a superuser (local benchmarks, PGlite) skips them for this
      // transaction; anyone else gets the same rows, just more slowly.
      const [{ superuser }] = await tx.$queryRaw<{ superuser: boolean }[]>`SELECT current_setting('is_superuser') = 'on' AS superuser`;
      if (superuser) await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      await tx.$executeRaw`
        CREATE TEMP TABLE seed_students ON COMMIT DROP AS
        SELECT (row_number() OVER (ORDER BY e."classId", e."studentId") - 1)::int AS i, e."studentId", e."classId"
        FROM "Enrollment" e JOIN "Class" c ON c."id" = e."classId" WHERE c."schoolId" = ${o.schoolId}`;
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM seed_students`;
      if (!n) throw new Error("seedUsage: the school has no enrolled students; seed the school first.");
      // One row per conversation: who, when (school hours on weekdays mostly), about what.
      await tx.$executeRaw`
        CREATE TEMP TABLE seed_convs ON COMMIT DROP AS
        SELECT k, s."studentId", s."classId", CASE WHEN t > ${now}::timestamp - interval '10 minutes' THEN t - interval '1 day' ELSE t END AS t0, q
        FROM (
          SELECT k, (random() * ${n - 1})::int AS si, floor(random() * ${QUESTIONS.length})::int + 1 AS q,
                 date_trunc('day', ${now}::timestamp) - make_interval(days => floor(random() * ${o.days})::int)
                   + CASE WHEN random() < 0.85 THEN make_interval(hours => 8 + floor(random() * 8)::int) ELSE make_interval(hours => floor(random() * 24)::int) END
                   + make_interval(mins => floor(random() * 60)::int) AS t
          FROM generate_series(0, ${conversations - 1}) k
        ) c JOIN seed_students s ON s.i = c.si`;
      // Weekend sessions are mostly moved to the Friday before: schools are quieter then.
      await tx.$executeRaw`UPDATE seed_convs SET t0 = t0 - interval '2 days' WHERE extract(isodow FROM t0) IN (6, 7) AND random() < 0.7`;
      // One row per turn with everything the ledger records, numbered in time order: inserted in that
      // order, every (…, createdAt) index and the zero-padded ids grow at their right edge. Only full
      // and concise answers used the model; their cost is at list prices per million tokens.
      await tx.$executeRaw`
        CREATE TEMP TABLE seed_events ON COMMIT DROP AS
        SELECT (row_number() OVER (ORDER BY at) - 1)::int AS g, e.*, CASE WHEN used THEN input ELSE 0 END AS tin, CASE WHEN used THEN output ELSE 0 END AS tout,
               CASE mode WHEN 'full' THEN (input * 3 + output * 15) / 1e6 WHEN 'concise' THEN (input + output * 5) / 1e6 ELSE 0 END AS cost
        FROM (
          SELECT c.k, c."studentId", c."classId", c.q, c.t0 + make_interval(secs => (n % ${TURNS_PER_CONVERSATION}) * 90) AS at, r,
                 CASE WHEN r < 0.70 THEN 'full' WHEN r < 0.85 THEN 'concise' WHEN r < 0.89 THEN 'cached' WHEN r < 0.90 THEN 'batched' ELSE 'fallback' END AS mode,
                 CASE WHEN r < 0.70 THEN 'normal' WHEN r < 0.80 THEN 'budget_low' WHEN r < 0.85 THEN 'busy' WHEN r < 0.89 THEN 'cached_answer' WHEN r < 0.90 THEN 'normal'
                      WHEN r < 0.95 THEN 'budget_exhausted' WHEN r < 0.975 THEN 'queue_timeout' WHEN r < 0.998 THEN 'peak_load' ELSE 'safety' END AS reason,
                 r < 0.85 AS used, (random() * 900)::int + 400 AS input, (random() * 500)::int + 100 AS output,
                 (random() * 9)::int + 1 AS a, (random() * 9)::int + 1 AS b, (random() * 20)::int + 1 AS d
          FROM (SELECT n, random() AS r FROM generate_series(0, ${o.events - 1}) n) x
          JOIN seed_convs c ON c.k = x.n / ${TURNS_PER_CONVERSATION}
        ) e
        ORDER BY 1`;
      // Zero-padded ids grow in index order, so each insert lands on the index's rightmost page.
      const prefix = `seed-${run}-`;
      await tx.$executeRaw`
        INSERT INTO "Conversation" ("id", "studentId", "schoolId", "classId", "title", "createdAt", "updatedAt")
        SELECT ${prefix} || 'c' || lpad(k::text, 9, '0'), "studentId", ${o.schoolId}, "classId", 'Question ' || q, t0, t0 + interval '6 minutes' FROM seed_convs ORDER BY k`;
      await tx.$executeRaw`
        INSERT INTO "Message" ("id", "conversationId", "role", "content", "mode", "reason", "flag", "createdAt")
        SELECT ${prefix} || 'u' || lpad(g::text, 9, '0'), ${prefix} || 'c' || lpad(k::text, 9, '0'), 'USER'::"MessageRole",
               replace(replace(replace((${QUESTIONS}::text[])[q], '%1', a::text), '%2', b::text), '%3', d::text), NULL::"TutorMode", NULL, NULL, at - interval '5 seconds'
        FROM seed_events
        UNION ALL
        SELECT ${prefix} || 'a' || lpad(g::text, 9, '0'), ${prefix} || 'c' || lpad(k::text, 9, '0'), 'ASSISTANT'::"MessageRole", 'Let''s work through it together. What do you already know?',
               mode::"TutorMode", reason, CASE WHEN reason = 'safety' THEN 'safety' END, at
        FROM seed_events`;
      await tx.$executeRaw`
        INSERT INTO "UsageEvent" ("id", "studentId", "schoolId", "classId", "conversationId", "messageId", "model", "mode", "reason",
                                  "inputTokens", "outputTokens", "costUsd", "ttftMs", "latencyMs", "upstreamStatus", "createdAt", "rolledUp")
        SELECT ${prefix} || 'e' || lpad(g::text, 9, '0'), "studentId", ${o.schoolId}, "classId", ${prefix} || 'c' || lpad(k::text, 9, '0'), ${prefix} || 'a' || lpad(g::text, 9, '0'),
               CASE mode WHEN 'full' THEN 'claude-sonnet-5' WHEN 'concise' THEN 'claude-haiku-4-5' ELSE 'offline' END, mode::"TutorMode", reason,
               tin, tout, cost, CASE WHEN used THEN 300 + (r * 900)::int END, 900 + (r * 4000)::int, CASE WHEN used THEN 200 END, at, true
        FROM seed_events`;
      // Marked rolledUp above and summed here in one pass, instead of one rollup upsert per turn.
      await tx.$executeRaw`
        INSERT INTO "UsageRollup" AS u ("classId", "studentId", "hour", "mode", "messages", "inputTokens", "outputTokens", "costUsd", "budgetExhausted", "safetyFlags")
        SELECT "classId", "studentId", date_trunc('hour', at), mode::"TutorMode", count(*)::int, sum(tin)::int, sum(tout)::int, sum(cost),
               (count(*) FILTER (WHERE reason = 'budget_exhausted'))::int, (count(*) FILTER (WHERE reason = 'safety'))::int
        FROM seed_events
        GROUP BY 1, 2, 3, 4
        ON CONFLICT ("classId", "studentId", "hour", "mode") DO UPDATE SET
          "messages" = u."messages" + EXCLUDED."messages", "inputTokens" = u."inputTokens" + EXCLUDED."inputTokens",
          "outputTokens" = u."outputTokens" + EXCLUDED."outputTokens", "costUsd" = u."costUsd" + EXCLUDED."costUsd",
          "budgetExhausted" = u."budgetExhausted" + EXCLUDED."budgetExhausted", "safetyFlags" = u."safetyFlags" + EXCLUDED."safetyFlags"`;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe(`ANALYZE "UsageEvent", "UsageRollup", "Message", "Conversation"`);
  return { events: o.events, conversations, ms: Date.now() - started };
}
