// The last few minutes of the ledger for the live operations view: mode mix, cache use, upstream
// failures and the classes using the most. schoolIds: the schools in view (one for an admin).
import type { Db } from "./client";

export interface RecentActivity {
  turns: number;
  modes: Record<string, number>;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  /** Final upstream status of turns that ended in an error, by status code. */
  upstreamErrors: Record<string, number>;
  topClasses: { classId: string; name: string; schoolName: string; turns: number; tokens: number }[];
}

export async function getRecentActivity({ db, schoolIds, since }: { db: Db; schoolIds: string[]; since: Date }): Promise<RecentActivity> {
  // An IN list keeps the (schoolId, createdAt) index usable when a super-admin looks at every school.
  const where = { schoolId: { in: schoolIds }, createdAt: { gte: since } };
  const [byMode, byStatus, top] = await Promise.all([
    db.usageEvent.groupBy({ by: ["mode"], where, _count: { _all: true }, _sum: { inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true } }),
    db.usageEvent.groupBy({ by: ["upstreamStatus"], where: { ...where, upstreamStatus: { gte: 400 } }, _count: { _all: true } }),
    db.usageEvent.groupBy({ by: ["classId"], where: { ...where, classId: { not: null } }, _count: { _all: true }, _sum: { inputTokens: true, outputTokens: true } }),
  ]);
  const ranked = top
    .map((t) => ({ classId: t.classId!, turns: t._count._all, tokens: (t._sum.inputTokens ?? 0) + (t._sum.outputTokens ?? 0) }))
    .sort((a, b) => b.tokens - a.tokens || b.turns - a.turns)
    .slice(0, 5);
  const names = await db.class.findMany({ where: { id: { in: ranked.map((r) => r.classId) } }, select: { id: true, name: true, school: { select: { name: true } } } });
  const sum = (k: "inputTokens" | "outputTokens" | "cacheReadTokens" | "cacheWriteTokens") => byMode.reduce((s, m) => s + (m._sum[k] ?? 0), 0);
  return {
    turns: byMode.reduce((s, m) => s + m._count._all, 0),
    modes: Object.fromEntries(byMode.map((m) => [m.mode, m._count._all])),
    tokens: { input: sum("inputTokens"), output: sum("outputTokens"), cacheRead: sum("cacheReadTokens"), cacheWrite: sum("cacheWriteTokens") },
    upstreamErrors: Object.fromEntries(byStatus.map((s) => [String(s.upstreamStatus), s._count._all])),
    topClasses: ranked.map((r) => {
      const n = names.find((c) => c.id === r.classId);
      return { ...r, name: n?.name ?? "(deleted class)", schoolName: n?.school.name ?? "" };
    }),
  };
}
