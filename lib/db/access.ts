// Who may see a class: the teachers assigned to it and the admins of its school.
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { Db } from "./client";

/** Throws not_found for a missing class and forbidden for one the user may not see. */
export async function assertCanViewClassOrThrow({ db, user, classId, surface }: { db: Db; user: SessionUser; classId: string; surface: string }) {
  const cls = await db.class.findUnique({
    where: { id: classId },
    select: { id: true, schoolId: true, teachers: { where: { teacherId: user.id }, select: { teacherId: true } } },
  });
  if (!cls) throw new AppError(`not_found:${surface}`, "That class doesn't exist.");
  const allowed =
    user.role === "SUPER_ADMIN" ||
    (user.role === "ADMIN" && user.schoolId === cls.schoolId) ||
    (user.role === "TEACHER" && user.schoolId === cls.schoolId && cls.teachers.length > 0);
  if (!allowed) throw new AppError(`forbidden:${surface}`, "You don't have access to this class.");
  return cls;
}
