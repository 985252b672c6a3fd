// CSV exports of a class's tutor use over a range: one row per enrolled student per local day, and
// the raw turns. Cells that look like formulas are escaped: a name such as "=HYPERLINK(…)" must
// not run in the teacher's spreadsheet.
import Papa from "papaparse";
import type { Db } from "./client";
import { bucketKeys, type UsageRange } from "./usage-range";
import { emptyModes, isMode } from "./usage-modes";
import { MODES } from "@/lib/tutor/types";

/** Raw turns are read in pages of this many, so a long export never holds the ledger in memory. */
const PAGE = 5_000;

const csv = (data: unknown[][], fields: string[], header: boolean) => Papa.unparse({ fields, data }, { header, escapeFormulae: true, newline: "\r\n" });

const DAILY_FIELDS = ["date", "student", "email", "messages", ...MODES.map((m) => `${m}_answers`), "input_tokens", "output_tokens", "cost_usd", "budget_exhausted", "safety_flags"];

export async function buildDailyCsv({ db, classId, range }: { db: Db; classId: string; range: UsageRange }): Promise<string> {
  const [students, rows] = await Promise.all([
    db.enrollment.findMany({ where: { classId }, select: { student: { select: { id: true, name: true, email: true } } }, orderBy: { student: { name: "asc" } } }),
    db.$queryRaw<{ date: string; studentId: string; mode: string; messages: number; input: number; output: number; cost: number; exhausted: number; flags: number }[]>`
      SELECT to_char(("hour" AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone}, 'YYYY-MM-DD') AS date, "studentId", "mode"::text AS mode,
             sum("messages")::int AS messages, sum("inputTokens")::float8 AS input, sum("outputTokens")::float8 AS output,
             sum("costUsd")::float8 AS cost, sum("budgetExhausted")::int AS exhausted, sum("safetyFlags")::int AS flags
      FROM "UsageRollup" WHERE "classId" = ${classId} AND "hour" >= ${range.from} AND "hour" < ${range.to}
      GROUP BY 1, 2, 3`,
  ]);
  const cells = new Map<string, { modes: ReturnType<typeof emptyModes>; input: number; output: number; cost: number; exhausted: number; flags: number }>();
  for (const r of rows) {
    const key = `${r.date}|${r.studentId}`;
    const c = cells.get(key) ?? { modes: emptyModes(), input: 0, output: 0, cost: 0, exhausted: 0, flags: 0 };
    if (isMode(r.mode)) c.modes[r.mode] += r.messages;
    c.input += r.input;
    c.output += r.output;
    c.cost += r.cost;
    c.exhausted += r.exhausted;
    c.flags += r.flags;
    cells.set(key, c);
  }
  const data = bucketKeys({ ...range, bucket: "day" }).flatMap((date) =>
    students.map(({ student: s }) => {
      const c = cells.get(`${date}|${s.id}`);
      const modes = MODES.map((m) => c?.modes[m] ?? 0);
      return [date, s.name, s.email, modes.reduce((a, b) => a + b, 0), ...modes, c?.input ?? 0, c?.output ?? 0, (c?.cost ?? 0).toFixed(6), c?.exhausted ?? 0, c?.flags ?? 0];
    }),
  );
  return csv(data, DAILY_FIELDS, true);
}

const TURN_FIELDS = ["time_utc", "student", "email", "mode", "reason", "model", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "cost_usd", "ttft_ms", "latency_ms", "upstream_status", "conversation_id"];

/** Every turn of the class in the range, oldest first, as CSV chunks (header in the first). */
export async function* streamTurnsCsv({ db, classId, range }: { db: Db; classId: string; range: UsageRange }): AsyncGenerator<string> {
  yield csv([], TURN_FIELDS, true); // papaparse ends a header-only table with a newline
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    // Keyset pages on the (classId, createdAt) index: each page starts where the last one ended.
    const page = await readTurns(db, classId, range, after);
    if (page.length === 0) return;
    yield `${csv(
      page.map((t) => [t.createdAt.toISOString(), t.student.name, t.student.email, t.mode, t.reason, t.model, t.inputTokens, t.outputTokens, t.cacheReadTokens, t.cacheWriteTokens, t.costUsd.toFixed(6), t.ttftMs ?? "", t.latencyMs, t.upstreamStatus ?? "", t.conversationId ?? ""]),
      TURN_FIELDS,
      false,
    )}\r\n`;
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

function readTurns(db: Db, classId: string, range: UsageRange, after: { createdAt: Date; id: string } | null) {
  return db.usageEvent.findMany({
    where: {
      classId,
      createdAt: { gte: range.from, lt: range.to },
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PAGE,
    select: {
      id: true, createdAt: true, mode: true, reason: true, model: true, inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true,
      costUsd: true, ttftMs: true, latencyMs: true, upstreamStatus: true, conversationId: true, student: { select: { name: true, email: true } },
    },
  });
}
