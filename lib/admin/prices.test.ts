import { describe, expect, it } from "vitest";
import { costUsd } from "@/lib/ai/models";
import { estimateCostUsd, normalizeModel, priceOf } from "./prices";

const usage = { inputTokens: 1_000_000, outputTokens: 200_000, cacheReadTokens: 500_000, cacheWriteTokens: 100_000 };

describe("prices", () => {
  it("uses the default table when no override exists, matching the ledger's per-request cost", () => {
    const price = priceOf("claude-haiku-4-5-20251001", new Map());
    expect(price).toEqual({ input: 1, output: 5, source: "default" });
    expect(estimateCostUsd(usage, price)).toBeCloseTo(costUsd("claude-haiku-4-5", usage), 9);
  });

  it("prefers an override, matched without the date suffix", () => {
    const overrides = new Map([["claude-sonnet-5", { input: 1, output: 4 }]]);
    expect(priceOf("claude-sonnet-5-latest", overrides)).toEqual({ input: 1, output: 4, source: "override" });
    // 1M input + 0.125M write-equivalent + 0.05M read-equivalent at $1, 0.2M output at $4.
    expect(estimateCostUsd(usage, { input: 1, output: 4 })).toBeCloseTo(1.175 + 0.8, 9);
  });

  it("normalizes ids", () => {
    expect(normalizeModel(" Claude-Opus-5-20260101 ")).toBe("claude-opus-5");
    expect(normalizeModel("offline")).toBe("offline");
  });

  it("prices the offline tutor at nothing", () => {
    expect(priceOf("offline-tutor", new Map())).toMatchObject({ input: 0, output: 0 });
  });
});
