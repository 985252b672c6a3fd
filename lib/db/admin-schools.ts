// Schools as the admin console sees them: which school a request acts on, the district's list, and
// each school's share of the shared key, settings and alert webhook. Every change is audited.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./admin-audit";
import type { Db } from "./client";

/**
 * The school an admin request acts on. An admin acts on their own school only (naming another is
 * 403); a super-admin must name one, and it must exist (404).
 */
export async function resolveSchoolIdOrThrow({ db, user, schoolId, surface }: { db: Db; user: SessionUser; schoolId?: string | null; surface: string }): Promise<string> {
  if (user.role === "ADMIN") {
    if (!user.schoolId || (schoolId && schoolId !== user.schoolId)) throw new AppError(`forbidden:${surface}`, "Admins can only manage their own school.");
    return user.schoolId;
  }
  if (user.role !== "SUPER_ADMIN") throw new AppError(`forbidden:${surface}`);
  if (!schoolId) throw new AppError(`bad_request:${surface}`, "Choose a school (schoolId).");
  const found = await db.school.findUnique({ where: { id: schoolId.slice(0, 64) }, select: { id: true } });
  if (!found) throw new AppError(`not_found:${surface}`, "That school doesn't exist.");
  return found.id;
}

export interface SchoolRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  keyShare: number | null;
  students: number;
  admins: number;
}

export async function listSchools({ db }: { db: Db }): Promise<SchoolRow[]> {
  const schools = await db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, timezone: true, keyShare: true } });
  const counts = await db.user.groupBy({ by: ["schoolId", "role"], where: { role: { in: ["STUDENT", "ADMIN"] }, active: true }, _count: { _all: true } });
  const count = (schoolId: string, role: string) => counts.find((c) => c.schoolId === schoolId && c.role === role)?._count._all ?? 0;
  return schools.map((s) => ({ ...s, students: count(s.id, "STUDENT"), admins: count(s.id, "ADMIN") }));
}

export interface SchoolInput {
  slug?: string;
  name?: string;
  timezone?: string;
  keyShare?: number | null;
}

/** A new school with its school-wide policy row and, if given, its first admin (password generated, returned once). */
export async function createSchool({ db, actor, input }: { db: Db; actor: SessionUser; input: Required<Pick<SchoolInput, "slug" | "name">> & SchoolInput & { admin?: { email: string; name: string } } }) {
  const password = input.admin ? randomBytes(9).toString("base64url") : null;
  const passwordHash = password ? await hashPassword(password) : null;
  const { admin, ...fields } = input;
  return db.$transaction(async (tx) => {
    if (await tx.school.findUnique({ where: { slug: fields.slug }, select: { id: true } })) {
      throw new AppError("bad_request:schools", `A school with the short name "${fields.slug}" already exists.`);
    }
    if (admin && (await tx.user.findUnique({ where: { email: admin.email }, select: { id: true } }))) {
      throw new AppError("bad_request:schools", `${admin.email} already has an account.`);
    }
    const school = await tx.school.create({ data: { slug: fields.slug, name: fields.name, timezone: fields.timezone ?? "UTC", keyShare: fields.keyShare ?? null } });
    await tx.budgetPolicy.create({ data: { schoolId: school.id, scope: "school" } });
    if (admin) await tx.user.create({ data: { ...admin, role: "ADMIN", schoolId: school.id, passwordHash: passwordHash! } });
    await writeAudit({ tx, entry: { actor, schoolId: school.id, action: "school.create", targetType: "School", targetId: school.id, after: { ...fields, admin: admin?.email ?? null } } });
    return { school, adminPassword: password };
  });
}

export async function updateSchool({ db, actor, schoolId, patch }: { db: Db; actor: SessionUser; schoolId: string; patch: SchoolInput }) {
  return db.$transaction(async (tx) => {
    const before = await tx.school.findUnique({ where: { id: schoolId }, select: { slug: true, name: true, timezone: true, keyShare: true } });
    if (!before) throw new AppError("not_found:schools", "That school doesn't exist.");
    if (patch.slug && patch.slug !== before.slug && (await tx.school.findUnique({ where: { slug: patch.slug }, select: { id: true } }))) {
      throw new AppError("bad_request:schools", `A school with the short name "${patch.slug}" already exists.`);
    }
    const after = await tx.school.update({ where: { id: schoolId }, data: patch, select: { id: true, slug: true, name: true, timezone: true, keyShare: true } });
    await writeAudit({ tx, entry: { actor, schoolId, action: "school.update", targetType: "School", targetId: schoolId, before, after: { slug: after.slug, name: after.name, timezone: after.timezone, keyShare: after.keyShare } } });
    return after;
  });
}

/** Every school's share of the shared key that the governor can use: (0, 1]; anything else means no cap. */
export async function loadSchoolShares({ db }: { db: Db }): Promise<Record<string, number>> {
  const rows = await db.school.findMany({ where: { keyShare: { not: null } }, select: { id: true, keyShare: true } });
  return Object.fromEntries(rows.filter((r) => r.keyShare !== null && r.keyShare > 0 && r.keyShare < 1).map((r) => [r.id, r.keyShare!]));
}

export interface SchoolSettings {
  id: string;
  name: string;
  keyShare: number | null;
  transcriptRetentionDays: number | null;
  alertWebhookUrl: string | null;
  alertWebhookSecret: string | null;
}

const SETTINGS_SELECT = { id: true, name: true, keyShare: true, transcriptRetentionDays: true, alertWebhookUrl: true, alertWebhookSecret: true } as const;

export async function getSchoolSettings({ db, schoolId }: { db: Db; schoolId: string }): Promise<SchoolSettings | null> {
  return db.school.findUnique({ where: { id: schoolId }, select: SETTINGS_SELECT });
}

export interface SettingsPatch {
  transcriptRetentionDays?: number | null;
  alertWebhookUrl?: string | null;
  /** A new signing secret (the old one stops working at once). */
  rotateWebhookSecret?: boolean;
}

export async function updateSchoolSettings({ db, actor, schoolId, patch }: { db: Db; actor: SessionUser; schoolId: string; patch: SettingsPatch }): Promise<SchoolSettings> {
  return db.$transaction(async (tx) => {
    const before = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: SETTINGS_SELECT });
    const url = patch.alertWebhookUrl === undefined ? before.alertWebhookUrl : patch.alertWebhookUrl;
    // A webhook always has a secret; removing the URL removes it too.
    const secret = !url ? null : patch.rotateWebhookSecret || !before.alertWebhookSecret ? randomBytes(24).toString("hex") : before.alertWebhookSecret;
    const after = await tx.school.update({
      where: { id: schoolId },
      data: { ...(patch.transcriptRetentionDays !== undefined && { transcriptRetentionDays: patch.transcriptRetentionDays }), alertWebhookUrl: url, alertWebhookSecret: secret },
      select: SETTINGS_SELECT,
    });
    // Secrets stay out of the audit log; whether one changed is enough.
    const view = (s: SchoolSettings) => ({ transcriptRetentionDays: s.transcriptRetentionDays, alertWebhookUrl: s.alertWebhookUrl });
    await writeAudit({
      tx,
      entry: { actor, schoolId, action: "school.settings", targetType: "School", targetId: schoolId, before: view(before), after: { ...view(after), webhookSecretChanged: secret !== before.alertWebhookSecret } },
    });
    return after;
  });
}

/**
 * Which school an admin page shows: an admin's own; for a super-admin the one picked (?school=), if
 * it exists, plus every school's name for the picker.
 */
export async function pageSchoolContext({ db, user, requested }: { db: Db; user: SessionUser; requested?: string | null }): Promise<{ schoolId: string | null; schoolName: string | null; schools: { id: string; name: string }[] }> {
  if (user.role !== "SUPER_ADMIN") {
    const own = user.schoolId ? await db.school.findUnique({ where: { id: user.schoolId }, select: { name: true } }) : null;
    return { schoolId: user.schoolId, schoolName: own?.name ?? null, schools: [] };
  }
  const schools = await db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  const picked = schools.find((s) => s.id === requested) ?? null;
  return { schoolId: picked?.id ?? null, schoolName: picked?.name ?? null, schools };
}
