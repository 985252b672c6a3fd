// Test-only: a migrated throwaway database (real PostgreSQL or embedded) with two small schools, for
// the admin console's integration tests.
import { randomBytes } from "node:crypto";
import type { SessionUser } from "@/lib/auth/roles";
import { createPrisma, type Db } from "./client";
import { createTestDatabase, type TestDatabaseKind } from "./test-db";

export interface TestSchool {
  id: string;
  admin: SessionUser;
  teacherId: string;
  classId: string;
  /** Grade 7 (middle), enrolled in classId. */
  studentId: string;
  /** Grade 10 (high), in no class. */
  otherStudentId: string;
}

export interface AdminTestWorld {
  db: Db;
  a: TestSchool;
  b: TestSchool;
  close(): Promise<void>;
}

async function makeSchool(db: Db, tag: string): Promise<TestSchool> {
  const school = await db.school.create({ data: { slug: `t-${tag}`, name: `School ${tag}` } });
  const mk = (role: "ADMIN" | "TEACHER" | "STUDENT", name: string, gradeLevel: number | null = null) =>
    db.user.create({ data: { email: `${name}-${tag}@t.test`, name: `${name} ${tag}`, role, gradeLevel, passwordHash: "x", schoolId: school.id }, select: { id: true, email: true, name: true } });
  const [admin, teacher, student, other] = await Promise.all([mk("ADMIN", "admin"), mk("TEACHER", "teacher"), mk("STUDENT", "student", 7), mk("STUDENT", "other", 10)]);
  const cls = await db.class.create({ data: { schoolId: school.id, name: `Maths ${tag}`, gradeLevel: 7, teachers: { create: { teacherId: teacher.id } }, enrollments: { create: { studentId: student.id } } } });
  return { id: school.id, admin: { id: admin.id, role: "ADMIN", schoolId: school.id, name: admin.name, email: admin.email }, teacherId: teacher.id, classId: cls.id, studentId: student.id, otherStudentId: other.id };
}

export async function createAdminTestWorld(kind: TestDatabaseKind): Promise<AdminTestWorld> {
  const database = await createTestDatabase({ kind });
  const db = createPrisma(database.url, 4);
  const tag = randomBytes(3).toString("hex");
  const [a, b] = [await makeSchool(db, `${tag}a`), await makeSchool(db, `${tag}b`)];
  return {
    db,
    a,
    b,
    async close() {
      await db.$disconnect().catch(() => undefined);
      await database.drop();
    },
  };
}

/** A ledger row, as the tutor would write it. */
export function usageRow(o: { schoolId: string; studentId: string; classId?: string | null; at?: Date; model?: string; input?: number; output?: number; mode?: "full" | "concise" | "fallback" | "cached"; status?: number | null }) {
  return {
    id: randomBytes(8).toString("hex"),
    schoolId: o.schoolId,
    studentId: o.studentId,
    classId: o.classId ?? null,
    model: o.model ?? "claude-haiku-4-5",
    mode: o.mode ?? "full",
    reason: "normal",
    inputTokens: o.input ?? 100,
    outputTokens: o.output ?? 50,
    latencyMs: 10,
    upstreamStatus: o.status ?? 200,
    createdAt: o.at ?? new Date(),
  };
}
