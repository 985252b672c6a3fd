import { describe, expect, it } from "vitest";
import { readRateLimitHeaders } from "./headers";

const NOW = Date.parse("2026-12-01T10:00:00Z");

describe("readRateLimitHeaders", () => {
  const sample = {
    "anthropic-ratelimit-requests-limit": "50",
    "anthropic-ratelimit-requests-remaining": "49",
    "anthropic-ratelimit-requests-reset": "2026-12-01T10:00:01Z",
    "Anthropic-RateLimit-Input-Tokens-Limit": "30000",
    "anthropic-ratelimit-input-tokens-remaining": "27000",
    "anthropic-ratelimit-output-tokens-limit": "8000",
    "anthropic-ratelimit-output-tokens-remaining": "8000",
  };

  it("reads limit and remaining per dimension, case-insensitively, from a plain object", () => {
    expect(readRateLimitHeaders(sample, NOW)).toEqual({
      requests: { limit: 50, remaining: 49 },
      inputTokens: { limit: 30_000, remaining: 27_000 },
      outputTokens: { limit: 8_000, remaining: 8_000 },
      retryAfterMs: undefined,
    });
  });

  it("reads a fetch Headers object the same way", () => {
    expect(readRateLimitHeaders(new Headers(sample), NOW).inputTokens).toEqual({ limit: 30_000, remaining: 27_000 });
  });

  it("ignores missing, empty, negative and garbage values", () => {
    const r = readRateLimitHeaders({ "anthropic-ratelimit-requests-remaining": "", "anthropic-ratelimit-input-tokens-remaining": "-3", "anthropic-ratelimit-output-tokens-remaining": "lots" }, NOW);
    expect(r.requests).toEqual({ limit: undefined, remaining: undefined });
    expect(r.inputTokens.remaining).toBeUndefined();
    expect(r.outputTokens.remaining).toBeUndefined();
  });

  it("takes the first value of a repeated header", () => {
    expect(readRateLimitHeaders({ "anthropic-ratelimit-requests-remaining": ["3", "4"] }, NOW).requests.remaining).toBe(3);
  });

  it.each([
    [{ "retry-after": "7" }, 7_000],
    [{ "retry-after": "0.25" }, 250],
    [{ "retry-after": "Tue, 01 Dec 2026 10:00:30 GMT" }, 30_000],
    [{ "retry-after": "Tue, 01 Dec 2026 09:59:30 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{ "retry-after": "7", "retry-after-ms": "1500" }, 1_500],
    [{}, undefined],
  ])("retry-after %o → %s ms", (headers, ms) => {
    expect(readRateLimitHeaders(headers, NOW).retryAfterMs).toBe(ms);
  });
});
