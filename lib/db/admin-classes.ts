// Classes as admins manage them: create, rename, set the grade, assign teachers. Audited.
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { writeAudit, type Tx } from "./admin-audit";
import type { Db } from "./client";

export interface AdminClassRow {
  id: string;
  name: string;
  subject: string | null;
  gradeLevel: number | null;
  students: number;
  teachers: { id: string; name: string }[];
}

export async function listClassesWithTeachers({ db, schoolId }: { db: Db; schoolId: string }): Promise<AdminClassRow[]> {
  const rows = await db.class.findMany({
    where: { schoolId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, subject: true, gradeLevel: true, _count: { select: { enrollments: true } }, teachers: { select: { teacher: { select: { id: true, name: true } } } } },
  });
  return rows.map(({ _count, teachers, ...c }) => ({ ...c, students: _count.enrollments, teachers: teachers.map((t) => t.teacher) }));
}

export interface ClassInput {
  name?: string;
  subject?: string | null;
  gradeLevel?: number | null;
  teacherIds?: string[];
}

/** The class, if the admin may manage it: missing → 404, another school's → 403. */
export async function getManagedClassOrThrow({ db, user, classId }: { db: Db; user: SessionUser; classId: string }) {
  const cls = await db.class.findUnique({ where: { id: classId.slice(0, 64) }, select: { id: true, schoolId: true } });
  if (!cls) throw new AppError("not_found:classes", "That class doesn't exist.");
  if (user.role !== "SUPER_ADMIN" && cls.schoolId !== user.schoolId) throw new AppError("forbidden:classes", "That class belongs to another school.");
  return cls;
}

async function assertTeachersOrThrow(tx: Tx, schoolId: string, teacherIds: string[]) {
  const found = await tx.user.count({ where: { id: { in: teacherIds }, schoolId, role: "TEACHER", active: true } });
  if (found !== new Set(teacherIds).size) throw new AppError("bad_request:classes", "Every teacher must be an active teacher in this school.");
}

async function assertNameFreeOrThrow(tx: Tx, schoolId: string, name: string, exceptId?: string) {
  const clash = await tx.class.findFirst({ where: { schoolId, name: { equals: name, mode: "insensitive" }, ...(exceptId && { id: { not: exceptId } }) }, select: { id: true } });
  if (clash) throw new AppError("bad_request:classes", `A class called "${name}" already exists in this school.`);
}

const snapshot = (tx: Tx, id: string) =>
  tx.class.findUniqueOrThrow({ where: { id }, select: { name: true, subject: true, gradeLevel: true, teachers: { select: { teacherId: true }, orderBy: { teacherId: "asc" } } } }).then(({ teachers, ...c }) => ({ ...c, teacherIds: teachers.map((t) => t.teacherId) }));

export async function createClass({ db, actor, schoolId, input }: { db: Db; actor: SessionUser; schoolId: string; input: ClassInput & { name: string } }) {
  return db.$transaction(async (tx) => {
    await assertNameFreeOrThrow(tx, schoolId, input.name);
    const teacherIds = [...new Set(input.teacherIds ?? [])];
    if (teacherIds.length) await assertTeachersOrThrow(tx, schoolId, teacherIds);
    const cls = await tx.class.create({
      data: { schoolId, name: input.name, subject: input.subject ?? null, gradeLevel: input.gradeLevel ?? null, teachers: { create: teacherIds.map((teacherId) => ({ teacherId })) } },
      select: { id: true },
    });
    await writeAudit({ tx, entry: { actor, schoolId, action: "class.create", targetType: "Class", targetId: cls.id, after: await snapshot(tx, cls.id) } });
    return cls;
  });
}

export async function updateClass({ db, actor, classId, input }: { db: Db; actor: SessionUser; classId: string; input: ClassInput }) {
  return db.$transaction(async (tx) => {
    const { schoolId } = await tx.class.findUniqueOrThrow({ where: { id: classId }, select: { schoolId: true } });
    const before = await snapshot(tx, classId);
    if (input.name) await assertNameFreeOrThrow(tx, schoolId, input.name, classId);
    const { teacherIds, ...fields } = input;
    await tx.class.update({ where: { id: classId }, data: fields });
    if (teacherIds) {
      const ids = [...new Set(teacherIds)];
      if (ids.length) await assertTeachersOrThrow(tx, schoolId, ids);
      await tx.teachingAssignment.deleteMany({ where: { classId, teacherId: { notIn: ids } } });
      await tx.teachingAssignment.createMany({ data: ids.map((teacherId) => ({ classId, teacherId })), skipDuplicates: true });
    }
    const after = await snapshot(tx, classId);
    await writeAudit({ tx, entry: { actor, schoolId, action: "class.update", targetType: "Class", targetId: classId, before, after } });
    return { id: classId, ...after };
  });
}
