// DELETE /api/admin/students/:id/data[?eraseAccount=true] – delete a student's transcripts (and, if
// asked, their name and email); the usage ledger and their budget are kept.
import { route } from "@/lib/api/handler";
import { deleteStudentData } from "@/lib/db/admin-privacy";
import { getManagedUserOrThrow } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const DELETE = route<undefined, { id: string }>({ surface: "privacy", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user, params }) => {
  const erase = new URL(req.url).searchParams.get("eraseAccount") ?? "false";
  if (erase !== "true" && erase !== "false") throw new AppError("bad_request:privacy", "eraseAccount must be true or false.");
  const db = getPrisma();
  const target = await getManagedUserOrThrow({ db, user, userId: params.id, surface: "privacy" });
  if (target.role !== "STUDENT") throw new AppError("not_found:privacy", "That student doesn't exist.");
  return Response.json({ deleted: await deleteStudentData({ db, actor: user, studentId: target.id, eraseAccount: erase === "true" }) });
});
