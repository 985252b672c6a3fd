// GET /api/teacher/classes – the signed-in teacher's classes with today's tutor use.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { listTeacherClasses } from "@/lib/db/classes";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "classes", roles: ["TEACHER"] }, async ({ user }) => {
  return Response.json({ classes: await listTeacherClasses({ db: getPrisma(), teacherId: user.id }) });
});
