// GET /api/teacher/classes/:classId/topics?range=… – the class's top topics and most asked questions.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { openClassOrThrow } from "@/lib/db/teacher-access";
import { parseRangeQuery } from "@/lib/db/usage-range";
import { listClassTopics } from "@/lib/db/usage-topics";

export const dynamic = "force-dynamic";

export const GET = route<undefined, { classId: string }>({ surface: "topics", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ req, user, params }) => {
  const db = getPrisma();
  const cls = await openClassOrThrow({ db, user, classId: params.classId, surface: "topics" });
  const range = parseRangeQuery(new URL(req.url).searchParams, cls.timeZone, "topics");
  return Response.json(await listClassTopics({ db, classId: cls.id, range }), { headers: { "cache-control": "no-store" } });
});
