import { describe, expect, it } from "vitest";
import { chargedTokens, isClassTime, reasonForFailure } from "./decide";

describe("isClassTime", () => {
  it("is true on a weekday during school hours in the school's time zone", () => {
    // Wednesday 2026-12-02 10:00 in New York = 15:00 UTC.
    expect(isClassTime(new Date("2026-12-02T15:00:00Z"), "America/New_York")).toBe(true);
    expect(isClassTime(new Date("2026-12-02T15:00:00Z"), "UTC")).toBe(true);
  });

  it("is false in the evening, before school and at weekends", () => {
    expect(isClassTime(new Date("2026-12-02T20:00:00Z"), "UTC")).toBe(false);
    expect(isClassTime(new Date("2026-12-02T07:59:00Z"), "UTC")).toBe(false);
    // Saturday.
    expect(isClassTime(new Date("2026-12-05T10:00:00Z"), "UTC")).toBe(false);
    // 10:00 UTC is 05:00 in New York.
    expect(isClassTime(new Date("2026-12-02T10:00:00Z"), "America/New_York")).toBe(false);
  });
});

describe("reasonForFailure", () => {
  it("tells rate limits and overload apart from other failures", () => {
    expect(reasonForFailure("rate_limited")).toBe("upstream_rate_limited");
    expect(reasonForFailure("overloaded")).toBe("upstream_overloaded");
    expect(reasonForFailure("network")).toBe("upstream_error");
    expect(reasonForFailure("timeout")).toBe("upstream_error");
  });
});

describe("chargedTokens", () => {
  it("charges uncached input, cache writes and output but not the shared cached prompt", () => {
    expect(chargedTokens({ inputTokens: 120, outputTokens: 300, cacheWriteTokens: 0 })).toBe(420);
    expect(chargedTokens({ inputTokens: 120, outputTokens: 300, cacheWriteTokens: 1_000 })).toBe(1_420);
  });
});

describe("reasonText", () => {
  it("says 'shorter' for a short answer at peak load and 'practice mode' for an offline one", async () => {
    const { reasonText } = await import("./reasons");
    expect(reasonText("peak_load", "concise")).toMatch(/shorter/);
    expect(reasonText("peak_load", "fallback")).toMatch(/practice mode/);
    expect(reasonText("budget_low", "concise")).toMatch(/shorter/);
  });
});
