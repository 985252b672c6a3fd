import { describe, expect, it } from "vitest";
import { LONG_FOLLOW_UP_TOKENS, MAX_PRIORITY, priorityFor, queueScore } from "./admission";
import { queueMember } from "./buckets";
import { resolveGovernor } from "./config";

describe("priorityFor", () => {
  const p = (classTime: boolean, firstTurn: boolean, estInputTokens = 500) => priorityFor({ classTime, firstTurn, estInputTokens });

  it("puts class time before homework, whatever the turn", () => {
    expect(p(true, false, 50_000)).toBeGreaterThan(p(false, true));
  });

  it("puts first turns before short follow-ups before long follow-ups", () => {
    for (const classTime of [true, false]) {
      expect(p(classTime, true, 50_000)).toBeGreaterThan(p(classTime, false, LONG_FOLLOW_UP_TOKENS));
      expect(p(classTime, false, LONG_FOLLOW_UP_TOKENS)).toBeGreaterThan(p(classTime, false, LONG_FOLLOW_UP_TOKENS + 1));
    }
  });

  it("spans exactly 0..MAX_PRIORITY", () => {
    expect(p(false, false, 99_999)).toBe(0);
    expect(p(true, true)).toBe(MAX_PRIORITY);
  });
});

describe("queueScore", () => {
  const t = Date.parse("2026-12-01T10:00:00Z");

  it("orders by priority first (higher first), then by arrival", () => {
    const order = [queueScore(0, t), queueScore(5, t + 10_000), queueScore(3, t + 5), queueScore(3, t)].sort((a, b) => a - b);
    expect(order).toEqual([queueScore(5, t + 10_000), queueScore(3, t), queueScore(3, t + 5), queueScore(0, t)]);
  });

  it("clamps and rounds out-of-range priorities", () => {
    expect(queueScore(99, t)).toBe(queueScore(MAX_PRIORITY, t));
    expect(queueScore(-1, t)).toBe(queueScore(0, t));
    expect(queueScore(2.6, t)).toBe(queueScore(3, t));
  });

  it("stays exact in a double for centuries", () => {
    const far = Date.parse("2200-01-01T00:00:00Z");
    expect(queueScore(0, far) + 1).not.toBe(queueScore(0, far));
    expect(queueScore(0, far)).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});

describe("queueMember", () => {
  it("encodes what the Lua needs to judge a waiting ticket", () => {
    expect(queueMember({ id: "abc", schoolId: "s|1", estInputTokens: 900, reservedOutputTokens: 300 }, 0.25)).toBe("abc|0.25|900|300|s|1");
    expect(queueMember({ id: "abc", estInputTokens: 0, reservedOutputTokens: 1 }, 1)).toBe("abc|1|0|1|");
  });
});

describe("resolveGovernor", () => {
  const limits = { rpm: 50, itpm: 30_000, otpm: 8_000 };
  it("rejects nonsense early", () => {
    expect(() => resolveGovernor({ prefix: "p", limits: { ...limits, rpm: 0 } })).toThrow(/rpm/);
    expect(() => resolveGovernor({ prefix: "p", limits, safetyMargin: 1.2 })).toThrow(/safetyMargin/);
    expect(() => resolveGovernor({ prefix: "p", limits, schoolShares: { a: 0 } })).toThrow(/schoolShares.a/);
    expect(() => resolveGovernor({ prefix: "p", limits, queue: { pollMaxMs: 1_000, ticketTtlMs: 1_500 } })).toThrow(/ticketTtlMs/);
  });
  it("gives each school its share, or the default", () => {
    const r = resolveGovernor({ prefix: "p", limits, schoolShares: { a: 0.3 }, defaultSchoolShare: 0.1 });
    expect([r.shareFor("a"), r.shareFor("b"), r.shareFor(undefined)]).toEqual([0.3, 0.1, 1]);
  });
});
