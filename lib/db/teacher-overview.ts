// The teacher's home: each of their classes with today's and this week's tutor use (school time
// zone), the share of answers by mode, and how many students are using the tutor right now.
import type { ClassSummary } from "./classes";
import type { Db } from "./client";
import { Prisma } from "./generated/client";
import { ACTIVE_NOW_MS } from "./teacher-students";
import { emptyModes, isMode, type ModeCounts } from "./usage-modes";
import { localDate, safeTimeZone, startOfLocalDate, startOfLocalWeek } from "./usage-range";

export interface PeriodUsage {
  messages: number;
  tokens: number;
  costUsd: number;
  byMode: ModeCounts;
}

export interface ClassOverview extends ClassSummary {
  today: PeriodUsage;
  week: PeriodUsage;
  /** Students with a turn in the last 15 minutes. */
  activeNow: number;
}

const emptyPeriod = (): PeriodUsage => ({ messages: 0, tokens: 0, costUsd: 0, byMode: emptyModes() });

export async function listTeacherClassOverview({ db, teacherId, now = new Date() }: { db: Db; teacherId: string; now?: Date }): Promise<ClassOverview[]> {
  const classes = await db.class.findMany({
    where: { teachers: { some: { teacherId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, subject: true, school: { select: { timezone: true } }, _count: { select: { enrollments: true } } },
  });
  if (classes.length === 0) return [];
  // A teacher's classes share a school, hence a zone; the first class's stands for all.
  const tz = safeTimeZone(classes[0]!.school.timezone);
  const todayStart = startOfLocalDate(localDate(now, tz), tz);
  const weekStart = startOfLocalWeek(now, tz);
  const ids = Prisma.join(classes.map((c) => c.id));
  const [usage, active] = await Promise.all([
    db.$queryRaw<{ classId: string; mode: string; today: boolean; messages: number; tokens: number; cost: number }[]>`
      SELECT "classId", "mode"::text AS mode, ("hour" >= ${todayStart}) AS today, sum("messages")::int AS messages,
             sum("inputTokens" + "outputTokens")::float8 AS tokens, sum("costUsd")::float8 AS cost
      FROM "UsageRollup" WHERE "classId" IN (${ids}) AND "hour" >= ${weekStart}
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ classId: string; n: number }[]>`
      SELECT "classId", count(DISTINCT "studentId")::int AS n FROM "UsageEvent"
      WHERE "classId" IN (${ids}) AND "createdAt" >= ${new Date(now.getTime() - ACTIVE_NOW_MS)}
      GROUP BY 1`,
  ]);
  const periods = new Map(classes.map((c) => [c.id, { today: emptyPeriod(), week: emptyPeriod() }]));
  for (const u of usage) {
    const p = periods.get(u.classId);
    if (!p || !isMode(u.mode)) continue;
    for (const period of u.today ? [p.today, p.week] : [p.week]) {
      period.messages += u.messages;
      period.tokens += u.tokens;
      period.costUsd += u.cost;
      period.byMode[u.mode] += u.messages;
    }
  }
  const activeBy = new Map(active.map((a) => [a.classId, a.n]));
  return classes.map((c) => {
    const p = periods.get(c.id)!;
    return {
      id: c.id,
      name: c.name,
      subject: c.subject,
      students: c._count.enrollments,
      messagesToday: p.today.messages,
      tokensToday: p.today.tokens,
      today: p.today,
      week: p.week,
      activeNow: activeBy.get(c.id) ?? 0,
    };
  });
}
