import { describe, expect, it } from "vitest";
import { budgetLevel } from "@/lib/budget/near-budget";
import type { EffectivePolicy } from "@/lib/budget/policy";

const policy: EffectivePolicy = {
  tokensPerWindow: 1_000,
  windowSeconds: 900,
  messagesPerWindow: 10,
  messageWindowSeconds: 300,
  nearBudgetRatio: 0.8,
  dailyTokenCap: null,
};
const snap = (remaining: number, limit = 1_000) => ({ limit, remaining, resetAt: 0 });

describe("budgetLevel", () => {
  it("is ok while the turn ends at or below the ratio", () => {
    expect(budgetLevel(snap(1_000), policy, 100)).toBe("ok");
    expect(budgetLevel(snap(300), policy, 100)).toBe("ok"); // 800 of 1000 used after: exactly the ratio
  });

  it("is low once the turn would pass the ratio", () => {
    expect(budgetLevel(snap(300), policy, 101)).toBe("low");
    expect(budgetLevel(snap(150), policy, 1)).toBe("low"); // already past it before the turn
  });

  it("is exhausted when the reservation does not fit or nothing is left", () => {
    expect(budgetLevel(snap(99), policy, 100)).toBe("exhausted");
    expect(budgetLevel(snap(0), policy, 0)).toBe("exhausted");
    expect(budgetLevel(snap(0, 0), policy, 1)).toBe("exhausted");
  });

  it("fits a reservation of exactly what remains", () => {
    expect(budgetLevel(snap(100), policy, 100)).toBe("low");
  });

  it("applies the ratio to the binding limit (e.g. the daily cap)", () => {
    expect(budgetLevel(snap(9_000, 10_000), policy, 500)).toBe("ok");
    expect(budgetLevel(snap(2_000, 10_000), policy, 500)).toBe("low");
  });

  it("ratio 1 never warns, ratio 0 always does", () => {
    expect(budgetLevel(snap(1), { ...policy, nearBudgetRatio: 1 }, 1)).toBe("ok");
    expect(budgetLevel(snap(1_000), { ...policy, nearBudgetRatio: 0 }, 1)).toBe("low");
  });
});
