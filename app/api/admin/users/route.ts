// GET /api/admin/users – a school's people, filtered by role or a name/email search.
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { listSchoolUsers } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
const roleSchema = z.enum(["STUDENT", "TEACHER", "ADMIN"]).optional();

export const GET = route({ surface: "users", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user }) => {
  const db = getPrisma();
  const params = new URL(req.url).searchParams;
  const role = roleSchema.safeParse(params.get("role") || undefined);
  if (!role.success) throw new AppError("bad_request:users", "role must be STUDENT, TEACHER or ADMIN.");
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: params.get("schoolId"), surface: "users" });
  return Response.json({ users: await listSchoolUsers({ db, schoolId, role: role.data, q: params.get("q")?.trim().slice(0, 100) || undefined }) });
});
