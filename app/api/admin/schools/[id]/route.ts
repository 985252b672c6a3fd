// PATCH /api/admin/schools/:id – rename a school or change its share of the key (super-admins).
import { updateSchoolSchema } from "@/lib/admin/inputs";
import type { z } from "zod";
import { route } from "@/lib/api/handler";
import { updateSchool } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const PATCH = route<z.output<typeof updateSchoolSchema>, { id: string }>({ surface: "schools", roles: ["SUPER_ADMIN"], body: updateSchoolSchema }, async ({ user, body, params }) => {
  return Response.json({ school: await updateSchool({ db: getPrisma(), actor: user, schoolId: params.id.slice(0, 64), patch: body }) });
});
