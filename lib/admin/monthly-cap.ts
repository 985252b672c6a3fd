// The school's monthly token and cost caps: where a school stands this month, and the budget policy
// that enforces the cap. Past the cap every student's window budget is zero, so answers come from the
// offline tutor until the month turns or an admin raises the cap (read within a few seconds).
import type { EffectivePolicy } from "@/lib/budget/policy";
import type { Db } from "@/lib/db/client";
import { getSchoolCaps, getSchoolMonthUsage, loadPriceOverrides } from "@/lib/db/admin-usage";
import { estimateCostUsd, priceOf, type PriceOverrides, type TokenTotals } from "./prices";
import { ttlCache } from "./ttl-cache";

export interface MonthStanding {
  /** "YYYY-MM" (UTC). */
  month: string;
  /** Input + output tokens, as the dashboards count them. */
  tokens: number;
  costUsd: number;
  caps: { tokens: number | null; costUsd: number | null };
  /** The larger share of either cap used (0..), or null when the school has no cap. */
  used: number | null;
}

export function monthStanding({ now, usage, caps, prices }: { now: Date; usage: { model: string; totals: TokenTotals }[]; caps: MonthStanding["caps"]; prices: PriceOverrides }): MonthStanding {
  const tokens = usage.reduce((s, u) => s + u.totals.inputTokens + u.totals.outputTokens, 0);
  const costUsd = usage.reduce((s, u) => s + estimateCostUsd(u.totals, priceOf(u.model, prices)), 0);
  const ratios = [caps.tokens === null ? null : ratio(tokens, caps.tokens), caps.costUsd === null ? null : ratio(costUsd, caps.costUsd)].filter((r): r is number => r !== null);
  return { month: now.toISOString().slice(0, 7), tokens, costUsd, caps, used: ratios.length ? Math.max(...ratios) : null };
}

// A cap of zero means "no AI this month": fully used from the start.
const ratio = (used: number, cap: number) => (cap <= 0 ? Infinity : used / cap);

/** standing null (the ledger couldn't be read): the cap isn't enforced for this turn rather than failing it. */
export function applyMonthlyCap(policy: EffectivePolicy, standing: MonthStanding | null): EffectivePolicy {
  return standing?.used != null && standing.used >= 1 ? { ...policy, tokensPerWindow: 0 } : policy;
}

/** Per-instance cached standings: one ledger aggregate per school every few seconds at most. */
export function createMonthStandings({ db, ttlMs = 5_000 }: { db: () => Db; ttlMs?: number }): (schoolId: string) => Promise<MonthStanding> {
  const log = (what: string) => (_k: unknown, err: unknown) => console.error(`[admin] ${what} refresh failed; using the last value`, err);
  const prices = ttlCache({ load: () => loadPriceOverrides({ db: db() }), ttlMs: 10_000, onStale: log("prices") });
  return ttlCache({
    load: async (schoolId: string) => {
      const now = new Date();
      const [usage, caps, p] = await Promise.all([getSchoolMonthUsage({ db: db(), schoolId, now }), getSchoolCaps({ db: db(), schoolId }), prices("all")]);
      return monthStanding({ now, usage, caps, prices: p });
    },
    ttlMs,
    onStale: log("monthly usage"),
  });
}
