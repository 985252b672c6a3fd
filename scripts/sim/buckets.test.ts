// Bucket arithmetic with explicit clocks: the integration tests cannot pin time this precisely.
import { describe, expect, it } from "vitest";
import { RateLimiter, rfc3339, TokenBucket } from "./buckets";

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("TokenBucket", () => {
  it("starts full, refills continuously at capacity/window and never above capacity", () => {
    const b = new TokenBucket(60, 60_000, T0);
    b.take(60, T0);
    expect(b.available(T0)).toBe(0);
    expect(b.available(T0 + 500)).toBeCloseTo(0.5);
    expect(b.waitMs(1, T0 + 500)).toBeCloseTo(500);
    expect(b.available(T0 + 600_000)).toBe(60);
  });

  it("goes negative after a realtime charge and waits for the debt plus the request", () => {
    const b = new TokenBucket(100, 60_000, T0);
    b.take(130, T0);
    expect(b.available(T0)).toBe(-30);
    expect(b.waitMs(1, T0)).toBeCloseTo(31 * 600);
  });

  it("makes a request larger than the bucket wait for a full bucket, not forever", () => {
    const b = new TokenBucket(100, 60_000, T0);
    b.take(50, T0);
    expect(b.waitMs(500, T0)).toBeCloseTo(50 * 600);
  });

  it("measures utilisation against what the bucket could have admitted", () => {
    const b = new TokenBucket(60, 60_000, T0);
    b.take(60, T0);
    b.take(60, T0 + 60_000);
    expect(b.utilisation(T0 + 60_000)).toBe(1);
    b.give(30, T0 + 60_000);
    expect(b.utilisation(T0 + 60_000)).toBe(0.75);
  });
});

describe("RateLimiter", () => {
  const limits = { rpm: 2, itpm: 1_000, otpm: 500, windowSeconds: 60 };

  it("admits all-or-nothing and names the first exhausted dimension with a rounded-up retry-after", () => {
    const l = new RateLimiter(limits, T0);
    expect(l.admit({ inputTokens: 400, outputReserve: 600 }, T0)).toEqual({ ok: false, dimension: "output-tokens", retryAfterSec: 1 });
    expect(l.requests.available(T0)).toBe(2);
    expect(l.admit({ inputTokens: 900, outputReserve: 100 }, T0)).toEqual({ ok: true });
    expect(l.admit({ inputTokens: 200, outputReserve: 100 }, T0)).toEqual({ ok: false, dimension: "input-tokens", retryAfterSec: 6 });
    expect(l.admit({ inputTokens: 10, outputReserve: 100 }, T0)).toEqual({ ok: true });
    expect(l.admit({ inputTokens: 10, outputReserve: 100 }, T0)).toEqual({ ok: false, dimension: "requests", retryAfterSec: 30 });
  });

  it("sends every header family, rounding token counts and combining input and output as tokens-*", () => {
    const l = new RateLimiter({ ...limits, itpm: 30_000, otpm: 8_000 }, T0);
    l.admit({ inputTokens: 1_400, outputReserve: 600 }, T0);
    expect(l.headers(T0, 1_000)).toEqual({
      "anthropic-ratelimit-requests-limit": "2",
      "anthropic-ratelimit-requests-remaining": "1",
      "anthropic-ratelimit-requests-reset": "2026-01-01T12:00:30Z",
      "anthropic-ratelimit-input-tokens-limit": "30000",
      "anthropic-ratelimit-input-tokens-remaining": "29000",
      "anthropic-ratelimit-input-tokens-reset": "2026-01-01T12:00:03Z",
      "anthropic-ratelimit-output-tokens-limit": "8000",
      "anthropic-ratelimit-output-tokens-remaining": "7000",
      "anthropic-ratelimit-output-tokens-reset": "2026-01-01T12:00:05Z",
      "anthropic-ratelimit-tokens-limit": "38000",
      "anthropic-ratelimit-tokens-remaining": "36000",
      "anthropic-ratelimit-tokens-reset": "2026-01-01T12:00:05Z",
    });
    expect(l.headers(T0, 1)["anthropic-ratelimit-input-tokens-remaining"]).toBe("28600");
  });
});

it("formats RFC 3339 without fractions, rounding up so the bucket is surely full by then", () => {
  expect(rfc3339(T0 + 1)).toBe("2026-01-01T12:00:01Z");
  expect(rfc3339(T0)).toBe("2026-01-01T12:00:00Z");
});
