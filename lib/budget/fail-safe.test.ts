import { Redis, type Requester } from "@upstash/redis";
import { describe, expect, it, vi } from "vitest";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { reserveTokens } from "@/lib/budget/token-budget";
import { RedisUnavailableError } from "@/lib/redis/errors";

const policy: EffectivePolicy = {
  tokensPerWindow: 1_000,
  windowSeconds: 3_600,
  messagesPerWindow: 10,
  messageWindowSeconds: 300,
  nearBudgetRatio: 0.8,
  dailyTokenCap: null,
};

/** A client whose every request gets `respond()`'s answer (or its exception). */
function redisWith(respond: () => Promise<unknown>): { redis: Redis; calls: () => number } {
  let calls = 0;
  const request = (async () => {
    calls += 1;
    return respond();
  }) as Requester["request"];
  return { redis: new Redis({ request }), calls: () => calls };
}

describe("fail-safe", () => {
  it("falls back to a per-instance share of the budget when Redis is unreachable", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { redis, calls } = redisWith(async () => {
      throw new RedisUnavailableError("connection refused");
    });
    const first = await reserveTokens({ redis, studentId: "s", policy, tokens: 400 });
    expect(first).toMatchObject({ ok: true, snapshot: { limit: 500, remaining: 100 } });
    expect((await reserveTokens({ redis, studentId: "s", policy, tokens: 101 })).ok).toBe(false);
    // While marked down, Redis is not asked again (no connection timeout per turn).
    expect(calls()).toBe(1);
  });

  it("lets error replies through: a bug must surface, not quietly switch stores", async () => {
    const { redis } = redisWith(async () => ({ error: "WRONGTYPE Operation against a key holding the wrong kind of value" }));
    await expect(reserveTokens({ redis, studentId: "s", policy, tokens: 1 })).rejects.toThrow(/WRONGTYPE/);
  });

  it("rejects a reservation that is not a positive number of tokens", async () => {
    const { redis } = redisWith(async () => ({ result: null }));
    await expect(reserveTokens({ redis, studentId: "s", policy, tokens: 0 })).rejects.toThrow(RangeError);
    await expect(reserveTokens({ redis, studentId: "s", policy, tokens: Number.NaN })).rejects.toThrow(RangeError);
  });
});
