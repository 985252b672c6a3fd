// GET|PUT|DELETE /api/admin/policies – a school's budget policies: list, set one scope, remove an override.
import { putPolicySchema, scopeSchema } from "@/lib/admin/policy-input";
import { route } from "@/lib/api/handler";
import { deletePolicy, listPolicies, putPolicy } from "@/lib/db/admin-policies";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
const opts = { surface: "policy", roles: ["ADMIN", "SUPER_ADMIN"] } as const;

export const GET = route(opts, async ({ req, user }) => {
  const db = getPrisma();
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: new URL(req.url).searchParams.get("schoolId"), surface: "policy" });
  return Response.json({ policies: await listPolicies({ db, schoolId }) });
});

export const PUT = route({ ...opts, body: putPolicySchema }, async ({ user, body }) => {
  const db = getPrisma();
  const { schoolId: requested, scope, ...values } = body;
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "policy" });
  return Response.json({ policy: await putPolicy({ db, actor: user, schoolId, scope, values }) });
});

export const DELETE = route(opts, async ({ req, user }) => {
  const db = getPrisma();
  const params = new URL(req.url).searchParams;
  const scope = scopeSchema.safeParse(params.get("scope") ?? undefined);
  if (!scope.success) throw new AppError("bad_request:policy", scope.error.issues[0]!.message);
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: params.get("schoolId"), surface: "policy" });
  await deletePolicy({ db, actor: user, schoolId, scope: scope.data });
  return new Response(null, { status: 204 });
});
