// GET /api/classes/:id – one class's summary with today's tutor use (its teachers and school admins only).
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { assertCanViewClassOrThrow } from "@/lib/db/access";
import { getClassSummary } from "@/lib/db/classes";

export const dynamic = "force-dynamic";

export const GET = route<undefined, { id: string }>({ surface: "class", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ user, params }) => {
  const db = getPrisma();
  const cls = await assertCanViewClassOrThrow({ db, user, classId: params.id.slice(0, 64), surface: "class" });
  return Response.json({ class: await getClassSummary({ db, classId: cls.id }) });
});
