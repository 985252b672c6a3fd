// Where a turn stands against the budget, for the degradation ladder: "low" → concise answer,
// "exhausted" → offline tutor until snapshot.resetAt.
import type { EffectivePolicy } from "@/lib/budget/policy";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export type BudgetLevel = "ok" | "low" | "exhausted";

/**
 * `reservation` is the smallest reservation the turn could make. "exhausted": not even that fits.
 * "low": after it, the share of the budget used would pass policy.nearBudgetRatio. The ratio is
 * applied to snapshot.limit, which is the daily cap when that is what binds.
 */
export function budgetLevel(snapshot: BudgetSnapshot, policy: EffectivePolicy, reservation: number): BudgetLevel {
  if (snapshot.remaining <= 0 || snapshot.remaining < reservation) return "exhausted";
  const usedAfter = snapshot.limit - snapshot.remaining + reservation;
  return usedAfter > snapshot.limit * policy.nearBudgetRatio ? "low" : "ok";
}
