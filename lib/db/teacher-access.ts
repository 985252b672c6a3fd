// Who may see a student's use of the tutor: whoever may see the class (its teachers, its school's
// admins), and only for students enrolled in that class.
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { assertCanViewClassOrThrow } from "./access";
import type { Db } from "./client";
import { getDashboardClassOrThrow, type DashboardClass } from "./teacher-dashboard";

// Ids are cuids or UUIDs; anything else is a malformed request, answered before any query.
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isId = (id: string) => ID.test(id);

export function assertIdOrThrow(id: string, surface: string, what: string): string {
  if (!isId(id)) throw new AppError(`bad_request:${surface}`, `That ${what} id is not valid.`);
  return id;
}

/** The class with its school's time zone, once the id is well-formed and the user may see it. */
export async function openClassOrThrow({ db, user, classId, surface }: { db: Db; user: SessionUser; classId: string; surface: string }): Promise<DashboardClass> {
  assertIdOrThrow(classId, surface, "class");
  await assertCanViewClassOrThrow({ db, user, classId, surface });
  return getDashboardClassOrThrow({ db, classId });
}

export async function assertCanViewStudentOrThrow({ db, user, classId, studentId, surface }: { db: Db; user: SessionUser; classId: string; studentId: string; surface: string }) {
  assertIdOrThrow(studentId, surface, "student");
  const cls = await openClassOrThrow({ db, user, classId, surface });
  const enrolment = await db.enrollment.findUnique({
    where: { classId_studentId: { classId, studentId } },
    select: { student: { select: { id: true, name: true, email: true, gradeLevel: true, schoolId: true } } },
  });
  if (!enrolment) throw new AppError(`forbidden:${surface}`, "That student isn't in this class.");
  return { cls, student: enrolment.student };
}
