// Classes as teachers and admins see them.
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export interface ClassSummary {
  id: string;
  name: string;
  subject: string | null;
  students: number;
  messagesToday: number;
  tokensToday: number;
}

/** Midnight UTC today; schools' own time zones come with the dashboard issue. */
export function startOfToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function listTeacherClasses({ db, teacherId, since }: { db: Db; teacherId: string; since?: Date }): Promise<ClassSummary[]> {
  return summarizeClasses(db, { teachers: { some: { teacherId } } }, since);
}

export function listSchoolClasses({ db, schoolId, since }: { db: Db; schoolId: string; since?: Date }): Promise<ClassSummary[]> {
  return summarizeClasses(db, { schoolId }, since);
}

export async function getClassSummary({ db, classId, since }: { db: Db; classId: string; since?: Date }): Promise<ClassSummary | null> {
  return (await summarizeClasses(db, { id: classId }, since))[0] ?? null;
}

async function summarizeClasses(db: Db, where: Prisma.ClassWhereInput, since = startOfToday()): Promise<ClassSummary[]> {
  const classes = await db.class.findMany({
    where,
    orderBy: { name: "asc" },
    select: { id: true, name: true, subject: true, _count: { select: { enrollments: true } } },
  });
  return withTodayUsage(db, classes, since);
}

async function withTodayUsage(
  db: Db,
  classes: { id: string; name: string; subject: string | null; _count: { enrollments: number } }[],
  since: Date,
): Promise<ClassSummary[]> {
  if (classes.length === 0) return [];
  const usage = await db.usageEvent.groupBy({
    by: ["classId"],
    where: { classId: { in: classes.map((c) => c.id) }, createdAt: { gte: since } },
    _count: { _all: true },
    _sum: { inputTokens: true, outputTokens: true },
  });
  const byClass = new Map(usage.map((u) => [u.classId, u]));
  return classes.map((c) => {
    const u = byClass.get(c.id);
    return {
      id: c.id,
      name: c.name,
      subject: c.subject,
      students: c._count.enrollments,
      messagesToday: u?._count._all ?? 0,
      tokensToday: (u?._sum.inputTokens ?? 0) + (u?._sum.outputTokens ?? 0),
    };
  });
}
