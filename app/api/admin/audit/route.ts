// GET /api/admin/audit[?before=ISO] – who changed what, newest first (a school's; a super-admin's pick or all).
import { route } from "@/lib/api/handler";
import { listAuditLog } from "@/lib/db/admin-audit";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "audit", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user }) => {
  const db = getPrisma();
  const params = new URL(req.url).searchParams;
  const before = params.get("before") ? new Date(params.get("before")!) : undefined;
  if (before && Number.isNaN(before.getTime())) throw new AppError("bad_request:audit", "before must be a date and time (ISO 8601).");
  const requested = params.get("schoolId");
  const schoolId = user.role === "SUPER_ADMIN" && !requested ? null : await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "audit" });
  return Response.json({ entries: await listAuditLog({ db, schoolId, before }) });
});
