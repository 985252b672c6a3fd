import { describe, expect, it } from "vitest";
import { costUsd, maxTokensFor, modelFor, priceFor } from "@/lib/ai/models";
import type { Usage } from "@/lib/tutor/types";

const usage = (u: Partial<Usage>): Usage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, ...u });

describe("model per mode", () => {
  const config = {
    ANTHROPIC_MODEL_FULL: "claude-sonnet-5",
    ANTHROPIC_MODEL_CONCISE: "claude-haiku-4-5",
    MAX_TOKENS_FULL: 800,
    MAX_TOKENS_CONCISE: 300,
  };

  it("maps full and concise to their configured model and max_tokens", () => {
    expect(modelFor("full", config)).toBe("claude-sonnet-5");
    expect(modelFor("concise", config)).toBe("claude-haiku-4-5");
    expect(maxTokensFor("full", config)).toBe(800);
    expect(maxTokensFor("concise", config)).toBe(300);
  });

  it("defaults to the validated env", () => {
    expect(typeof modelFor("full")).toBe("string");
    expect(maxTokensFor("concise")).toBeGreaterThan(0);
  });
});

describe("costUsd", () => {
  it("prices input and output per million tokens", () => {
    expect(costUsd("claude-haiku-4-5", usage({ inputTokens: 1_000_000, outputTokens: 1_000_000 }))).toBeCloseTo(6, 10);
    expect(costUsd("claude-sonnet-4-5", usage({ inputTokens: 1_000, outputTokens: 500 }))).toBeCloseTo(0.003 + 0.0075, 10);
    expect(costUsd("claude-sonnet-5", usage({ inputTokens: 2_000, outputTokens: 800 }))).toBeCloseTo(0.004 + 0.008, 10);
    expect(costUsd("claude-sonnet-5-5", usage({ outputTokens: 1_000_000 }))).toBeCloseTo(10, 10);
    expect(costUsd("claude-opus-4-7", usage({ inputTokens: 1_000_000 }))).toBeCloseTo(5, 10);
    expect(costUsd("claude-haiku-5-5", usage({ inputTokens: 100_000, outputTokens: 1_000_000 }))).toBeCloseTo(0.01 + 0.5, 10);
  });

  it("charges cache writes at 1.25× and cache reads at 0.1× of base input", () => {
    expect(costUsd("claude-sonnet-4-6", usage({ cacheWriteTokens: 1_000_000 }))).toBeCloseTo(3.75, 10);
    expect(costUsd("claude-sonnet-4-6", usage({ cacheReadTokens: 1_000_000 }))).toBeCloseTo(0.3, 10);
    // A typical cached turn: 1,300 cached system tokens, 400 fresh input, 300 output on Sonnet 5.
    const turn = usage({ cacheReadTokens: 1_300, inputTokens: 400, outputTokens: 300 });
    expect(costUsd("claude-sonnet-5", turn)).toBeCloseTo((1_300 * 0.2 + 400 * 2 + 300 * 10) / 1e6, 12);
  });

  it("uses Haiku 5.5's long-context rate above 100k input tokens, counting cached tokens", () => {
    const long = usage({ inputTokens: 60_000, cacheReadTokens: 50_000, outputTokens: 1_000 });
    expect(costUsd("claude-haiku-5-5", long)).toBeCloseTo((60_000 * 0.5 + 50_000 * 0.05 + 1_000 * 2.5) / 1e6, 12);
  });

  it("accepts dated IDs and -latest aliases", () => {
    expect(priceFor("claude-sonnet-4-5-20250929")).toEqual(priceFor("claude-sonnet-4-5"));
    expect(priceFor("claude-haiku-4-5-latest")).toEqual({ input: 1, output: 5 });
  });

  it("charges an unknown model as the most expensive known one, never less", () => {
    expect(priceFor("claude-mystery-9")).toEqual({ input: 5, output: 25 });
    const u = usage({ inputTokens: 10_000, outputTokens: 10_000, cacheReadTokens: 5_000, cacheWriteTokens: 5_000 });
    for (const known of ["claude-haiku-4-5", "claude-sonnet-4-5", "claude-sonnet-5", "claude-opus-5", "claude-haiku-5-5"]) {
      expect(costUsd("claude-mystery-9", u)).toBeGreaterThanOrEqual(costUsd(known, u));
    }
  });
});
