// Users, classes and roster import against real PostgreSQL and the embedded one: all-or-nothing
// imports with per-line errors, idempotent re-imports, password resets, deactivation, audit entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRoster } from "@/lib/admin/roster";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { createClass, updateClass } from "./admin-classes";
import { importRoster } from "./admin-roster";
import { createAdminTestWorld, type AdminTestWorld } from "./admin-test-world";
import { getManagedUserOrThrow, listSchoolUsers, resetUserPassword, updateSchoolUser } from "./admin-users";
import { testDatabaseKinds } from "./test-db";

const kinds = await testDatabaseKinds();

describe.each(kinds)("users, classes and rosters on %s PostgreSQL", (kind) => {
  let w: AdminTestWorld;
  beforeAll(async () => {
    w = await createAdminTestWorld(kind);
  });
  afterAll(() => w.close());

  const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

  it("imports a roster in one go, generating passwords that work", async () => {
    const { a } = w;
    const cls = await w.db.class.findUniqueOrThrow({ where: { id: a.classId }, select: { name: true } });
    const csv = `email,name,role,grade,class,password\nnew1@r.test,New One,student,8,${cls.name.toUpperCase()},\nnew2@r.test,New Two,student,K,,given-password\nnewteacher@r.test,New Teacher,teacher,,${cls.name},\n`;
    const parsed = parseRoster(csv);
    expect(parsed.errors).toEqual([]);
    const out = await importRoster({ db: w.db, actor: a.admin, schoolId: a.id, rows: parsed.rows });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    expect(out.result).toMatchObject({ updated: 0, assigned: 2 });
    expect(out.result.created.map((c) => [c.email, c.password === null])).toEqual([["new1@r.test", false], ["new2@r.test", true], ["newteacher@r.test", false]]);
    const one = await w.db.user.findUniqueOrThrow({ where: { email: "new1@r.test" }, select: { passwordHash: true, gradeLevel: true, schoolId: true, enrollments: true } });
    expect(one).toMatchObject({ gradeLevel: 8, schoolId: a.id });
    expect(one.enrollments.map((e) => e.classId)).toEqual([a.classId]);
    expect(await verifyPassword(out.result.created[0]!.password!, one.passwordHash)).toBe(true);
    const two = await w.db.user.findUniqueOrThrow({ where: { email: "new2@r.test" }, select: { passwordHash: true, gradeLevel: true } });
    expect(two.gradeLevel).toBe(0);
    expect(await verifyPassword("given-password", two.passwordHash)).toBe(true);
    expect(await w.db.teachingAssignment.count({ where: { classId: a.classId } })).toBe(2);
    expect(await w.db.auditLog.count({ where: { action: "roster.import", schoolId: a.id } })).toBe(1);

    // Importing the same people again updates them and adds nothing twice.
    const again = await importRoster({ db: w.db, actor: a.admin, schoolId: a.id, rows: parseRoster(csv.replace("New One", "New 1")).rows });
    expect(again).toMatchObject({ ok: true, result: { created: [], updated: 3, assigned: 0 } });
    expect((await w.db.user.findUniqueOrThrow({ where: { email: "new1@r.test" }, select: { name: true } })).name).toBe("New 1");
  });

  it("imports nothing when any row is wrong, and says which lines", async () => {
    const { a, b } = w;
    const before = await w.db.user.count();
    const otherSchool = await w.db.user.findUniqueOrThrow({ where: { id: b.studentId }, select: { email: true } });
    const csv = `email,name,role,class\nfine@r.test,Fine,student,\n${otherSchool.email},Taken,student,\nnew2@r.test,Now teacher,teacher,\nlost@r.test,Lost,student,No Such Class\n`;
    const out = await importRoster({ db: w.db, actor: a.admin, schoolId: a.id, rows: parseRoster(csv).rows });
    expect(out).toEqual({
      ok: false,
      errors: [
        { line: 3, message: `${otherSchool.email} already has an account in another school` },
        { line: 4, message: "new2@r.test is already a student here, not a teacher" },
        { line: 5, message: 'class "No Such Class" doesn\'t exist in this school; create it first' },
      ],
    });
    expect(await w.db.user.count()).toBe(before);
    expect(await w.db.user.findUnique({ where: { email: "fine@r.test" } })).toBeNull();
  });

  it("creates and updates classes with teachers from the school only", async () => {
    const { a, b } = w;
    const { id } = await createClass({ db: w.db, actor: a.admin, schoolId: a.id, input: { name: "Science 9", subject: "Science", gradeLevel: 9, teacherIds: [a.teacherId] } });
    expect(await code(createClass({ db: w.db, actor: a.admin, schoolId: a.id, input: { name: "science 9" } }))).toBe("bad_request:classes");
    expect(await code(createClass({ db: w.db, actor: a.admin, schoolId: a.id, input: { name: "X", teacherIds: [b.teacherId] } }))).toBe("bad_request:classes");
    expect(await code(createClass({ db: w.db, actor: a.admin, schoolId: a.id, input: { name: "Y", teacherIds: [a.studentId] } }))).toBe("bad_request:classes");
    const updated = await updateClass({ db: w.db, actor: a.admin, classId: id, input: { name: "Science 9A", teacherIds: [] } });
    expect(updated).toMatchObject({ name: "Science 9A", teacherIds: [] });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: "class.update", targetId: id } });
    expect(audit.before).toMatchObject({ name: "Science 9", teacherIds: [a.teacherId] });
    expect(await w.db.class.count({ where: { name: { in: ["X", "Y"] } } })).toBe(0);
  });

  it("deactivates, sets grades and resets passwords, only within the school", async () => {
    const { a, b } = w;
    const target = await getManagedUserOrThrow({ db: w.db, user: a.admin, userId: a.studentId, surface: "users" });
    expect(target.id).toBe(a.studentId);
    expect(await code(getManagedUserOrThrow({ db: w.db, user: a.admin, userId: b.studentId, surface: "users" }))).toBe("forbidden:users");
    expect(await code(getManagedUserOrThrow({ db: w.db, user: a.admin, userId: "missing", surface: "users" }))).toBe("not_found:users");

    await updateSchoolUser({ db: w.db, actor: a.admin, userId: a.studentId, patch: { active: false, gradeLevel: 8 } });
    expect(await w.db.user.findUniqueOrThrow({ where: { id: a.studentId }, select: { active: true, gradeLevel: true } })).toEqual({ active: false, gradeLevel: 8 });
    expect(await w.db.auditLog.count({ where: { action: "user.deactivate", targetId: a.studentId } })).toBe(1);
    expect(await code(updateSchoolUser({ db: w.db, actor: a.admin, userId: a.admin.id, patch: { active: false } }))).toBe("bad_request:users");
    expect(await code(updateSchoolUser({ db: w.db, actor: a.admin, userId: a.teacherId, patch: { gradeLevel: 3 } }))).toBe("bad_request:users");

    const { generated } = await resetUserPassword({ db: w.db, actor: a.admin, userId: a.teacherId });
    const hash = (await w.db.user.findUniqueOrThrow({ where: { id: a.teacherId }, select: { passwordHash: true } })).passwordHash;
    expect(await verifyPassword(generated!, hash)).toBe(true);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: "user.reset_password", targetId: a.teacherId } });
    expect(JSON.stringify(audit)).not.toContain(generated!);

    const listed = await listSchoolUsers({ db: w.db, schoolId: a.id, role: "STUDENT", q: "STUDENT" });
    expect(listed.map((u) => u.id)).toEqual([a.studentId]);
    expect(listed[0]!.classes.length).toBe(1);
  });
});
