// GET /api/ops/status[?schoolId=] – live operations: load level and why, the key's limits in use,
// the queue, upstream errors, and the last 15 minutes of the ledger (an admin's school, or the district).
import { getAdminServices } from "@/lib/admin/wiring";
import { opsStatus } from "@/lib/admin/ops";
import { route } from "@/lib/api/handler";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";
import { env, isOfflineModel } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { governorConfigFromEnv, loadConfigFromEnv } from "@/lib/tutor/governor-port";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "ops", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user }) => {
  const db = getPrisma();
  const requested = new URL(req.url).searchParams.get("schoolId");
  const schoolId = user.role === "SUPER_ADMIN" && !requested ? null : await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "ops" });
  const schoolIds = schoolId ? [schoolId] : (await db.school.findMany({ select: { id: true } })).map((s) => s.id);
  // Someone is watching: a good moment to check the alert thresholds (throttled, off the response path).
  getAdminServices().alerts.check(schoolId);
  const status = await opsStatus({
    db,
    redis: getRedis(),
    governor: governorConfigFromEnv(),
    load: loadConfigFromEnv(),
    schoolIds,
    offline: isOfflineModel(),
    typicalRequest: { input: 1_500, output: env.MAX_TOKENS_FULL },
  });
  return Response.json({ schoolId, ...status }, { headers: { "cache-control": "no-store" } });
});
