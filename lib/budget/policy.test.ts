import { describe, expect, it } from "vitest";
import { defaultPolicy, failSafePolicy, gradeBandFor, resolvePolicy, type EffectivePolicy } from "@/lib/budget/policy";

const defaults: EffectivePolicy = {
  tokensPerWindow: 5_000,
  windowSeconds: 900,
  messagesPerWindow: 10,
  messageWindowSeconds: 300,
  nearBudgetRatio: 0.8,
  dailyTokenCap: null,
};

describe("resolvePolicy", () => {
  it("uses the defaults when no row exists", () => {
    expect(resolvePolicy({}, defaults)).toEqual(defaults);
    expect(resolvePolicy({ school: null, class: null, student: null }, defaults)).toEqual(defaults);
  });

  it("merges field by field across levels", () => {
    const policy = resolvePolicy(
      { school: { tokensPerWindow: 8_000 }, class: { windowSeconds: 600 }, student: { messagesPerWindow: 4 } },
      defaults,
    );
    expect(policy).toEqual({ ...defaults, tokensPerWindow: 8_000, windowSeconds: 600, messagesPerWindow: 4 });
  });

  it("lets the most specific level win: student over class over school", () => {
    const school = { tokensPerWindow: 1_000, nearBudgetRatio: 0.5, dailyTokenCap: 20_000 };
    const klass = { tokensPerWindow: 2_000, nearBudgetRatio: 0.6 };
    const student = { tokensPerWindow: 3_000 };
    expect(resolvePolicy({ school, class: klass, student }, defaults)).toMatchObject({
      tokensPerWindow: 3_000,
      nearBudgetRatio: 0.6,
      dailyTokenCap: 20_000,
    });
    expect(resolvePolicy({ school, class: klass }, defaults).tokensPerWindow).toBe(2_000);
    expect(resolvePolicy({ school }, defaults).tokensPerWindow).toBe(1_000);
  });

  it("treats null as inherit, not as zero", () => {
    const policy = resolvePolicy(
      { school: { messagesPerWindow: 6 }, class: { messagesPerWindow: null }, student: { messagesPerWindow: null } },
      defaults,
    );
    expect(policy.messagesPerWindow).toBe(6);
  });

  it("keeps explicit zero budgets (a student with the tutor switched off)", () => {
    const policy = resolvePolicy({ school: { tokensPerWindow: 5_000 }, student: { tokensPerWindow: 0, dailyTokenCap: 0 } }, defaults);
    expect(policy.tokensPerWindow).toBe(0);
    expect(policy.dailyTokenCap).toBe(0);
  });

  it("puts the grade band between school and class", () => {
    const school = { tokensPerWindow: 1_000, messagesPerWindow: 6, dailyTokenCap: 20_000 };
    const grade = { tokensPerWindow: 1_500, messagesPerWindow: 8 };
    const klass = { tokensPerWindow: 2_000 };
    expect(resolvePolicy({ school, grade }, defaults)).toMatchObject({ tokensPerWindow: 1_500, messagesPerWindow: 8, dailyTokenCap: 20_000 });
    expect(resolvePolicy({ school, grade, class: klass }, defaults)).toMatchObject({ tokensPerWindow: 2_000, messagesPerWindow: 8 });
    expect(resolvePolicy({ school, grade, class: klass, student: { messagesPerWindow: 3 } }, defaults)).toMatchObject({ tokensPerWindow: 2_000, messagesPerWindow: 3 });
  });

  it("lets a null or invalid grade value inherit from the school", () => {
    const policy = resolvePolicy({ school: { windowSeconds: 600 }, grade: { windowSeconds: null, nearBudgetRatio: 2 } }, defaults);
    expect(policy).toMatchObject({ windowSeconds: 600, nearBudgetRatio: 0.8 });
  });

  it("ignores invalid values so the field inherits", () => {
    const policy = resolvePolicy(
      {
        school: { windowSeconds: 1_200, nearBudgetRatio: 0.7, tokensPerWindow: 4_000 },
        student: { windowSeconds: 0, nearBudgetRatio: 1.5, tokensPerWindow: -5, messageWindowSeconds: 2.5 },
      },
      defaults,
    );
    expect(policy).toMatchObject({ windowSeconds: 1_200, nearBudgetRatio: 0.7, tokensPerWindow: 4_000, messageWindowSeconds: 300 });
  });
});

describe("gradeBandFor", () => {
  it("maps K–5, 6–8 and 9–12 to their bands", () => {
    expect([0, 5, 6, 8, 9, 12].map(gradeBandFor)).toEqual(["elementary", "elementary", "middle", "middle", "high", "high"]);
  });

  it("has no band for an unknown or impossible grade", () => {
    expect([null, undefined, -1, 13, 6.5].map(gradeBandFor)).toEqual([null, null, null, null, null]);
  });
});

describe("defaultPolicy", () => {
  it("maps the env defaults and has no daily cap", () => {
    expect(
      defaultPolicy({
        DEFAULT_TOKENS_PER_WINDOW: 5_000,
        DEFAULT_TOKEN_WINDOW_SECONDS: 900,
        DEFAULT_MESSAGES_PER_WINDOW: 10,
        DEFAULT_MESSAGE_WINDOW_SECONDS: 300,
        DEFAULT_NEAR_BUDGET_RATIO: 0.8,
      }),
    ).toEqual(defaults);
  });
});

describe("failSafePolicy", () => {
  it("scales every budget down, never to unlimited", () => {
    expect(failSafePolicy({ ...defaults, dailyTokenCap: 30_001 }, 0.5)).toEqual({
      ...defaults,
      tokensPerWindow: 2_500,
      messagesPerWindow: 5,
      dailyTokenCap: 15_000,
    });
    expect(failSafePolicy(defaults, 0.5).dailyTokenCap).toBeNull();
  });

  it("keeps one message so nobody is locked out, but never more than the policy", () => {
    expect(failSafePolicy({ ...defaults, messagesPerWindow: 1 }, 0.5).messagesPerWindow).toBe(1);
    expect(failSafePolicy({ ...defaults, messagesPerWindow: 0 }, 0.5).messagesPerWindow).toBe(0);
  });
});
