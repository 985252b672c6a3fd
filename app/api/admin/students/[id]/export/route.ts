// GET /api/admin/students/:id/export – everything stored about one student, as a JSON download.
import { route } from "@/lib/api/handler";
import { exportStudentData } from "@/lib/db/admin-privacy";
import { getManagedUserOrThrow } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route<undefined, { id: string }>({ surface: "privacy", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ user, params }) => {
  const db = getPrisma();
  const target = await getManagedUserOrThrow({ db, user, userId: params.id, surface: "privacy" });
  if (target.role !== "STUDENT") throw new AppError("not_found:privacy", "That student doesn't exist.");
  const data = await exportStudentData({ db, studentId: target.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="student-${target.id}.json"`, "cache-control": "no-store" },
  });
});
