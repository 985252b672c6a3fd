// The audit trail of admin changes: who did what to which record, with the record before and after.
// Entries are written in the same transaction as the change, so neither exists without the other.
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";

/** A transaction's client (what `db.$transaction(async (tx) => …)` hands over). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface AuditEntry {
  actor: Pick<SessionUser, "id">;
  schoolId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

// BigInt and Decimal values (budget caps, prices) don't survive JSON as-is; numbers read better in the log.
function toJson(v: unknown): Prisma.InputJsonValue | undefined {
  if (v === undefined || v === null) return undefined;
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x))) as Prisma.InputJsonValue;
}

export async function writeAudit({ tx, entry }: { tx: Tx; entry: AuditEntry }): Promise<void> {
  await tx.auditLog.create({
    data: {
      schoolId: entry.schoolId,
      actorId: entry.actor.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

export interface AuditRow {
  id: string;
  at: string;
  schoolId: string | null;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** Newest first. schoolId null: every school's entries and the district's own (super-admins). */
export async function listAuditLog({ db, schoolId, limit = 100, before }: { db: Db; schoolId: string | null; limit?: number; before?: Date }): Promise<AuditRow[]> {
  const rows = await db.auditLog.findMany({
    where: { ...(schoolId ? { schoolId } : {}), ...(before ? { createdAt: { lt: before } } : {}) },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(1, limit), 500),
    select: { id: true, createdAt: true, schoolId: true, action: true, targetType: true, targetId: true, before: true, after: true, actor: { select: { id: true, name: true, email: true } } },
  });
  return rows.map(({ createdAt, ...r }) => ({ ...r, at: createdAt.toISOString() }));
}
