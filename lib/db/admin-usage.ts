// Ledger totals for the admin console: a school's month so far (for its monthly cap and the 80 %
// alert), and the price overrides that turn tokens into dollars.
import type { PriceOverrides, TokenTotals } from "@/lib/admin/prices";
import { normalizeModel } from "@/lib/admin/prices";
import type { Db } from "./client";

/** 00:00 UTC on the first of the month; caps and reports count calendar months in UTC. */
export function startOfMonthUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export async function getSchoolMonthUsage({ db, schoolId, now = new Date() }: { db: Db; schoolId: string; now?: Date }): Promise<{ model: string; totals: TokenTotals }[]> {
  const rows = await db.usageEvent.groupBy({
    by: ["model"],
    where: { schoolId, createdAt: { gte: startOfMonthUtc(now) } },
    _sum: { inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWriteTokens: true },
  });
  return rows.map((r) => ({
    model: r.model,
    totals: {
      inputTokens: r._sum.inputTokens ?? 0,
      outputTokens: r._sum.outputTokens ?? 0,
      cacheReadTokens: r._sum.cacheReadTokens ?? 0,
      cacheWriteTokens: r._sum.cacheWriteTokens ?? 0,
    },
  }));
}

export async function getSchoolCaps({ db, schoolId }: { db: Db; schoolId: string }): Promise<{ tokens: number | null; costUsd: number | null }> {
  const row = await db.budgetPolicy.findUnique({ where: { schoolId_scope: { schoolId, scope: "school" } }, select: { monthlyTokenCap: true, monthlyCostCapUsd: true } });
  return {
    tokens: row?.monthlyTokenCap == null ? null : Number(row.monthlyTokenCap),
    costUsd: row?.monthlyCostCapUsd == null ? null : Number(row.monthlyCostCapUsd),
  };
}

export async function loadPriceOverrides({ db }: { db: Db }): Promise<PriceOverrides> {
  const rows = await db.modelPrice.findMany({ select: { model: true, inputPerMTok: true, outputPerMTok: true } });
  return new Map(rows.map((r) => [normalizeModel(r.model), { input: r.inputPerMTok, output: r.outputPerMTok }]));
}
