// In-app alerts for admins. A school's admins see its own alerts and the system-wide ones (shared
// key, provider); a super-admin sees every school's.
import type { AlertCandidate } from "@/lib/admin/alert-rules";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

export interface NotificationRow {
  id: string;
  schoolId: string | null;
  kind: string;
  title: string;
  body: string;
  at: string;
}

export async function createNotification({ db, alert }: { db: Db; alert: AlertCandidate }): Promise<void> {
  await db.adminNotification.create({
    data: { schoolId: alert.schoolId, kind: alert.kind, title: alert.title, body: alert.body, data: alert.data as Prisma.InputJsonValue },
  });
}

/** schoolId null: every notification (super-admins). */
export async function listNotifications({ db, schoolId, limit = 20, since }: { db: Db; schoolId: string | null; limit?: number; since?: Date }): Promise<NotificationRow[]> {
  const rows = await db.adminNotification.findMany({
    where: { ...(schoolId && { OR: [{ schoolId }, { schoolId: null }] }), ...(since && { createdAt: { gte: since } }) },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(1, limit), 100),
    select: { id: true, schoolId: true, kind: true, title: true, body: true, createdAt: true },
  });
  return rows.map(({ createdAt, ...r }) => ({ ...r, at: createdAt.toISOString() }));
}

/** Where an alert's webhook goes: its school's URL, or every school's for a system-wide alert. */
export async function listWebhookTargets({ db, schoolId }: { db: Db; schoolId: string | null }): Promise<{ schoolId: string; url: string; secret: string }[]> {
  const rows = await db.school.findMany({
    where: { alertWebhookUrl: { not: null }, alertWebhookSecret: { not: null }, ...(schoolId && { id: schoolId }) },
    select: { id: true, alertWebhookUrl: true, alertWebhookSecret: true },
  });
  return rows.map((r) => ({ schoolId: r.id, url: r.alertWebhookUrl!, secret: r.alertWebhookSecret! }));
}
