// The rules of a teacher's budget top-up, kept pure so they are tested without Redis. A top-up is
// extra tokens for the current window only (and for today's cap, if the school has one): at most
// one window's budget per top-up and in total per window, so a class can't be handed an open key.
import type { EffectivePolicy } from "@/lib/budget/policy";

/** Tokens already granted to a student: in the current window, and today (UTC). */
export interface TopUpCredit {
  window: number;
  day: number;
}

export const NO_CREDIT: TopUpCredit = { window: 0, day: 0 };

export type TopUpCheck =
  | { ok: true }
  | { ok: false; reason: "not_positive" | "over_per_top_up" | "over_per_window"; maxTokens: number };

/** The most a top-up may add now: what is left of one window's budget after earlier top-ups. */
export function topUpAllowance(policy: EffectivePolicy, granted: TopUpCredit): number {
  return Math.max(0, policy.tokensPerWindow - granted.window);
}

export function checkTopUp(policy: EffectivePolicy, granted: TopUpCredit, tokens: number): TopUpCheck {
  const maxTokens = topUpAllowance(policy, granted);
  if (!Number.isInteger(tokens) || tokens <= 0) return { ok: false, reason: "not_positive", maxTokens };
  if (tokens > policy.tokensPerWindow) return { ok: false, reason: "over_per_top_up", maxTokens };
  if (tokens > maxTokens) return { ok: false, reason: "over_per_window", maxTokens };
  return { ok: true };
}

/**
 * The policy a student's counters run under once credit is added. Raising the limit (rather than
 * lowering the count) keeps "used" a true count: refunds stay bounded by it, and the credit lapses
 * with its window instead of leaking into the next one.
 */
export function withCredit(policy: EffectivePolicy, credit: TopUpCredit): EffectivePolicy {
  // A budget of zero means "no tutor for now" (an admin's choice, or the school's monthly cap):
  // credit granted earlier in the window must not reopen it.
  if ((credit.window <= 0 && credit.day <= 0) || policy.tokensPerWindow === 0) return policy;
  return {
    ...policy,
    tokensPerWindow: policy.tokensPerWindow + Math.max(0, credit.window),
    dailyTokenCap: policy.dailyTokenCap === null ? null : policy.dailyTokenCap + Math.max(0, credit.day),
  };
}
