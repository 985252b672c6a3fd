// Per-student token budget: reserve before the model call (estimate of input + max output),
// reconcile with the real usage after it. A reservation is accepted only if it fits in what
// remains, and overruns are always recorded, so a student exceeds the budget by at most the
// estimate error of the requests in flight (one, for a student using one tab). A teacher's top-up
// raises the limit for the current window (top-up.ts), read on every call.
import type { Redis } from "@upstash/redis";
import { DAY_MS, settlement, tighter, windowResetAt } from "@/lib/budget/budget-math";
import { withFailSafe } from "@/lib/budget/fail-safe";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { creditedPolicy } from "@/lib/budget/top-up";
import { charge, peek, refund, type Counter } from "@/lib/budget/window-counter";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export interface TokenBudgetArgs {
  redis: Redis;
  studentId: string;
  policy: EffectivePolicy;
}

export interface TokenReservation {
  /** False: the budget cannot cover the reservation, and nothing was consumed. */
  ok: boolean;
  /** The binding budget (window or daily cap) after this call. */
  snapshot: BudgetSnapshot;
  /** Pass to reconcileTokens: a refund only ever goes back into the windows charged here. */
  reservedAt: number;
}

function counters(policy: EffectivePolicy): Counter[] {
  const window: Counter = { scope: "tokens", limit: policy.tokensPerWindow, windowMs: policy.windowSeconds * 1000 };
  if (policy.dailyTokenCap === null) return [window];
  return [window, { scope: "daily", limit: policy.dailyTokenCap, windowMs: DAY_MS }];
}

export async function reserveTokens(args: TokenBudgetArgs & { tokens: number }): Promise<TokenReservation> {
  if (!Number.isFinite(args.tokens) || args.tokens <= 0) {
    throw new RangeError(`reserveTokens: tokens must be a positive number, got ${args.tokens}`);
  }
  const units = Math.ceil(args.tokens);
  return withFailSafe(args.redis, args.policy, async (redis, base) => {
    const policy = await creditedPolicy(redis, args.studentId, base);
    // Taken before charging: if a window boundary passes during the call, reconcile then sees
    // this window as over and skips the refund, rather than refunding into the next one.
    const reservedAt = Date.now();
    const [window, daily] = counters(policy);
    const w = await charge(redis, args.studentId, window, units);
    if (!daily) return { ...w, reservedAt };
    if (!w.ok) return { ok: false, snapshot: tighter(w.snapshot, await peek(redis, args.studentId, daily)), reservedAt };
    const d = await charge(redis, args.studentId, daily, units);
    if (d.ok) return { ok: true, snapshot: tighter(w.snapshot, d.snapshot), reservedAt };
    // The daily cap refused: the window charge must not stand either.
    const back = await refund(redis, args.studentId, window, units, w.snapshot.resetAt);
    return { ok: false, snapshot: tighter(back ?? w.snapshot, d.snapshot), reservedAt };
  });
}

/**
 * Settles a reservation with what the turn really used: an overrun is charged even past the
 * limit (it happened; the next reservation is refused instead), unused tokens are refunded.
 */
export function reconcileTokens(
  args: TokenBudgetArgs & { reserved: number; actual: number; reservedAt: number },
): Promise<BudgetSnapshot> {
  const { charge: overrun, refund: unused } = settlement(args.reserved, args.actual);
  return withFailSafe(args.redis, args.policy, async (redis, base) => {
    const policy = await creditedPolicy(redis, args.studentId, base);
    const snapshots = await Promise.all(
      counters(policy).map(async (c) => {
        if (overrun > 0) return (await charge(redis, args.studentId, c, overrun, { force: true })).snapshot;
        const chargedResetAt = windowResetAt(args.reservedAt, c.windowMs);
        const after = unused > 0 ? await refund(redis, args.studentId, c, unused, chargedResetAt) : null;
        return after ?? peek(redis, args.studentId, c);
      }),
    );
    return snapshots.reduce(tighter);
  });
}

/** The binding budget right now, without consuming anything. */
export function peekBudget(args: TokenBudgetArgs): Promise<BudgetSnapshot> {
  return withFailSafe(args.redis, args.policy, async (redis, base) => {
    const policy = await creditedPolicy(redis, args.studentId, base);
    const snapshots = await Promise.all(counters(policy).map((c) => peek(redis, args.studentId, c)));
    return snapshots.reduce(tighter);
  });
}
