// The student profile a tutor turn needs, read once per turn.
import type { Db } from "./client";
import type { StudentProfile } from "@/lib/tutor/types";

export async function getStudentProfile({ db, studentId }: { db: Db; studentId: string }): Promise<(StudentProfile & { timeZone: string; helpResources: string }) | null> {
  const user = await db.user.findFirst({
    where: { id: studentId, role: "STUDENT", active: true },
    select: {
      id: true,
      name: true,
      gradeLevel: true,
      schoolId: true,
      school: { select: { timezone: true, helpResources: true } },
      enrollments: { orderBy: { createdAt: "asc" }, take: 1, select: { classId: true } },
    },
  });
  if (!user?.schoolId || !user.school) return null;
  return {
    id: user.id,
    name: user.name,
    gradeLevel: user.gradeLevel,
    schoolId: user.schoolId,
    classId: user.enrollments[0]?.classId ?? null,
    timeZone: user.school.timezone,
    helpResources: user.school.helpResources,
  };
}
