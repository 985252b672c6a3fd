// GET /api/teacher/classes – the signed-in teacher's classes with today's and this week's tutor use.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { listTeacherClassOverview } from "@/lib/db/teacher-overview";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "classes", roles: ["TEACHER"] }, async ({ user }) => {
  return Response.json({ classes: await listTeacherClassOverview({ db: getPrisma(), teacherId: user.id }) });
});
