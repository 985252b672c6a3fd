// The demo school: deterministic and idempotent, so `npm run db:seed` can run on every `npm run dev`
// and any number of times in tests. Accounts: admin@demo.test, teacher1@demo.test …,
// student001@demo.test …, all with SEED_PASSWORD. Existing accounts are never overwritten, so a
// changed password or deactivated user survives a re-seed. district@demo.test is the super-admin.
import type { Db } from "./client";
import { hashPassword } from "@/lib/auth/password";

export interface SeedOptions {
  students: number;
  classes: number;
  teachers?: number;
  password: string;
  schoolSlug?: string;
  schoolName?: string;
  /** Email domain, e.g. "demo.test". */
  domain?: string;
}

const SUBJECTS = ["Maths", "Science", "English", "History", "Geography", "Biology", "Physics", "Chemistry"];

export interface SeedResult {
  schoolId: string;
  students: number;
  classes: number;
  teachers: number;
}

export async function seedDemo(db: Db, opts: SeedOptions): Promise<SeedResult> {
  const domain = opts.domain ?? "demo.test";
  const teachers = opts.teachers ?? Math.max(1, Math.ceil(opts.classes / 2));
  const pad = Math.max(3, String(opts.students).length);
  // One hash for every demo account: bcrypt is deliberately slow, and 2,000 hashes would take minutes.
  const passwordHash = await hashPassword(opts.password);

  const school = await db.school.upsert({
    where: { slug: opts.schoolSlug ?? "demo" },
    update: {},
    create: { slug: opts.schoolSlug ?? "demo", name: opts.schoolName ?? "Demo School", timezone: "UTC" },
  });
  await db.budgetPolicy.upsert({
    where: { schoolId_scope: { schoolId: school.id, scope: "school" } },
    update: {},
    create: { schoolId: school.id, scope: "school" },
  });

  const classRows = Array.from({ length: opts.classes }, (_, i) => {
    const gradeLevel = 6 + (i % 7);
    return { schoolId: school.id, name: `Class ${i + 1} – ${SUBJECTS[i % SUBJECTS.length]}`, subject: SUBJECTS[i % SUBJECTS.length], gradeLevel };
  });
  await db.class.createMany({ data: classRows, skipDuplicates: true });

  const users = [
    { email: `admin@${domain}`, name: "Ada Admin", role: "ADMIN" as const, gradeLevel: null },
    ...Array.from({ length: teachers }, (_, i) => ({ email: `teacher${i + 1}@${domain}`, name: `Teacher ${i + 1}`, role: "TEACHER" as const, gradeLevel: null })),
    ...Array.from({ length: opts.students }, (_, i) => ({
      email: `student${String(i + 1).padStart(pad, "0")}@${domain}`,
      name: `Student ${String(i + 1).padStart(pad, "0")}`,
      role: "STUDENT" as const,
      gradeLevel: classRows[i % opts.classes]?.gradeLevel ?? 8,
    })),
  ];
  await db.user.createMany({
    data: [
      ...users.map((u) => ({ ...u, passwordHash, schoolId: school.id })),
      // The district's super-admin belongs to no school: it manages schools and their share of the key.
      { email: `district@${domain}`, name: "Dana District", role: "SUPER_ADMIN" as const, gradeLevel: null, passwordHash, schoolId: null },
    ],
    skipDuplicates: true,
  });

  const [classes, people] = await Promise.all([
    db.class.findMany({ where: { schoolId: school.id, name: { in: classRows.map((c) => c.name) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true, email: true } }),
  ]);
  const classId = new Map(classes.map((c) => [c.name, c.id]));
  const userId = new Map(people.map((p) => [p.email, p.id]));
  const classAt = (i: number) => classId.get(classRows[i % opts.classes]!.name)!;

  await db.teachingAssignment.createMany({
    data: classRows.map((_, i) => ({ classId: classAt(i), teacherId: userId.get(`teacher${(i % teachers) + 1}@${domain}`)! })),
    skipDuplicates: true,
  });
  await db.enrollment.createMany({
    data: users.filter((u) => u.role === "STUDENT").map((u, i) => ({ classId: classAt(i), studentId: userId.get(u.email)! })),
    skipDuplicates: true,
  });

  return { schoolId: school.id, students: opts.students, classes: opts.classes, teachers };
}
