// Everything the class dashboard shows at once (polled every few seconds while the page is open):
// the class, its use over the range, and each student with their budget right now.
import type { Db } from "./client";
import { peekStudentBudgets, type BudgetReader, type StudentBudget } from "./teacher-budgets";
import { listClassStudentUsage, type StudentUsage } from "./teacher-students";
import { getClassUsage, type ClassUsage } from "./usage-class";
import { safeTimeZone, type UsageRange } from "./usage-range";

export interface DashboardClass {
  id: string;
  name: string;
  subject: string | null;
  timeZone: string;
}

export type DashboardStudent = StudentUsage & { budget: StudentBudget | null };

export interface ClassDashboard {
  class: DashboardClass;
  range: { preset: UsageRange["preset"]; fromDate: string; toDate: string; bucket: UsageRange["bucket"] };
  usage: ClassUsage;
  students: DashboardStudent[];
  generatedAt: string;
}

export async function getDashboardClassOrThrow({ db, classId }: { db: Db; classId: string }): Promise<DashboardClass> {
  const c = await db.class.findUniqueOrThrow({ where: { id: classId }, select: { id: true, name: true, subject: true, school: { select: { timezone: true } } } });
  return { id: c.id, name: c.name, subject: c.subject, timeZone: safeTimeZone(c.school.timezone) };
}

export async function getClassDashboard({ db, deps, cls, range, now = new Date() }: { db: Db; deps: BudgetReader; cls: DashboardClass; range: UsageRange; now?: Date }): Promise<ClassDashboard> {
  const enrolled = await db.enrollment.findMany({ where: { classId: cls.id }, select: { studentId: true } });
  const [usage, students, budgets] = await Promise.all([
    getClassUsage({ db, classId: cls.id, range }),
    listClassStudentUsage({ db, classId: cls.id, range, now }),
    peekStudentBudgets({ db, deps, studentIds: enrolled.map((e) => e.studentId) }),
  ]);
  return {
    class: cls,
    range: { preset: range.preset, fromDate: range.fromDate, toDate: range.toDate, bucket: range.bucket },
    usage,
    students: students.map((s) => ({ ...s, budget: budgets.get(s.id) ?? null })),
    generatedAt: now.toISOString(),
  };
}
