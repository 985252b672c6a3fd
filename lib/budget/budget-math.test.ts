import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  refundCorrection,
  retryAfterSeconds,
  settlement,
  tighter,
  windowResetAt,
} from "@/lib/budget/budget-math";

describe("windowResetAt", () => {
  it("follows the fixed grid floor(t / window)", () => {
    expect(windowResetAt(0, 1_000)).toBe(1_000);
    expect(windowResetAt(999, 1_000)).toBe(1_000);
    expect(windowResetAt(1_000, 1_000)).toBe(2_000);
    expect(windowResetAt(Date.UTC(2030, 0, 1, 23, 59), DAY_MS)).toBe(Date.UTC(2030, 0, 2));
  });
});

describe("settlement", () => {
  it("charges an overrun", () => {
    expect(settlement(500, 620)).toEqual({ charge: 120, refund: 0 });
  });

  it("refunds what the turn did not use", () => {
    expect(settlement(500, 180)).toEqual({ charge: 0, refund: 320 });
    expect(settlement(500, 0)).toEqual({ charge: 0, refund: 500 });
  });

  it("does nothing when the estimate was exact", () => {
    expect(settlement(500, 500)).toEqual({ charge: 0, refund: 0 });
  });

  it("works in whole tokens, as reservations are rounded up", () => {
    expect(settlement(499.2, 500)).toEqual({ charge: 0, refund: 0 });
    expect(settlement(500, 499.5)).toEqual({ charge: 0, refund: 0 });
  });

  it("never refunds more than was reserved, even for a nonsense actual", () => {
    expect(settlement(300, -50)).toEqual({ charge: 0, refund: 300 });
  });
});

describe("refundCorrection", () => {
  const reset = 60_000;

  it("keeps a refund that stayed within the charged window and above zero", () => {
    expect(refundCorrection({ reset, remaining: 700, limit: 1_000 }, reset, 300)).toBe(0);
    expect(refundCorrection({ reset, remaining: 1_000, limit: 1_000 }, reset, 300)).toBe(0);
  });

  it("charges back what went below zero", () => {
    // remaining 1250 of 1000: the counter is at -250.
    expect(refundCorrection({ reset, remaining: 1_250, limit: 1_000 }, reset, 300)).toBe(250);
  });

  it("undoes a refund that landed in a later window", () => {
    expect(refundCorrection({ reset: reset + 60_000, remaining: 1_000, limit: 1_000 }, reset, 300)).toBe(300);
  });
});

describe("tighter", () => {
  const a = { limit: 1_000, remaining: 200, resetAt: 10 };
  const b = { limit: 20_000, remaining: 150, resetAt: 99 };

  it("picks the budget with less remaining", () => {
    expect(tighter(a, b)).toBe(b);
    expect(tighter(b, a)).toBe(b);
  });

  it("on a tie, picks the one that refills later", () => {
    const c = { ...a, remaining: 0 };
    const d = { ...b, remaining: 0 };
    expect(tighter(c, d)).toBe(d);
    expect(tighter(d, c)).toBe(d);
  });
});

describe("retryAfterSeconds", () => {
  it("rounds up to whole seconds", () => {
    expect(retryAfterSeconds(10_001, 0)).toBe(11);
    expect(retryAfterSeconds(10_000, 0)).toBe(10);
  });

  it("is at least one second", () => {
    expect(retryAfterSeconds(100, 100)).toBe(1);
    expect(retryAfterSeconds(0, 5_000)).toBe(1);
  });
});
