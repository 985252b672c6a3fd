// Test-only: a small budget policy to vary per test, and a guard against a test step straddling a
// fixed-window boundary (the budget's windows are aligned to the clock).
import type { EffectivePolicy } from "@/lib/budget/policy";

export const policyWith = (p: Partial<EffectivePolicy> = {}): EffectivePolicy => ({
  tokensPerWindow: 1_000,
  windowSeconds: 3_600,
  messagesPerWindow: 3,
  messageWindowSeconds: 3_600,
  nearBudgetRatio: 0.8,
  dailyTokenCap: null,
  ...p,
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a fresh window when fewer than `needMs` remain in this one, so a step can't straddle two. */
export async function freshWindow(windowMs: number, needMs = 400): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await sleep(left + 5);
}
