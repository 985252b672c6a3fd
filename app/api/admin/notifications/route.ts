// GET /api/admin/notifications – recent alerts for the admin's school and the system-wide ones.
import { route } from "@/lib/api/handler";
import { listNotifications } from "@/lib/db/admin-notifications";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "notifications", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user }) => {
  const db = getPrisma();
  const requested = new URL(req.url).searchParams.get("schoolId");
  const schoolId = user.role === "SUPER_ADMIN" && !requested ? null : await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "notifications" });
  return Response.json({ notifications: await listNotifications({ db, schoolId }) });
});
