import { describe, expect, it } from "vitest";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { applyMonthlyCap, monthStanding } from "./monthly-cap";

const now = new Date("2026-12-15T10:00:00Z");
const usage = [
  { model: "claude-haiku-4-5", totals: { inputTokens: 600_000, outputTokens: 200_000, cacheReadTokens: 0, cacheWriteTokens: 0 } },
  { model: "offline", totals: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 } },
];
const policy: EffectivePolicy = { tokensPerWindow: 5_000, windowSeconds: 900, messagesPerWindow: 10, messageWindowSeconds: 300, nearBudgetRatio: 0.8, dailyTokenCap: null };

describe("monthStanding", () => {
  it("has no share used without caps", () => {
    const s = monthStanding({ now, usage, caps: { tokens: null, costUsd: null }, prices: new Map() });
    expect(s).toMatchObject({ month: "2026-12", tokens: 800_000, used: null });
    expect(s.costUsd).toBeCloseTo(0.6 + 1.0, 9);
  });

  it("reports the larger share of the token and cost caps", () => {
    expect(monthStanding({ now, usage, caps: { tokens: 1_000_000, costUsd: null }, prices: new Map() }).used).toBeCloseTo(0.8);
    expect(monthStanding({ now, usage, caps: { tokens: 1_000_000, costUsd: 1.6 }, prices: new Map() }).used).toBeCloseTo(1);
    // Overrides re-price the month: $0.5/$1 per MTok makes it $0.5, a quarter of a $2 cap.
    const cheap = new Map([["claude-haiku-4-5", { input: 0.5, output: 1 }]]);
    expect(monthStanding({ now, usage, caps: { tokens: null, costUsd: 2 }, prices: cheap }).used).toBeCloseTo(0.25);
  });

  it("treats a zero cap as used up", () => {
    expect(monthStanding({ now, usage: [], caps: { tokens: 0, costUsd: null }, prices: new Map() }).used).toBe(Infinity);
  });
});

describe("applyMonthlyCap", () => {
  const standing = (used: number | null) => ({ month: "2026-12", tokens: 0, costUsd: 0, caps: { tokens: 1, costUsd: null }, used });

  it("leaves the policy alone below the cap", () => {
    expect(applyMonthlyCap(policy, standing(null))).toBe(policy);
    expect(applyMonthlyCap(policy, null)).toBe(policy);
    expect(applyMonthlyCap(policy, standing(0.99))).toBe(policy);
  });

  it("zeroes the window budget at the cap, keeping the other limits", () => {
    expect(applyMonthlyCap(policy, standing(1))).toEqual({ ...policy, tokensPerWindow: 0 });
  });
});
