import { describe, expect, it } from "vitest";
import { capProblem, parseScope, putPolicySchema, SCOPE_PATTERN } from "./policy-input";

const first = (input: unknown) => {
  const r = putPolicySchema.safeParse(input);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("putPolicySchema", () => {
  it("accepts a row of nulls and sensible numbers", () => {
    expect(first({ scope: "school", tokensPerWindow: 8_000, windowSeconds: 900, nearBudgetRatio: 0.75, dailyTokenCap: null, monthlyCostCapUsd: 120.5 })).toBeNull();
    expect(first({ scope: "grade:middle" })).toBeNull();
  });

  it("refuses negative, fractional, absurd and mistyped values with messages a person can act on", () => {
    expect(first({ scope: "school", tokensPerWindow: -1 })).toBe("Tokens per window can't be negative.");
    expect(first({ scope: "school", messagesPerWindow: 2.5 })).toBe("Messages per window must be a whole number.");
    expect(first({ scope: "school", windowSeconds: 30 })).toBe("Token window length (seconds) must be at least 60.");
    expect(first({ scope: "school", dailyTokenCap: 10_000_001 })).toBe("Daily token cap can't be more than 10,000,000.");
    expect(first({ scope: "school", nearBudgetRatio: 80 })).toBe("The concise-answer threshold is a share of the budget: at most 1 (100 %).");
    expect(first({ scope: "school", monthlyCostCapUsd: 10.005 })).toBe("Use whole cents for the monthly cost cap.");
    expect(first({ scope: "school", tokensPerWindow: "5000" })).toBe("Tokens per window must be a number.");
    expect(first({ scope: "school", tokens: 5 })).toMatch(/Unrecognized key/);
  });

  it("knows the scopes", () => {
    for (const ok of ["school", "grade:elementary", "grade:high", "class:c1", "student:cmx7tnxro000jza7dezzl7pim"]) expect(SCOPE_PATTERN.test(ok)).toBe(true);
    for (const bad of ["", "grade:college", "class:", "student:a b", "school:x", `class:${"x".repeat(65)}`]) expect(SCOPE_PATTERN.test(bad)).toBe(false);
    expect(parseScope("class:c1")).toEqual({ kind: "class", id: "c1" });
    expect(parseScope("grade:high")).toEqual({ kind: "grade", band: "high" });
    expect(parseScope("school")).toEqual({ kind: "school" });
  });
});

describe("capProblem", () => {
  const none = { schoolCap: null, others: [] };

  it("keeps monthly caps on the school row", () => {
    expect(capProblem({ scope: "class:c1", values: { monthlyTokenCap: 5 }, ...none })).toMatch(/whole school/);
    expect(capProblem({ scope: "student:s1", values: { monthlyCostCapUsd: 5 }, ...none })).toMatch(/whole school/);
    expect(capProblem({ scope: "school", values: { monthlyTokenCap: 5, monthlyCostCapUsd: 1 }, ...none })).toBeNull();
  });

  it("refuses overrides above the school's monthly token cap", () => {
    expect(capProblem({ scope: "class:c1", values: { tokensPerWindow: 10_000 }, schoolCap: 10_000, others: [] })).toBeNull();
    expect(capProblem({ scope: "class:c1", values: { tokensPerWindow: 10_001 }, schoolCap: 10_000, others: [] })).toBe("Tokens per window (10,001) can't exceed the school's monthly token cap (10,000).");
    expect(capProblem({ scope: "grade:high", values: { dailyTokenCap: 20_000 }, schoolCap: 10_000, others: [] })).toMatch(/^Daily token cap/);
    expect(capProblem({ scope: "class:c1", values: { tokensPerWindow: 10_001 }, schoolCap: null, others: [] })).toBeNull();
  });

  it("refuses a school cap below its own budget or existing overrides", () => {
    expect(capProblem({ scope: "school", values: { monthlyTokenCap: 1_000, tokensPerWindow: 2_000 }, ...none })).toMatch(/Tokens per window \(2,000\)/);
    const others = [
      { scope: "class:a", label: "Maths", tokensPerWindow: 5_000, dailyTokenCap: null },
      { scope: "student:b", label: "Ada", tokensPerWindow: null, dailyTokenCap: 9_000 },
      { scope: "grade:high", label: "High", tokensPerWindow: 100, dailyTokenCap: null },
    ];
    expect(capProblem({ scope: "school", values: { monthlyTokenCap: 4_000 }, schoolCap: null, others })).toBe(
      "A monthly token cap of 4,000 is below what 2 overrides allow (Maths, Ada). Lower those first.",
    );
    expect(capProblem({ scope: "school", values: { monthlyTokenCap: 9_000 }, schoolCap: null, others })).toBeNull();
  });
});
