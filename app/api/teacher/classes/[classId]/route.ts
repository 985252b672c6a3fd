// GET /api/teacher/classes/:classId?range=… – the class dashboard: totals, charts, students and budgets (polled live).
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { openClassOrThrow } from "@/lib/db/teacher-access";
import { getClassDashboard } from "@/lib/db/teacher-dashboard";
import { parseRangeQuery } from "@/lib/db/usage-range";
import { getTutorDeps } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

export const GET = route<undefined, { classId: string }>({ surface: "dashboard", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ req, user, params }) => {
  const db = getPrisma();
  const cls = await openClassOrThrow({ db, user, classId: params.classId, surface: "dashboard" });
  const range = parseRangeQuery(new URL(req.url).searchParams, cls.timeZone, "dashboard");
  const dashboard = await getClassDashboard({ db, deps: getTutorDeps(), cls, range });
  return Response.json(dashboard, { headers: { "cache-control": "no-store" } });
});
