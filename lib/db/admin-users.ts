// People in a school as admins manage them: list, change name / grade / active, reset a password.
// Every change is audited; password hashes never appear in results or in the audit log.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./admin-audit";
import type { Db } from "./client";

export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  gradeLevel: number | null;
  active: boolean;
  classes: string[];
}

export async function listSchoolUsers({ db, schoolId, role, q, take = 200 }: { db: Db; schoolId: string; role?: Role; q?: string; take?: number }): Promise<AdminUserRow[]> {
  const rows = await db.user.findMany({
    where: {
      schoolId,
      ...(role && { role }),
      ...(q && { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }),
    },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    take: Math.min(Math.max(1, take), 1_000),
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      gradeLevel: true,
      active: true,
      enrollments: { select: { class: { select: { name: true } } } },
      teaching: { select: { class: { select: { name: true } } } },
    },
  });
  return rows.map(({ enrollments, teaching, ...u }) => ({ ...u, classes: [...enrollments, ...teaching].map((e) => e.class.name).sort() }));
}

/** The user, if the signed-in admin may manage them: missing → 404, another school's → 403. */
export async function getManagedUserOrThrow({ db, user, userId, surface }: { db: Db; user: SessionUser; userId: string; surface: string }) {
  const target = await db.user.findUnique({ where: { id: userId.slice(0, 64) }, select: { id: true, schoolId: true, role: true, name: true, gradeLevel: true, active: true, email: true } });
  if (!target) throw new AppError(`not_found:${surface}`, "That user doesn't exist.");
  if (user.role !== "SUPER_ADMIN" && (!target.schoolId || target.schoolId !== user.schoolId)) throw new AppError(`forbidden:${surface}`, "That user belongs to another school.");
  if (target.role === "SUPER_ADMIN" && user.role !== "SUPER_ADMIN") throw new AppError(`forbidden:${surface}`);
  return target;
}

export interface UserPatch {
  name?: string;
  gradeLevel?: number | null;
  active?: boolean;
}

export async function updateSchoolUser({ db, actor, userId, patch }: { db: Db; actor: SessionUser; userId: string; patch: UserPatch }) {
  if (userId === actor.id && patch.active === false) throw new AppError("bad_request:users", "You can't deactivate your own account.");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, gradeLevel: true, active: true, role: true, schoolId: true } });
    if (patch.gradeLevel != null && before.role !== "STUDENT") throw new AppError("bad_request:users", "Only students have a grade level.");
    const after = await tx.user.update({ where: { id: userId }, data: patch, select: { id: true, name: true, gradeLevel: true, active: true, role: true } });
    const action = patch.active === false && before.active ? "user.deactivate" : patch.active === true && !before.active ? "user.activate" : "user.update";
    await writeAudit({
      tx,
      entry: { actor, schoolId: before.schoolId, action, targetType: "User", targetId: userId, before: { name: before.name, gradeLevel: before.gradeLevel, active: before.active }, after: { name: after.name, gradeLevel: after.gradeLevel, active: after.active } },
    });
    return after;
  });
}

/** Sets a new password (or generates one, returned once). Old sessions end when they expire. */
export async function resetUserPassword({ db, actor, userId, password }: { db: Db; actor: SessionUser; userId: string; password?: string }): Promise<{ generated: string | null }> {
  const generated = password ? null : randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password ?? generated!);
  await db.$transaction(async (tx) => {
    const target = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { schoolId: true } });
    await writeAudit({ tx, entry: { actor, schoolId: target.schoolId, action: "user.reset_password", targetType: "User", targetId: userId, after: { generated: generated !== null } } });
  });
  return { generated };
}
