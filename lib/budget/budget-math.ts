// The arithmetic of reserving, reconciling and refunding, kept pure so it is tested without Redis.
import type { BudgetSnapshot } from "@/lib/tutor/types";

export const DAY_MS = 86_400_000;

/**
 * End of the fixed window that contains `t`: the grid @upstash/ratelimit's fixedWindow uses
 * (bucket = floor(now / window)), so every student's window, and the daily cap (UTC midnight),
 * refills at the same instants.
 */
export function windowResetAt(t: number, windowMs: number): number {
  return (Math.floor(t / windowMs) + 1) * windowMs;
}

/** Reconciling a reservation: charge what the turn used beyond it, or refund what it did not use. */
export function settlement(reserved: number, actual: number): { charge: number; refund: number } {
  const delta = Math.ceil(Math.max(0, actual)) - Math.ceil(Math.max(0, reserved));
  return delta >= 0 ? { charge: delta, refund: 0 } : { charge: 0, refund: -delta };
}

/**
 * How many units to charge back after a refund (a negative-rate limit() call) landed. The
 * fixed-window script adds the rate to the *current* window's counter with no floor, so:
 * - a refund that landed in a later window than the charge it refunds is undone entirely
 *   (that window never carried the charge; keeping it would hand out free budget);
 * - a refund that took the counter below zero is undone by the excess. The library reports
 *   remaining = max(0, limit - used), which exceeds the limit exactly when used < 0.
 */
export function refundCorrection(
  after: { reset: number; remaining: number; limit: number },
  chargedResetAt: number,
  refunded: number,
): number {
  if (after.reset !== chargedResetAt) return refunded;
  return Math.max(0, after.remaining - after.limit);
}

/**
 * Of two budgets on one student (window and daily cap), the one that binds: less remaining;
 * on a tie the one refilling later, so "exhausted until resetAt" is never too early.
 */
export function tighter(a: BudgetSnapshot, b: BudgetSnapshot): BudgetSnapshot {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
  return a.resetAt >= b.resetAt ? a : b;
}

/** Whole seconds until `resetAt`, at least 1 so a client never retries in a tight loop. */
export function retryAfterSeconds(resetAt: number, now: number): number {
  return Math.max(1, Math.ceil((resetAt - now) / 1000));
}
