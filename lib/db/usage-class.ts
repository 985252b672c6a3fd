// A class's (or one student's) tutor use over a date range, from UsageRollup: totals, a time series
// stacked by mode and a weekday × hour heat map, all in the school's time zone — from one scan of
// the range's rollup rows.
import type { Db } from "./client";
import { Prisma } from "./generated/client";
import { bucketKeys, type UsageRange } from "./usage-range";
import { emptyModes, isMode, type ModeCounts } from "./usage-modes";

export interface UsagePoint {
  /** YYYY-MM-DD, or YYYY-MM-DDTHH for hourly ranges (local time). */
  bucket: string;
  messages: ModeCounts;
  tokens: ModeCounts;
}

export interface UsageTotals {
  messages: number;
  tokens: number;
  costUsd: number;
  byMode: ModeCounts;
  activeStudents: number;
}

export interface ClassUsage {
  totals: UsageTotals;
  series: UsagePoint[];
  /** Messages by local weekday (0 = Monday) and hour (0..23). */
  heatmap: number[][];
}

interface Row {
  /** Null on the grand-total row. */
  bucket: string | null;
  dow: number | null;
  h: number | null;
  mode: string | null;
  messages: number;
  tokens: number;
  cost: number;
  students: number;
}

export async function getClassUsage({ db, classId, studentId, range }: { db: Db; classId: string; studentId?: string; range: UsageRange }): Promise<ClassUsage> {
  const format = range.bucket === "hour" ? 'YYYY-MM-DD"T"HH24' : "YYYY-MM-DD";
  const student = studentId ? Prisma.sql`AND "studentId" = ${studentId}` : Prisma.empty;
  // The rollup's hours are UTC: AT TIME ZONE 'UTC' makes them instants, the second AT TIME ZONE local
  // wall time. Grouping sets give the per-hour rows and the grand total (distinct students) at once.
  const rows = await db.$queryRaw<Row[]>`
    SELECT to_char(l, ${format}) AS bucket, extract(isodow FROM l)::int - 1 AS dow, extract(hour FROM l)::int AS h, "mode"::text AS mode,
           sum("messages")::int AS messages, sum(tokens)::float8 AS tokens, sum("costUsd")::float8 AS cost, count(DISTINCT "studentId")::int AS students
    FROM (SELECT ("hour" AT TIME ZONE 'UTC') AT TIME ZONE ${range.timeZone} AS l, "mode", "messages", "inputTokens" + "outputTokens" AS tokens, "costUsd", "studentId"
          FROM "UsageRollup"
          WHERE "classId" = ${classId} ${student} AND "hour" >= ${range.from} AND "hour" < ${range.to}) x
    GROUP BY GROUPING SETS ((l, "mode"), ())`;

  // Every bucket of the range, empty ones included, so the chart's axis is continuous.
  const points = new Map(bucketKeys(range).map((bucket) => [bucket, { bucket, messages: emptyModes(), tokens: emptyModes() }]));
  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const totals: UsageTotals = { messages: 0, tokens: 0, costUsd: 0, byMode: emptyModes(), activeStudents: 0 };
  for (const r of rows) {
    if (r.mode === null) {
      totals.activeStudents = r.students;
      continue;
    }
    if (!isMode(r.mode)) continue;
    totals.messages += r.messages;
    totals.tokens += r.tokens;
    totals.costUsd += r.cost;
    totals.byMode[r.mode] += r.messages;
    heatmap[r.dow!]![r.h!]! += r.messages;
    const p = points.get(r.bucket!);
    if (p) {
      p.messages[r.mode] += r.messages;
      p.tokens[r.mode] += r.tokens;
    }
  }
  return { totals, series: [...points.values()], heatmap };
}
