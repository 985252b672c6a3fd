// GET|POST /api/admin/classes – a school's classes with their teachers; create one.
import { classSchema } from "@/lib/admin/inputs";
import { route } from "@/lib/api/handler";
import { createClass, listClassesWithTeachers } from "@/lib/db/admin-classes";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const opts = { surface: "classes", roles: ["ADMIN", "SUPER_ADMIN"] } as const;

export const GET = route(opts, async ({ req, user }) => {
  const db = getPrisma();
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: new URL(req.url).searchParams.get("schoolId"), surface: "classes" });
  return Response.json({ classes: await listClassesWithTeachers({ db, schoolId }) });
});

export const POST = route({ ...opts, body: classSchema }, async ({ user, body }) => {
  const db = getPrisma();
  const { schoolId: requested, ...input } = body;
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "classes" });
  return Response.json({ class: await createClass({ db, actor: user, schoolId, input }) }, { status: 201 });
});
