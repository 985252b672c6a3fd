import { describe, expect, it } from "vitest";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { NO_CREDIT, checkTopUp, topUpAllowance, withCredit } from "@/lib/budget/top-up-math";

const policy: EffectivePolicy = {
  tokensPerWindow: 5_000,
  windowSeconds: 900,
  messagesPerWindow: 10,
  messageWindowSeconds: 300,
  nearBudgetRatio: 0.8,
  dailyTokenCap: null,
};

describe("checkTopUp", () => {
  it("allows up to one window's budget", () => {
    expect(checkTopUp(policy, NO_CREDIT, 1)).toEqual({ ok: true });
    expect(checkTopUp(policy, NO_CREDIT, 5_000)).toEqual({ ok: true });
  });

  it("refuses zero, negative and fractional amounts", () => {
    for (const tokens of [0, -100, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkTopUp(policy, NO_CREDIT, tokens)).toMatchObject({ ok: false, reason: "not_positive" });
    }
  });

  it("refuses more than one window's budget in one top-up", () => {
    expect(checkTopUp(policy, NO_CREDIT, 5_001)).toEqual({ ok: false, reason: "over_per_top_up", maxTokens: 5_000 });
  });

  it("bounds all top-ups in a window together", () => {
    const granted = { window: 4_000, day: 4_000 };
    expect(topUpAllowance(policy, granted)).toBe(1_000);
    expect(checkTopUp(policy, granted, 1_000)).toEqual({ ok: true });
    expect(checkTopUp(policy, granted, 1_001)).toEqual({ ok: false, reason: "over_per_window", maxTokens: 1_000 });
    expect(topUpAllowance(policy, { window: 6_000, day: 6_000 })).toBe(0);
  });
});

describe("withCredit", () => {
  it("raises the window limit and, when there is one, the daily cap", () => {
    expect(withCredit(policy, { window: 1_000, day: 3_000 })).toMatchObject({ tokensPerWindow: 6_000, dailyTokenCap: null });
    expect(withCredit({ ...policy, dailyTokenCap: 20_000 }, { window: 1_000, day: 3_000 })).toMatchObject({ tokensPerWindow: 6_000, dailyTokenCap: 23_000 });
  });

  it("never reopens a budget that is switched off", () => {
    expect(withCredit({ ...policy, tokensPerWindow: 0 }, { window: 1_000, day: 1_000 })).toMatchObject({ tokensPerWindow: 0 });
    expect(checkTopUp({ ...policy, tokensPerWindow: 0 }, NO_CREDIT, 1)).toMatchObject({ ok: false, reason: "over_per_top_up", maxTokens: 0 });
  });

  it("leaves the policy alone without credit, and never lowers it", () => {
    expect(withCredit(policy, NO_CREDIT)).toBe(policy);
    expect(withCredit(policy, { window: -50, day: 0 })).toMatchObject({ tokensPerWindow: 5_000 });
  });
});
