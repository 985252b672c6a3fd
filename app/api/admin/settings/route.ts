// GET|PATCH /api/admin/settings – a school's transcript retention and alert webhook.
import { settingsSchema } from "@/lib/admin/inputs";
import { route } from "@/lib/api/handler";
import { getSchoolSettings, resolveSchoolIdOrThrow, updateSchoolSettings } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const opts = { surface: "settings", roles: ["ADMIN", "SUPER_ADMIN"] } as const;

export const GET = route(opts, async ({ req, user }) => {
  const db = getPrisma();
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: new URL(req.url).searchParams.get("schoolId"), surface: "settings" });
  return Response.json({ settings: await getSchoolSettings({ db, schoolId }) });
});

export const PATCH = route({ ...opts, body: settingsSchema }, async ({ user, body }) => {
  const db = getPrisma();
  const { schoolId: requested, ...patch } = body;
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "settings" });
  return Response.json({ settings: await updateSchoolSettings({ db, actor: user, schoolId, patch }) });
});
