// PATCH /api/admin/users/:id – rename, set a student's grade, deactivate or reactivate an account.
import { updateUserSchema } from "@/lib/admin/inputs";
import type { z } from "zod";
import { route } from "@/lib/api/handler";
import { getManagedUserOrThrow, updateSchoolUser } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const PATCH = route<z.output<typeof updateUserSchema>, { id: string }>({ surface: "users", roles: ["ADMIN", "SUPER_ADMIN"], body: updateUserSchema }, async ({ user, body, params }) => {
  const db = getPrisma();
  const target = await getManagedUserOrThrow({ db, user, userId: params.id, surface: "users" });
  return Response.json({ user: await updateSchoolUser({ db, actor: user, userId: target.id, patch: body }) });
});
