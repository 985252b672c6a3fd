// PATCH /api/admin/classes/:id – rename a class, set its grade or subject, assign its teachers.
import { updateClassSchema } from "@/lib/admin/inputs";
import type { z } from "zod";
import { route } from "@/lib/api/handler";
import { getManagedClassOrThrow, updateClass } from "@/lib/db/admin-classes";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const PATCH = route<z.output<typeof updateClassSchema>, { id: string }>({ surface: "classes", roles: ["ADMIN", "SUPER_ADMIN"], body: updateClassSchema }, async ({ user, body, params }) => {
  const db = getPrisma();
  const cls = await getManagedClassOrThrow({ db, user, classId: params.id });
  return Response.json({ class: await updateClass({ db, actor: user, classId: cls.id, input: body }) });
});
