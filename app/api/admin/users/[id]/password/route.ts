// POST /api/admin/users/:id/password – set a new password, or generate one (returned once).
import { resetPasswordSchema } from "@/lib/admin/inputs";
import type { z } from "zod";
import { route } from "@/lib/api/handler";
import { getManagedUserOrThrow, resetUserPassword } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const POST = route<z.output<typeof resetPasswordSchema>, { id: string }>({ surface: "users", roles: ["ADMIN", "SUPER_ADMIN"], body: resetPasswordSchema }, async ({ user, body, params }) => {
  const db = getPrisma();
  const target = await getManagedUserOrThrow({ db, user, userId: params.id, surface: "users" });
  const { generated } = await resetUserPassword({ db, actor: user, userId: target.id, password: body.password });
  return Response.json({ ok: true, generatedPassword: generated }, { headers: { "cache-control": "no-store" } });
});
