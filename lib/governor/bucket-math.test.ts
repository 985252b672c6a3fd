import { describe, expect, it } from "vitest";
import { headroom, levelFromHeader, refill, waitMs } from "./bucket-math";
import { resolveGovernor, type Triple } from "./config";

const caps: Triple = [50, 30_000, 8_000];
const rates: Triple = [50 / 60_000, 30_000 / 60_000, 8_000 / 60_000];

describe("refill", () => {
  it("treats a never-used bucket as full", () => {
    expect(refill(null, 123, caps, rates)).toEqual(caps);
  });

  it("refills continuously at limit/60 000 per ms, capped at capacity", () => {
    const stored = { levels: [0, 0, 0] as Triple, t: 1_000 };
    expect(refill(stored, 1_000 + 1_200, caps, rates)).toEqual([1, 600, 160]);
    expect(refill(stored, 1_000 + 30_000, caps, rates)).toEqual([25, 15_000, 4_000]);
    expect(refill(stored, 1_000 + 600_000, caps, rates)).toEqual(caps);
  });

  it("pays debt back before refilling, and never refills for a clock that runs behind", () => {
    const stored = { levels: [-5, -3_000, 0] as Triple, t: 10_000 };
    expect(refill(stored, 16_000, caps, rates)).toEqual([0, 0, 800]);
    expect(refill(stored, 9_000, caps, rates)).toEqual([-5, -3_000, 0]);
  });
});

describe("waitMs", () => {
  it("is 0 when every bucket covers the cost, else the slowest bucket's refill time", () => {
    expect(waitMs([1, 1_000, 500], [1, 1_000, 500], caps, rates)).toBe(0);
    // requests short by 1 (1 200 ms), input short by 500 (1 000 ms), output fine
    expect(waitMs([0, 500, 500], [1, 1_000, 500], caps, rates)).toBeCloseTo(1_200);
    expect(waitMs([1, 0, 0], [1, 0, 800], caps, rates)).toBeCloseTo(6_000);
  });

  it("clamps an oversized cost to the capacity so it waits for a full bucket, not forever", () => {
    expect(waitMs([50, 30_000, 8_000], [1, 45_000, 100], caps, rates)).toBe(0);
    expect(waitMs([50, 0, 8_000], [1, 45_000, 100], caps, rates)).toBeCloseTo(60_000);
  });
});

describe("headroom", () => {
  it("is the emptiest bucket's fill ratio, clamped to 0..1", () => {
    expect(headroom([25, 30_000, 8_000], caps)).toBe(0.5);
    expect(headroom([50, -10, 8_000], caps)).toBe(0);
  });
});

describe("levelFromHeader", () => {
  it("maps Anthropic's remaining onto our bucket: remaining minus the margin we keep unused", () => {
    // limit 50, capacity 47.5 (95%): 40 remaining there means 37.5 here.
    expect(levelFromHeader(40, 50, 50, 47.5, false)).toBe(37.5);
  });
  it("reads rounded token counts at their lowest possible value", () => {
    // "12000" could be anything in [11 500, 12 500): assume 11 500; margin 30 000 − 28 500.
    expect(levelFromHeader(12_000, 30_000, 30_000, 28_500, true)).toBe(10_000);
  });
  it("falls back to the configured limit when the header omits it", () => {
    expect(levelFromHeader(12_000, undefined, 30_000, 28_500, true)).toBe(10_000);
  });
  it("agrees with resolveGovernor's capacities at the default margin", () => {
    const r = resolveGovernor({ prefix: "p", limits: { rpm: 50, itpm: 30_000, otpm: 8_000 } });
    expect(r.capacities).toEqual([47.5, 28_500, 7_600]);
    expect(r.rates[1]).toBeCloseTo(28_500 / 60_000);
    // a full Anthropic bucket means a full bucket of ours, no more
    expect(levelFromHeader(30_000, 30_000, 30_000, r.capacities[1], false)).toBe(r.capacities[1]);
  });
});
