// Ledger totals for cost reports: tokens per school, class, UTC month and model. Read from
// UsageEvent (the truth for money), with names joined for display.
import type { TokenTotals } from "@/lib/admin/prices";
import type { Db } from "./client";
import { Prisma } from "./generated/client";

export interface UsageTotalsRow extends TokenTotals {
  schoolId: string;
  schoolName: string;
  classId: string | null;
  className: string | null;
  /** "YYYY-MM" (UTC). */
  month: string;
  model: string;
  turns: number;
}

/** [from, to) in whole UTC months; schoolId null = every school (super-admins). */
export async function listUsageTotals({ db, schoolId, from, to }: { db: Db; schoolId: string | null; from: Date; to: Date }): Promise<UsageTotalsRow[]> {
  const bySchool = schoolId ? Prisma.sql`AND u."schoolId" = ${schoolId}` : Prisma.empty;
  const rows = await db.$queryRaw<(Omit<UsageTotalsRow, keyof TokenTotals | "turns"> & { turns: number; i: number; o: number; cr: number; cw: number })[]>`
    SELECT u."schoolId", s."name" AS "schoolName", u."classId", c."name" AS "className",
           to_char(date_trunc('month', u."createdAt"), 'YYYY-MM') AS month, u."model",
           count(*)::int AS turns, sum(u."inputTokens")::float8 AS i, sum(u."outputTokens")::float8 AS o,
           sum(u."cacheReadTokens")::float8 AS cr, sum(u."cacheWriteTokens")::float8 AS cw
    FROM "UsageEvent" u
    JOIN "School" s ON s."id" = u."schoolId"
    LEFT JOIN "Class" c ON c."id" = u."classId"
    WHERE u."createdAt" >= ${from} AND u."createdAt" < ${to} ${bySchool}
    GROUP BY u."schoolId", s."name", u."classId", c."name", month, u."model"
    ORDER BY month, s."name", c."name" NULLS LAST, u."model"`;
  return rows.map(({ i, o, cr, cw, ...r }) => ({ ...r, inputTokens: i, outputTokens: o, cacheReadTokens: cr, cacheWriteTokens: cw }));
}

export interface PriceRow {
  model: string;
  inputPerMTok: number;
  outputPerMTok: number;
  updatedAt: string;
}

export async function listPriceOverrides({ db }: { db: Db }): Promise<PriceRow[]> {
  const rows = await db.modelPrice.findMany({ orderBy: { model: "asc" } });
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** Models the ledger has seen, so the price table can list what is actually being billed. */
export async function listLedgerModels({ db }: { db: Db }): Promise<string[]> {
  const rows = await db.usageEvent.findMany({ distinct: ["model"], select: { model: true }, orderBy: { model: "asc" } });
  return rows.map((r) => r.model);
}
