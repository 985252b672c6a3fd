// A validated roster (lib/admin/roster.ts) applied to one school, all or nothing: every row is checked
// against the database first and any problem is reported by line with nothing written; otherwise
// accounts, enrollments and teaching assignments are written in one transaction with one audit entry.
import { randomBytes } from "node:crypto";
import type { LineError, RosterRow } from "@/lib/admin/roster";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./admin-audit";
import type { Db } from "./client";

export interface RosterResult {
  /** New accounts; `password` only where the roster gave none and one was generated (shown once). */
  created: { line: number; email: string; role: "STUDENT" | "TEACHER"; password: string | null }[];
  updated: number;
  /** Enrollments (students) and teaching assignments (teachers) added. */
  assigned: number;
}

export type RosterOutcome = { ok: true; result: RosterResult } | { ok: false; errors: LineError[] };

export async function importRoster({ db, actor, schoolId, rows }: { db: Db; actor: SessionUser; schoolId: string; rows: RosterRow[] }): Promise<RosterOutcome> {
  const [existing, classes] = await Promise.all([
    db.user.findMany({ where: { email: { in: rows.map((r) => r.email) } }, select: { id: true, email: true, schoolId: true, role: true } }),
    db.class.findMany({ where: { schoolId }, select: { id: true, name: true } }),
  ]);
  const userByEmail = new Map(existing.map((u) => [u.email, u]));
  const classByName = new Map(classes.map((c) => [c.name.toLowerCase(), c.id]));

  const errors: LineError[] = [];
  for (const r of rows) {
    const u = userByEmail.get(r.email);
    if (u && u.schoolId !== schoolId) errors.push({ line: r.line, message: `${r.email} already has an account in another school` });
    else if (u && u.role !== r.role) errors.push({ line: r.line, message: `${r.email} is already a ${u.role.toLowerCase().replace("_", "-")} here, not a ${r.role.toLowerCase()}` });
    if (r.className && !classByName.has(r.className.toLowerCase())) errors.push({ line: r.line, message: `class "${r.className}" doesn't exist in this school; create it first` });
  }
  if (errors.length) return { ok: false, errors };

  // Hashing is slow on purpose, so it happens before the transaction opens rather than inside it.
  const fresh = rows.filter((r) => !userByEmail.has(r.email));
  const created: RosterResult["created"] = [];
  const newUsers: { email: string; name: string; role: "STUDENT" | "TEACHER"; gradeLevel: number | null; schoolId: string; passwordHash: string }[] = [];
  for (const r of fresh) {
    const generated = r.password ? null : randomBytes(9).toString("base64url");
    newUsers.push({ email: r.email, name: r.name, role: r.role, gradeLevel: r.role === "STUDENT" ? r.gradeLevel : null, schoolId, passwordHash: await hashPassword(r.password ?? generated!) });
    created.push({ line: r.line, email: r.email, role: r.role, password: generated });
  }

  try {
    return await db.$transaction(
      async (tx) => {
        const made = newUsers.length ? await tx.user.createManyAndReturn({ data: newUsers, select: { id: true, email: true } }) : [];
        const idOf = new Map([...existing.map((u) => [u.email, u.id] as const), ...made.map((u) => [u.email, u.id] as const)]);
        const kept = rows.filter((r) => userByEmail.has(r.email));
        for (const r of kept) {
          await tx.user.update({ where: { id: idOf.get(r.email)! }, data: { name: r.name, ...(r.role === "STUDENT" && r.gradeLevel !== null && { gradeLevel: r.gradeLevel }) } });
        }
        const pairs = rows.filter((r) => r.className).map((r) => ({ classId: classByName.get(r.className!.toLowerCase())!, userId: idOf.get(r.email)!, role: r.role }));
        const enrolled = await tx.enrollment.createMany({ data: pairs.filter((p) => p.role === "STUDENT").map((p) => ({ classId: p.classId, studentId: p.userId })), skipDuplicates: true });
        const teaching = await tx.teachingAssignment.createMany({ data: pairs.filter((p) => p.role === "TEACHER").map((p) => ({ classId: p.classId, teacherId: p.userId })), skipDuplicates: true });
        const result = { created, updated: kept.length, assigned: enrolled.count + teaching.count };
        await writeAudit({
          tx,
          entry: { actor, schoolId, action: "roster.import", targetType: "School", targetId: schoolId, after: { created: created.map((c) => c.email), updated: kept.map((r) => r.email), assigned: result.assigned } },
        });
        return { ok: true as const, result };
      },
      { timeout: 60_000 },
    );
  } catch (err) {
    // Someone added one of these emails between the check and the write: nothing was written.
    if ((err as { code?: string }).code === "P2002") throw new AppError("bad_request:roster", "One of these emails was just added by someone else. Nothing was imported; try again.");
    throw err;
  }
}
