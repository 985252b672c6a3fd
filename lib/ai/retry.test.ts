import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AnthropicError,
} from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { backoffDelay, classifyError, isRetryable, parseRetryAfterMs } from "@/lib/ai/retry";

const statusError = (status: number, headers: Record<string, string> = {}, body: object = {}) =>
  APIError.generate(status, body, undefined, new Headers(headers));

describe("backoffDelay", () => {
  const base = { baseMs: 500, capMs: 8_000 };

  it("uses full jitter: uniform from 0 up to min(cap, base·2^(attempt−1))", () => {
    expect(backoffDelay(1, { ...base, random: () => 0 })).toBe(0);
    expect(backoffDelay(1, { ...base, random: () => 0.999_999 })).toBeCloseTo(500, 0);
    expect(backoffDelay(3, { ...base, random: () => 0.5 })).toBe(1_000);
    expect(backoffDelay(10, { ...base, random: () => 0.999_999 })).toBeCloseTo(8_000, 0);
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(8_000, 500 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(attempt, base)!;
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(ceiling);
      }
    }
  });

  it("never retries earlier than retry-after, and spreads clients over one baseMs after it", () => {
    expect(backoffDelay(1, { ...base, retryAfterMs: 3_000, random: () => 0 })).toBe(3_000);
    expect(backoffDelay(1, { ...base, retryAfterMs: 3_000, random: () => 0.999_999 })).toBeCloseTo(3_500, 0);
    // Above the cap too: the server knows when capacity returns.
    expect(backoffDelay(1, { ...base, retryAfterMs: 20_000, random: () => 0 })).toBe(20_000);
  });

  it("never sleeps past the deadline", () => {
    const nowMs = 1_000_000;
    // A jittered wait longer than the time left is trimmed to it…
    expect(backoffDelay(5, { ...base, random: () => 0.9, nowMs, deadlineAt: nowMs + 1_000 })).toBe(1_000);
    // …but a retry-after beyond the deadline means there is no useful retry.
    expect(backoffDelay(1, { ...base, retryAfterMs: 5_000, random: () => 0, nowMs, deadlineAt: nowMs + 4_000 })).toBeNull();
    expect(backoffDelay(1, { ...base, random: () => 0, nowMs, deadlineAt: nowMs })).toBeNull();
    expect(backoffDelay(1, { ...base, random: () => 0.5, nowMs, deadlineAt: nowMs + 10_000 })).toBe(250);
  });
});

describe("parseRetryAfterMs", () => {
  it("prefers retry-after-ms, then retry-after seconds, then an HTTP date", () => {
    expect(parseRetryAfterMs(new Headers({ "retry-after-ms": "1500.5", "retry-after": "9" }))).toBe(1500.5);
    expect(parseRetryAfterMs({ "retry-after": "2" })).toBe(2_000);
    expect(parseRetryAfterMs({ "retry-after": "0.25" })).toBe(250);
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(parseRetryAfterMs({ "retry-after": "Tue, 01 Dec 2026 10:00:03 GMT" }, now)).toBe(3_000);
  });

  it("ignores absent, zero, negative, past and garbage values", () => {
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs({})).toBeUndefined();
    expect(parseRetryAfterMs({ "retry-after": "0" })).toBeUndefined();
    expect(parseRetryAfterMs({ "retry-after": "-3" })).toBeUndefined();
    expect(parseRetryAfterMs({ "retry-after": "soon" })).toBeUndefined();
    expect(parseRetryAfterMs({ "retry-after-ms": "x", "retry-after": "1" })).toBe(1_000);
  });
});

describe("classifyError / isRetryable", () => {
  it.each([
    [429, "rate_limited"],
    [529, "overloaded"],
    [500, "server_error"],
    [502, "server_error"],
    [503, "server_error"],
    [504, "timeout"],
    [408, "timeout"],
  ])("retries %i as %s", (status, kind) => {
    expect(classifyError(statusError(status))).toEqual({ kind, status, retryable: true });
  });

  it.each([
    [400, "bad_request"],
    [401, "auth"],
    [403, "auth"],
    [404, "bad_request"],
    [413, "bad_request"],
  ])("does not retry %i (%s)", (status, kind) => {
    expect(classifyError(statusError(status))).toEqual({ kind, status, retryable: false });
  });

  it("retries network failures and SDK timeouts, not aborts", () => {
    expect(classifyError(new APIConnectionTimeoutError())).toEqual({ kind: "timeout", retryable: true });
    expect(classifyError(new APIConnectionError({ message: "ECONNRESET" }))).toEqual({ kind: "network", retryable: true });
    expect(classifyError(new TypeError("terminated"))).toEqual({ kind: "network", retryable: true });
    expect(classifyError(new APIUserAbortError())).toEqual({ kind: "timeout", retryable: false });
    expect(isRetryable(new AnthropicError("bad option"))).toBe(false);
  });

  it("classifies an `event: error` inside a 200 stream by its body type", () => {
    const sse = (type: string) => new APIError(undefined, { type: "error", error: { type } }, undefined, new Headers());
    expect(classifyError(sse("overloaded_error"))).toMatchObject({ kind: "overloaded", retryable: true });
    expect(classifyError(sse("rate_limit_error"))).toMatchObject({ kind: "rate_limited", retryable: true });
    expect(classifyError(sse("api_error"))).toMatchObject({ kind: "server_error", retryable: true });
    expect(classifyError(sse("invalid_request_error"))).toMatchObject({ kind: "bad_request", retryable: false });
  });

  it("does not retry a spend-cap 429, and obeys x-should-retry", () => {
    const spendCap = statusError(429, {}, { type: "error", error: { type: "rate_limit_error", details: { error_code: "enforced_spend_limit_reached" } } });
    expect(classifyError(spendCap)).toEqual({ kind: "rate_limited", status: 429, retryable: false });
    expect(isRetryable(statusError(503, { "x-should-retry": "false" }))).toBe(false);
    expect(isRetryable(statusError(400, { "x-should-retry": "true" }))).toBe(true);
  });
});
